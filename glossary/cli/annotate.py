"""`glossary annotate [FILE|-]`: the glossary terms a document uses, in five formats."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from glossary.cli.options import TermbaseOption, termbase_paths
from glossary.render.annotate import FORMATS

Format = StrEnum("Format", {format.name: format.name for format in FORMATS})  # type: ignore[misc]
FORMATS_HELP = "; ".join(f"{format.name}: {format.help}" for format in FORMATS)


def annotate(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(help="The document to annotate; '-' or nothing reads stdin."),
    ] = "-",
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help=FORMATS_HELP + " [default: terms on a terminal, inline in a pipe].",
            show_default=False,
        ),
    ] = None,
    every: Annotated[
        bool, typer.Option("--every", help="Gloss every occurrence, not only the first.")
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="The input's encoding [default: detect UTF-8, UTF-16/32 with a BOM, GB18030].",
            show_default=False,
        ),
    ] = None,
    termbase: TermbaseOption = None,
) -> None:
    """Find the glossary terms in a document and gloss, footnote or list them."""
    from glossary.cli.build_progress import build_progress
    from glossary.index.database import open_store
    from glossary.render import annotate as formats
    from glossary.render import terms as render
    from glossary.scan.document import terms_in
    from glossary.text.documents import read_document

    document = read_document(file, encoding)
    text = document.text
    with build_progress() as progress:
        store = open_store(termbase_paths(ctx, termbase), progress)
    found = terms_in(store, text)
    occurrences, terms = found.occurrences, found.terms
    mode = render.choose_mode(False)
    chosen = output_format or ("terms" if mode is render.Mode.TERMINAL else "inline")
    if chosen == "terms" and mode is render.Mode.TERMINAL:
        render.console().print(formats.terms_table(formats.term_uses(occurrences, terms)))
        return
    title = "stdin" if file == "-" else Path(file).name
    page = formats.Page(text, occurrences, terms, every=every, title=title)
    write_exactly(formats.ANNOTATE_FORMATS[str(chosen)].render(page))


def write_exactly(out: str) -> None:
    """Write UTF-8 bytes as they are: no newline translation, whatever the locale."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(out)
        return
    stream.flush()
    buffer.write(out.encode("utf-8"))
    buffer.flush()


def register(app: typer.Typer) -> None:
    app.command()(annotate)
