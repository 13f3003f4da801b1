"""CSV and TSV: one term per row, columns mapped by the header's names.

The names are those `glossary export csv` writes (`zh` is accepted for `headword`). A file
made for Anki (`export csv --anki`, whose first line starts with `#`) is refused with a hint.
Aliases and tags join their values with MULTI_SEPARATOR (`\\|` is a `|` inside a value), and
the `'` export puts before a cell a spreadsheet would run as a formula is taken off again. A
file with classic Mac line endings (CR alone) is read as lines. Pinyin and id may be left
empty: the caller fills them in (enrich.complete).
"""

from __future__ import annotations

import csv
import re

from glossary.errors import InputError
from glossary.exchange import COLUMNS, restore, split_values
from glossary.model import NAME_STATUSES, STATUSES, Source, Term
from glossary.termbase.validate import ID_PATTERN
from glossary.text.pinyin import numbers_to_marks

ALIASES = {"zh": "headword"}
KNOWN = frozenset(COLUMNS) | frozenset(ALIASES)
REQUIRED = ("headword", "en")
_SOURCE = re.compile(r"^(?P<document>.*?), line (?P<line>\d+)$")


def parse_source(text: str) -> Source | None:
    """`report.txt, line 69` -> Source("report.txt", 69); empty -> None."""
    text = text.strip()
    if not text:
        return None
    match = _SOURCE.match(text)
    if match:
        return Source(match["document"], int(match["line"]))
    return Source(text)


STATUS_SUFFIX = re.compile(r"^(.*?)\s*\[(" + "|".join(NAME_STATUSES) + r")\]$")


def _aliases(cell: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The aliases of a cell and the statuses of those marked `name [status]`."""
    names: list[str] = []
    statuses: list[tuple[str, str]] = []
    for part in split_values(cell):
        marked = STATUS_SUFFIX.match(part)
        name = marked.group(1) if marked else part
        names.append(name)
        if marked and marked.group(2) != "admitted":
            statuses.append((name, marked.group(2)))
    return tuple(names), tuple(statuses)


def _header(lines: list[str], delimiter: str, name: str) -> list[str]:
    """The column names, from the first line."""
    if not lines or not lines[0].strip():
        raise InputError(f"{name}: empty file: expected a header row ({', '.join(COLUMNS)})")
    if lines[0].startswith("#"):
        raise InputError(
            f"{name}:1: this is an Anki import file (export --anki); "
            "export without --anki to edit and import it"
        )
    try:
        columns = next(csv.reader([lines[0]], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise InputError(f"{name}:1: malformed header row: {exc}") from None
    names = [ALIASES.get(column.strip(), column.strip()) for column in columns]
    unknown = [column for column in names if column not in KNOWN]
    if unknown:
        raise InputError(f"{name}:1: unknown column {unknown[0]!r} (known: {', '.join(COLUMNS)})")
    missing = [column for column in REQUIRED if column not in names]
    if missing:
        raise InputError(f"{name}:1: the header has no {missing[0]!r} column")
    return names


def parse_delimited(text: str, name: str, delimiter: str) -> list[Term]:
    """Terms from CSV (`,`) or TSV (`\\t`) text; a malformed row is an error naming its line."""
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")  # classic Mac line endings
    lines = re.findall(r"[^\n]*\n|[^\n]+$", text)
    names, start = _header(lines, delimiter, name), 1
    reader = csv.reader(lines[start:], delimiter=delimiter, strict=True)
    terms: list[Term] = []
    line = start + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                terms.append(
                    _term(dict(zip(names, cells, strict=False)), len(cells), names, name, line)
                )
            line = start + reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{name}:{start + reader.line_num}: malformed row: {exc}") from None
    return terms


def _term(row: dict[str, str], width: int, names: list[str], name: str, line: int) -> Term:
    if width != len(names):
        raise InputError(
            f"{name}:{line}: {width} cells where the header has {len(names)} columns "
            "(quote cells that contain the separator)"
        )
    values = {key: restore(value).strip() for key, value in row.items()}
    for column in REQUIRED:
        if not values.get(column):
            raise InputError(f"{name}:{line}: {column}: missing: this column is required")
    term_id = values.get("id", "")
    if term_id and not ID_PATTERN.match(term_id):
        raise InputError(
            f"{name}:{line}: id: {term_id!r}: use lowercase ASCII letters, digits, hyphens"
        )
    status = values.get("status") or "complete"
    if status not in STATUSES:
        raise InputError(f"{name}:{line}: status: {status!r} is not one of: {', '.join(STATUSES)}")
    aliases, alias_statuses = _aliases(values.get("aliases", ""))
    return Term(
        id=term_id,
        headword=values["headword"],
        pinyin=numbers_to_marks(values.get("pinyin", "")),
        en=values["en"],
        aliases=aliases,
        alias_statuses=alias_statuses,
        definition_zh=values.get("definition_zh", ""),
        definition_en=values.get("definition_en", ""),
        status=status,
        note=values.get("note", ""),
        source=parse_source(values.get("source", "")),
        tags=split_values(values.get("tags", "")),
    )
