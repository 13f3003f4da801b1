"""Load, validate and save the YAML term base.

A term base is a YAML mapping with a `terms` list (see the README for every field). It is read
with the safe loader only, checked field by field with line numbers, and written atomically with
a stable field order so that diffs stay small.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from glossary.errors import TermBaseError
from glossary.model import (
    FIELD_ORDER,
    KINDS,
    REQUIRED_FIELDS,
    STATUSES,
    Term,
    TermBase,
    term_from_dict,
)
from glossary.progress import Progress
from glossary.text.fileio import decode_utf8, read_bytes, read_utf8, write_atomic_chunks

FORMAT_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
TONE_NUMBER = re.compile(r"[a-zü]+[1-5]\b", re.IGNORECASE)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a term base, located as precisely as the YAML allows."""

    file: str
    line: int
    term_id: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        if self.term_id is not None:
            where += f" term '{self.term_id}':"
        if self.field is not None:
            where += f" {self.field}:"
        return f"{where} {self.message}"


# -- reading -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Parsed:
    """The raw term mappings of a term base, the line each starts on, and its kind."""

    raws: list[Any]
    lines: list[int]
    kind: str = "glossary"


EMPTY = Parsed([], [])


def yaml_loader() -> Any:
    """The YAML loader term bases are read with: the safe one, in C where PyYAML has it."""
    return _Loader


def parse(text: str, name: str) -> tuple[Parsed, list[Problem]]:
    """Parse term-base YAML into raw term mappings, the line each starts on, and the problems
    that stop it from being read at all. A large file written by glossary is parsed in pieces
    on every core (see `glossary.termbase.bulk_parse`), with the same result."""
    from glossary.termbase import bulk_parse

    pieces = bulk_parse.split(text)
    if pieces is not None:
        head, problems = _parse_whole(pieces[0], name)
        items = None if problems else bulk_parse.parse_items(pieces[1])
        if items is not None:
            return Parsed(items[0], items[1], head.kind), []
    return _parse_whole(text, name)


def _parse_whole(text: str, name: str) -> tuple[Parsed, list[Problem]]:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return EMPTY, [Problem(name, line, None, None, f"malformed YAML: {what}")]
    if root is None:
        return EMPTY, [Problem(name, 1, None, None, "empty file: expected a mapping with 'terms'")]
    if not isinstance(root, yaml.MappingNode):
        return EMPTY, [Problem(name, _line(root), None, None, "expected a mapping with 'terms'")]
    top = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}
    kind, kind_problems = _kind(top.get("kind"), name)
    if kind_problems:
        return EMPTY, kind_problems
    terms_node = top.get("terms")
    if terms_node is None:
        return EMPTY, [Problem(name, _line(root), None, "terms", "missing: expected a list")]
    if isinstance(terms_node, yaml.ScalarNode) and terms_node.value in ("", "~", "null"):
        return Parsed([], [], kind), []
    if not isinstance(terms_node, yaml.SequenceNode):
        return EMPTY, [Problem(name, _line(terms_node), None, "terms", "expected a list")]
    loader = _Loader("")
    raws, lines = [], []
    for item in terms_node.value:
        try:
            raws.append(loader.construct_object(item, deep=True))
        except yaml.YAMLError as exc:
            return EMPTY, [Problem(name, _line(item), None, None, f"malformed YAML: {exc}")]
        lines.append(_line(item))
    return Parsed(raws, lines, kind), []


def _kind(node: Any, name: str) -> tuple[str, list[Problem]]:
    if node is None:
        return "glossary", []
    if isinstance(node, yaml.ScalarNode) and node.value in KINDS:
        return str(node.value), []
    return "glossary", [
        Problem(name, _line(node), None, "kind", f"expected one of: {', '.join(KINDS)}")
    ]


def _line(node: Any) -> int:
    return int(node.start_mark.line) + 1


def check(raws: list[Any], lines: list[int], name: str) -> list[Problem]:
    """Every problem with the raw term mappings, in file order."""
    problems: list[Problem] = []
    first_line_of: dict[str, int] = {}
    for raw, line in zip(raws, lines, strict=True):
        problems.extend(_check_term(raw, line, name, first_line_of))
    return problems


def _check_term(raw: Any, line: int, name: str, first_line_of: dict[str, int]) -> list[Problem]:
    if not isinstance(raw, dict):
        return [Problem(name, line, None, None, "expected a term (a mapping of fields)")]
    term_id = raw.get("id")
    label = str(term_id) if term_id not in (None, "") else None
    problems: list[Problem] = []

    def problem(field: str | None, message: str) -> None:
        problems.append(Problem(name, line, label, field, message))

    for key in raw:
        if key not in FIELD_ORDER:
            problem(str(key), f"unknown field (known: {', '.join(FIELD_ORDER)})")
    for key in REQUIRED_FIELDS:
        value = raw.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            problem(key, "missing: this field is required")
        elif not isinstance(value, str | int | float) or isinstance(value, bool):
            problem(key, "expected text")
    if isinstance(term_id, str | int) and str(term_id).strip():
        term_id = str(term_id)
        if not ID_PATTERN.match(term_id):
            problem("id", "use lowercase ASCII letters and digits, joined by - or . (a slug)")
        if term_id in first_line_of:
            problem("id", f"duplicate id (first used at line {first_line_of[term_id]})")
        else:
            first_line_of[term_id] = line
    pinyin = raw.get("pinyin")
    if isinstance(pinyin, str) and TONE_NUMBER.search(pinyin):
        problem("pinyin", f"tone numbers in {pinyin!r}: write tone marks (yìshù, not yi4shu4)")
    _check_optional(raw, problem)
    return problems


