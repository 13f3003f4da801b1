"""Reading a term base: YAML parsed with the safe loader (in pieces on every core for a large
file written by glossary), checked field by field with line numbers, into a `TermBase`.

A term base is a YAML mapping with a `terms` list (see the README for every field).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from glossary.errors import TermBaseError
from glossary.model import KINDS, Term, TermBase, term_from_dict
from glossary.termbase import bulk_parse
from glossary.termbase.validate import Problem, check
from glossary.termbase.yaml_io import (
    MAX_EXPANDED_NODES,
    duplicate_key,
    may_have_aliases,
    too_expanded,
    yaml_loader,
)
from glossary.text.fileio import decode_utf8, read_bytes, read_utf8

_Loader: Any = yaml_loader()


@dataclass(frozen=True, slots=True)
class Parsed:
    """The raw term mappings of a term base, the line each starts on, and its kind."""

    raws: list[Any]
    lines: list[int]
    kind: str = "glossary"


EMPTY = Parsed([], [])


def parse(text: str, name: str) -> tuple[Parsed, list[Problem]]:
    """Parse term-base YAML into raw term mappings, the line each starts on, and the problems
    that stop it from being read at all. A large file written by glossary is parsed in pieces
    on every core (see `glossary.termbase.bulk_parse`), with the same result."""
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
        return EMPTY, [_yaml_problem(exc, name, 1)]
    except RecursionError:
        return EMPTY, [Problem(name, 1, None, None, "malformed YAML: nested too deeply")]
    if root is None:
        return EMPTY, [Problem(name, 1, None, None, "empty file: expected a mapping with 'terms'")]
    if not isinstance(root, yaml.MappingNode):
        return EMPTY, [Problem(name, _line(root), None, None, "expected a mapping with 'terms'")]
    duplicate = duplicate_key(root)
    if duplicate is not None:
        return EMPTY, [Problem(name, duplicate[0].line + 1, None, None, duplicate[1])]
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
    return _construct(terms_node.value, name, kind, may_have_aliases(text))


def _construct(
    items: list[Any], name: str, kind: str, aliases: bool
) -> tuple[Parsed, list[Problem]]:
    """The raw mappings of the term nodes, refusing a repeated key and an alias bomb."""
    loader = _Loader("")
    raws, lines = [], []
    for item in items:
        if aliases and too_expanded(item):
            return EMPTY, [
                Problem(
                    name,
                    _line(item),
                    None,
                    None,
                    f"refused: its aliases (*name) expand to more than {MAX_EXPANDED_NODES:,} "
                    "values; write the values out",
                )
            ]
        try:
            raws.append(loader.construct_object(item, deep=True))
        except yaml.YAMLError as exc:
            return EMPTY, [_yaml_problem(exc, name, _line(item))]
        except RecursionError:
            return EMPTY, [Problem(name, _line(item), None, None, "nested too deeply")]
        except ValueError as exc:  # a date that is no date, an integer of 5,000 digits
            message = f"malformed YAML: a value that cannot be read ({str(exc)[:80]})"
            return EMPTY, [Problem(name, _line(item), None, None, message)]
        lines.append(_line(item))
    return Parsed(raws, lines, kind), []


def _yaml_problem(exc: yaml.YAMLError, name: str, line: int) -> Problem:
    """A YAML error as a problem on the line PyYAML points at (else `line`)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    constructing = isinstance(exc, yaml.constructor.ConstructorError)
    return Problem(
        name,
        mark.line + 1 if mark else line,
        None,
        None,
        what if constructing and "duplicate key" in what else f"malformed YAML: {what}",
    )


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


def validate(path: str | Path) -> list[Problem]:
    """Every problem in the term base at `path` (empty when it is clean)."""
    name = str(path)
    text = read_utf8(path)
    parsed, problems = parse(text, name)
    controls = "\\" in text
    return problems or check(
        parsed.raws, parsed.lines, name, parsed.kind, headwords=True, controls=controls
    )


def load(path: str | Path) -> TermBase:
    """Load and check a term base; the first problem is raised as a TermBaseError."""
    return load_bytes(path, read_bytes(path))


def load_bytes(path: str | Path, data: bytes) -> TermBase:
    """`load` of the term base at `path` whose bytes the caller has read already."""
    name = str(path)
    text = decode_utf8(data, name)
    streamed = _load_in_pieces(text, name)
    if streamed is not None:
        return streamed
    parsed, problems = parse(text, name)
    raws, lines = parsed.raws, parsed.lines
    problems = problems or check(raws, lines, name, parsed.kind, controls="\\" in text)
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


def _load_in_pieces(text: str, name: str) -> TermBase | None:
    """A large term base written by glossary, turned into terms a piece at a time as the pieces
    are parsed (`bulk_parse.iter_items`), so that the raw mappings of all its terms (about
    200 MB for CC-CEDICT) are never held at once; None when it is not such a file or has any
    problem, for `load_bytes` to read it whole and report the problems as it always has."""
    pieces = bulk_parse.split(text)
    if pieces is None:
        return None
    head, problems = _parse_whole(pieces[0], name)
    if problems:
        return None
    controls = "\\" in text
    terms: list[Term] = []
    lines: dict[str, int] = {}
    items = bulk_parse.iter_items(pieces[1])
    try:
        for piece in items:
            if piece is None or check(piece[0], piece[1], name, head.kind, controls=controls):
                return None
            for raw, line in zip(*piece, strict=True):
                term = term_from_dict(raw)
                if lines.setdefault(term.id, line) != line:
                    return None  # an id of an earlier piece: check() of the whole file says so
                terms.append(term)
    finally:
        items.close()
    return TermBase(
        path=name, name=Path(name).stem, terms=tuple(terms), lines=lines, kind=head.kind
    )


def load_many(paths: Iterable[str | Path]) -> list[TermBase]:
    return [load(path) for path in paths]
