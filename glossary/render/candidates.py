"""`glossary extract`'s list: a Rich table on a terminal (data escaped), tab-separated lines
with a header in a pipe, a JSON list with --json."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from glossary.extract.candidates import Candidate
from glossary.render.safe import rich_text, visible
from glossary.render.terms import Mode, console, plain_row, write_json

COLUMNS = ("rank", "text", "score", "count", "line", "reason", "context")


def candidate_list(candidates: Sequence[Candidate], mode: Mode) -> None:
    if mode is Mode.JSON:
        write_json([candidate.to_dict() for candidate in candidates])
        return
    rows = [
        (rank, c.text, f"{c.score:.3f}", c.count, c.line, c.reason, c.context)
        for rank, c in enumerate(candidates, 1)
    ]
    if mode is Mode.PLAIN:
        out = sys.stdout
        out.write(plain_row(COLUMNS) + "\n")
        for row in rows:
            out.write(plain_row(visible(str(value)) for value in row) + "\n")
        return
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for column in COLUMNS:
        table.add_column(
            column, justify="right" if column in ("rank", "score", "count") else "left"
        )
    for row in rows:
        table.add_row(*(rich_text(str(value)) for value in row))  # no markup, no controls
    console().print(table)
