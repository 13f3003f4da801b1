"""What glossary's exchange formats look like, shared by the importers that read them and the
exporters that write them (neither imports the other): the CSV/TSV columns and the separator of
multi-valued cells, and the notes TBX carries glossary's own fields in."""

from __future__ import annotations

import re
from collections.abc import Sequence

COLUMNS = (
    "id",
    "headword",
    "pinyin",
    "en",
    "aliases",
    "definition_zh",
    "definition_en",
    "status",
    "note",
    "source",
    "tags",
)
"""The columns of glossary's CSV/TSV, in the order written; `import csv` maps them by name."""
MULTI_SEPARATOR = " | "
"""Joins the values of a multi-valued cell (aliases, tags); a `|` or `\\` inside a value is
backslashed (`join_values`, `split_values`)."""
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
"""A cell a spreadsheet reads as a formula, or one that already carries the `'` against it."""


def neutralise(cell: str) -> str:
    """`=1+1` -> `'=1+1`: shown as text by LibreOffice and Excel, never run (OWASP's advice
    against formula injection). `restore` undoes exactly this."""
    return "'" + cell if _FORMULA.match(cell) else cell


def restore(cell: str) -> str:
    """Undo `neutralise`: `'=1+1` -> `=1+1`; any other cell is left as it is."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell) else cell


def join_values(values: Sequence[str]) -> str:
    """`("a | b", "x|y")` -> `a \\| b | x\\|y`: a `|` or `\\` inside a value backslashed."""
    return MULTI_SEPARATOR.join(value.replace("\\", "\\\\").replace("|", "\\|") for value in values)


def split_values(cell: str) -> tuple[str, ...]:
    """Undo `join_values`: split at each `|` not backslashed; `\\|` is `|`, `\\\\` is `\\`, a
    backslash before anything else is kept (hand-written files)."""
    values: list[str] = []
    current: list[str] = []
    characters = iter(cell)
    for char in characters:
        if char == "\\":
            following = next(characters, "")
            current.append(following if following in ("|", "\\") else char + following)
        elif char == "|":
            values.append("".join(current))
            current = []
        else:
            current.append(char)
    values.append("".join(current))
    return tuple(value.strip() for value in values if value.strip())


STATUS_NOTE = "glossary status: "
PINYIN_NOTE = "pinyin: "
PRINTED_NOTE = "printed: "
"""Prefixes of the TBX `note` elements that carry a term's status, pinyin and printed form."""
NAME_STATUS_NOTE = "glossary name status: "
"""A TBX `note` in a termSec/tig: `glossary name status: forbidden` (TBX has no such status)."""