def _check_optional(raw: dict[str, Any], problem: Any) -> None:
    for key in ("aliases", "tags"):
        value = raw.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        ):
            problem(key, "expected a list of non-empty strings")
    for key in ("printed", "note"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            problem(key, "expected text")
    status = raw.get("status")
    if status is not None and status not in STATUSES:
        problem("status", f"{status!r} is not one of: {', '.join(STATUSES)}")
    definition = raw.get("definition")
    if definition is not None:
        if not isinstance(definition, dict):
            problem("definition", "expected a mapping with 'zh' and/or 'en'")
        else:
            for key, value in definition.items():
                if key not in ("zh", "en"):
                    problem(f"definition.{key}", "unknown language (use zh or en)")
                elif not isinstance(value, str):
                    problem(f"definition.{key}", "expected text")
    source = raw.get("source")
    if source is not None:
        if not isinstance(source, dict) or not isinstance(source.get("document"), str):
            problem("source", "expected a mapping with 'document' (and optionally 'line')")
        elif "line" in source and not (
            isinstance(source["line"], int) and not isinstance(source["line"], bool)
        ):
            problem("source.line", "expected a whole number")


def validate(path: str | Path) -> list[Problem]:
    """Every problem in the term base at `path` (empty when it is clean)."""
    name = str(path)
    parsed, problems = parse(read_utf8(path), name)
    return problems or check(parsed.raws, parsed.lines, name)


def load(path: str | Path) -> TermBase:
    """Load and check a term base; the first problem is raised as a TermBaseError."""
    return load_bytes(path, read_bytes(path))


def load_bytes(path: str | Path, data: bytes) -> TermBase:
    """`load` of the term base at `path` whose bytes the caller has read already."""
    name = str(path)
    parsed, problems = parse(decode_utf8(data, name), name)
    raws, lines = parsed.raws, parsed.lines
    problems = problems or check(raws, lines, name)
    if problems:
        more = f" (and {len(problems) - 1} more: run 'glossary validate {name}')"
        raise TermBaseError(str(problems[0]) + (more if len(problems) > 1 else ""))
    terms = tuple(term_from_dict(raw) for raw in raws)
    return TermBase(
        path=name,
        name=Path(name).stem,
        terms=terms,
        lines={term.id: line for term, line in zip(terms, lines, strict=True)},
        kind=parsed.kind,
    )


def load_many(paths: Iterable[str | Path]) -> list[TermBase]:
    return [load(path) for path in paths]


# -- writing -------------------------------------------------------------------------------

HEADER = (
    "# glossary term base (format documented in the README: 'The term base format').\n"
    "# Edit by hand or with 'glossary import'; check with 'glossary validate'.\n"
)


CHUNK = 1_000
"""Terms turned into YAML at a time: PyYAML builds a node for every value before it writes, so
a whole dictionary at once would hold millions of nodes (most of an import's memory)."""


def dump(terms: Iterable[Term], kind: str = "glossary") -> str:
    """The YAML text of a term base, deterministic: fields in FIELD_ORDER, terms as given; `kind`
    is written only when it is not the default."""
    return "".join(dump_chunks(list(terms), kind))


def dump_chunks(
    terms: Sequence[Term],
    kind: str = "glossary",
    progress: Progress | None = None,
    chunk: int = CHUNK,
) -> Iterator[str]:
    """`dump` in pieces of `chunk` terms, the same text when joined; `progress` hears stage
    "writing", counting terms.

    A block sequence under a mapping key is written flush with the key, exactly as a top-level
    sequence is, so a term list dumped piece by piece reads the same as one dumped whole.
    """
    document: dict[str, Any] = {"version": FORMAT_VERSION}
    if kind != "glossary":
        document["kind"] = kind
    if not terms:
        document["terms"] = []
        yield HEADER + _yaml(document)
        return
    yield HEADER + _yaml(document) + "terms:\n"
    for start in range(0, len(terms), chunk):
        piece = terms[start : start + chunk]
        yield _yaml([term.to_dict() for term in piece])
        if progress is not None:
            progress("writing", start + len(piece), len(terms))


def _yaml(data: Any) -> str:
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)
    return text


def save(
    path: str | Path,
    terms: Iterable[Term],
    kind: str = "glossary",
    progress: Progress | None = None,
) -> None:
    """Write the term base atomically, YAML produced and written piece by piece."""
    write_atomic_chunks(path, dump_chunks(list(terms), kind, progress))
