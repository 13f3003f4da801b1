"""CSV and TSV: one row per term under a header of the column names `import` reads.

Multi-valued cells (aliases, tags) join their values as `glossary.exchange` says, a `|` or
`\\` in a value backslashed (`join_values`); an alias that is not admitted carries its status
in brackets (`six ratios [deprecated]`, see `alias_cell`). A cell a spreadsheet would run as a
formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, as OWASP recommends
(`neutralise`); `import` takes exactly that `'` off again (`restore`), so export -> import
changes nothing. With `anki_deck` the file is for Anki, not for `glossary import`: Anki's
text-import header lines, then one row per note with the Anki note type's fields in order (Anki
maps columns to fields by position), the note's GUID (the same as in the package, so the two
update the same notes) and its tags.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from glossary.exchange import COLUMNS, join_values, neutralise
from glossary.model import Term


def alias_cell(term: Term, alias: str) -> str:
    """An alias as a cell writes it: `name`, or `name [status]` when it is not admitted."""
    status = term.status_of(alias)
    return alias if status == "admitted" else f"{alias} [{status}]"


class _Writer:
    """csv.writer, but quoting every cell of a row with a CR in it: the csv module quotes only
    the characters of its line terminator (`\\n`), and an unquoted CR reads as a line break."""

    def __init__(self, out: io.StringIO, delimiter: str) -> None:
        self._minimal = csv.writer(out, delimiter=delimiter, lineterminator="\n")
        self._quoted = csv.writer(
            out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL
        )

    def writerow(self, cells: Sequence[str]) -> None:
        writer = self._quoted if any("\r" in cell for cell in cells) else self._minimal
        writer.writerow(cells)


def row(term: Term) -> list[str]:
    cells = [
        term.id,
        term.headword,
        term.pinyin,
        term.en,
        join_values([alias_cell(term, alias) for alias in term.aliases]),
        term.definition_zh,
        term.definition_en,
        term.status,
        term.note,
        str(term.source) if term.source else "",
        join_values(term.tags),
    ]
    return [neutralise(cell) for cell in cells]


def export(
    terms: Sequence[Term],
    delimiter: str,
    anki_deck: str | None = None,
    cards: Sequence[str] = ("zh-en", "en-zh"),
) -> str:
    out = io.StringIO()
    writer = _Writer(out, delimiter)
    if anki_deck is None:
        writer.writerow(COLUMNS)
        for term in terms:
            writer.writerow(row(term))
        return out.getvalue()
    from glossary.exporters.anki import FIELDS, MODEL_NAME, anki_tags, note_fields, note_guid

    names = (*FIELDS, "GUID", "Tags")
    header = [
        f"#separator:{'Tab' if delimiter == chr(9) else 'Comma'}",
        "#html:true",
        f"#notetype:{MODEL_NAME}",
        f"#deck:{anki_deck}",
        f"#columns:{delimiter.join(names)}",
        f"#guid column:{len(FIELDS) + 1}",
        f"#tags column:{len(FIELDS) + 2}",
    ]
    out.write("\n".join(header) + "\n")
    for term in terms:
        fields = note_fields(term, cards)  # as the package stores them: Anki's own escaping
        # (#html:false) would turn ' into &#x27;
        cells = [*fields, note_guid(term.id), " ".join(anki_tags(term.tags))]
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()
