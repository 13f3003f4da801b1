"""CSV and TSV: one row per term under a header of the column names `import` reads.

Multi-valued cells (aliases, tags) join their values with MULTI_SEPARATOR. With `anki_deck`,
the file starts with Anki's text-import header lines instead of a header row, with a `guid`
column holding the same note GUIDs as the Anki package, so the two update the same notes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from glossary.model import Term

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
ANKI_COLUMNS = ("guid", "anki_tags")
"""Extra columns of an --anki file: the note GUID and the tags as Anki writes them."""
MULTI_SEPARATOR = " | "


def row(term: Term) -> list[str]:
    return [
        term.id,
        term.headword,
        term.pinyin,
        term.en,
        MULTI_SEPARATOR.join(term.aliases),
        term.definition_zh,
        term.definition_en,
        term.status,
        term.note,
        str(term.source) if term.source else "",
        MULTI_SEPARATOR.join(term.tags),
    ]


def export(terms: Sequence[Term], delimiter: str, anki_deck: str | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if anki_deck is None:
        writer.writerow(COLUMNS)
        for term in terms:
            writer.writerow(row(term))
        return out.getvalue()
    from glossary.exporters.anki import MODEL_NAME, anki_tags, note_guid

    names = (*COLUMNS, *ANKI_COLUMNS)
    header = [
        f"#separator:{'Tab' if delimiter == chr(9) else 'Comma'}",
        "#html:false",
        f"#notetype:{MODEL_NAME}",
        f"#deck:{anki_deck}",
        f"#columns:{delimiter.join(names)}",
        f"#guid column:{names.index('guid') + 1}",
        f"#tags column:{names.index('anki_tags') + 1}",
    ]
    out.write("\n".join(header) + "\n")
    for term in terms:
        writer.writerow([*row(term), note_guid(term.id), " ".join(anki_tags(term.tags))])
    return out.getvalue()
