"""CSV and TSV: one row per term under a header of the column names `import` reads.

Multi-valued cells (aliases, tags) join their values with MULTI_SEPARATOR; an alias that is
not admitted carries its status in brackets (`six ratios [deprecated]`, see `alias_cell`).
With `anki_deck` the file is for Anki, not for `glossary import`: Anki's text-import header
lines, then one row per note with the Anki note type's fields in order (Anki maps columns to
fields by position), the note's GUID (the same as in the package, so the two update the same
notes) and its tags.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from glossary.exchange import COLUMNS, MULTI_SEPARATOR
from glossary.model import Term


def alias_cell(term: Term, alias: str) -> str:
    """An alias as a cell writes it: `name`, or `name [status]` when it is not admitted."""
    status = term.status_of(alias)
    return alias if status == "admitted" else f"{alias} [{status}]"


def row(term: Term) -> list[str]:
    return [
        term.id,
        term.headword,
        term.pinyin,
        term.en,
        MULTI_SEPARATOR.join(alias_cell(term, alias) for alias in term.aliases),
        term.definition_zh,
        term.definition_en,
        term.status,
        term.note,
        str(term.source) if term.source else "",
        MULTI_SEPARATOR.join(term.tags),
    ]


def export(
    terms: Sequence[Term],
    delimiter: str,
    anki_deck: str | None = None,
    cards: Sequence[str] = ("zh-en", "en-zh"),
) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if anki_deck is None:
        writer.writerow(COLUMNS)
        for term in terms:
            writer.writerow(row(term))
        return out.getvalue()
    from glossary.exporters.anki import FIELDS, MODEL_NAME, anki_tags, field_values, note_guid

    names = (*FIELDS, "GUID", "Tags")
    header = [
        f"#separator:{'Tab' if delimiter == chr(9) else 'Comma'}",
        "#html:false",
        f"#notetype:{MODEL_NAME}",
        f"#deck:{anki_deck}",
        f"#columns:{delimiter.join(names)}",
        f"#guid column:{len(FIELDS) + 1}",
        f"#tags column:{len(FIELDS) + 2}",
    ]
    out.write("\n".join(header) + "\n")
    for term in terms:
        fields = field_values(term, cards)
        writer.writerow([*fields, note_guid(term.id), " ".join(anki_tags(term.tags))])
    return out.getvalue()
