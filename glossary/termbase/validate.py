"""Checking a term base's raw term mappings field by field, each problem with its line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from glossary.model import FIELD_ORDER, NAME_STATUSES, REQUIRED_FIELDS, STATUSES

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
TONE_NUMBER = re.compile(r"[a-zü]+[1-5]\b", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters but tab and line feed: ESC and OSC sequences in a term would
restyle or retitle the terminal that prints it, or hide text."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a term base, located as precisely as the YAML allows."""

    file: str
    line: int
    term_id: str | None
    field: str | None
    message: str
    warning: bool = False
    """A warning (a dictionary's homographs) is reported, but `validate` still exits 0."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        if self.warning:
            where += " warning:"
        if self.term_id is not None:
            where += f" term '{self.term_id}':"
        if self.field is not None:
            where += f" {self.field}:"
        return f"{where} {self.message}"


def check(
    raws: list[Any],
    lines: list[int],
    name: str,
    kind: str = "glossary",
    headwords: bool = False,
    controls: bool = True,
) -> list[Problem]:
    """Every problem with the raw term mappings, in file order. With `headwords`, two terms
    with one headword too (what `validate` reports, though it does not stop a term base from
    loading): an error in a glossary, a warning in a dictionary, where homographs are normal.
    `controls=False` skips the search for control characters, for a caller that knows there
    are none (YAML refuses them raw, so a text without a backslash escape has none)."""
    problems: list[Problem] = []
    first_line_of: dict[str, int] = {}
    headword_line: dict[str, int] = {}
    for raw, line in zip(raws, lines, strict=True):
        problems.extend(_check_term(raw, line, name, first_line_of, controls))
        if headwords and isinstance(raw, dict):
            problems.extend(_repeated_headword(raw, line, name, kind, headword_line))
    return problems


def _repeated_headword(
    raw: dict[str, Any], line: int, name: str, kind: str, headword_line: dict[str, int]
) -> list[Problem]:
    headword = raw.get("headword")
    if not isinstance(headword, str) or not headword.strip():
        return []
    first = headword_line.setdefault(headword, line)
    if first == line:
        return []
    label = str(raw["id"]) if raw.get("id") not in (None, "") else None
    homograph = kind == "dictionary"
    message = f"{headword!r} is also the headword at line {first}"
    message += " (a homograph)" if homograph else ": merge the two"
    return [Problem(name, line, label, "headword", message, warning=homograph)]


def _check_term(
    raw: Any, line: int, name: str, first_line_of: dict[str, int], controls: bool = True
) -> list[Problem]:
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
    if controls:
        _check_controls(raw, problem)
    return problems


def _texts(field: str, value: Any) -> list[tuple[str, str]]:
    """The strings inside a field's value, each with the field it is in."""
    if isinstance(value, str):
        return [(field, value)]
    if isinstance(value, list):
        return [(field, item) for item in value if isinstance(item, str)]
    if isinstance(value, dict):
        return [(f"{field}.{key}", item) for key, item in value.items() if isinstance(item, str)]
    return []


def _check_controls(raw: dict[str, Any], problem: Any) -> None:
    for key, value in raw.items():
        for field, text in _texts(str(key), value):
            found = CONTROL.search(text)
            if found:
                problem(
                    field,
                    f"control character U+{ord(found[0]):04X} in {text[:30]!r}: "
                    "remove it (terminals act on control characters)",
                )


def _check_optional(raw: dict[str, Any], problem: Any) -> None:
    _check_aliases(raw.get("aliases"), problem)
    _check_for_checker(raw, problem)
    for key in ("tags",):
        value = raw.get(key)
        if value is not None and not (
            isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        ):
            problem(key, "expected a list of non-empty strings")
    en = raw.get("en")
    if en is not None and (not isinstance(en, str | int | float) or isinstance(en, bool)):
        problem("en", "expected text")
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


def _check_aliases(value: Any, problem: Any) -> None:
    """Aliases: a list of names, each a string (admitted) or {name: ..., status: ...}."""
    if value is None:
        return
    if not isinstance(value, list):
        problem("aliases", "expected a list of names")
        return
    for position, entry in enumerate(value, 1):
        if isinstance(entry, str):
            if not entry.strip():
                problem(f"aliases[{position}]", "empty name")
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problem(f"aliases[{position}]", "expected a name or a mapping with name and status")
            continue
        unknown = sorted(str(key) for key in entry if key not in ("name", "status"))
        if unknown:
            problem(f"aliases[{position}]", f"unknown key {unknown[0]!r} (known: name, status)")
        status = entry.get("status", "admitted")
        if status not in NAME_STATUSES:
            problem(
                f"aliases[{position}].status",
                f"{status!r} is not one of: {', '.join(NAME_STATUSES)}",
            )
        if not entry["name"].strip():
            problem(f"aliases[{position}].name", "empty name")


def _check_for_checker(raw: dict[str, Any], problem: Any) -> None:
    """`check: false` and `examples: {match: [...], no_match: [...]}`."""
    if "check" in raw and not isinstance(raw["check"], bool):
        problem("check", "expected true or false")
    examples = raw.get("examples")
    if examples is None:
        return
    if not isinstance(examples, dict):
        problem("examples", "expected a mapping with 'match' and/or 'no_match'")
        return
    for key, value in examples.items():
        if key not in ("match", "no_match"):
            problem(f"examples.{key}", "unknown key (use match or no_match)")
        elif not (isinstance(value, list) and all(isinstance(v, str) and v for v in value)):
            problem(f"examples.{key}", "expected a list of texts")
