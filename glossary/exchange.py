"""What glossary's exchange formats look like, shared by the importers that read them and the
exporters that write them (neither imports the other): the CSV/TSV columns and the separator of
multi-valued cells, and the notes TBX carries glossary's own fields in."""

from __future__ import annotations

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
"""Joins the values of a multi-valued cell (aliases, tags)."""

STATUS_NOTE = "glossary status: "
PINYIN_NOTE = "pinyin: "
PRINTED_NOTE = "printed: "
"""Prefixes of the TBX `note` elements that carry a term's status, pinyin and printed form."""
NAME_STATUS_NOTE = "glossary name status: "
"""A TBX `note` in a termSec/tig: `glossary name status: forbidden` (TBX has no such status)."""
