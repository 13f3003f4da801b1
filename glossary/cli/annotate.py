"""`glossary annotate [FILE|-]`: the glossary terms a document uses, in five formats."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.options import TermbaseOption, open_index
from glossary.render.annotate import FORMATS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from glossary.model import Term
    from glossary.render.annotate_stream import Output, Parts
    from glossary.scan.occurrence import Occurrence

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
            help="The input's encoding [default: detect UTF-8, UTF-16/32 with a BOM, GB18030 "
            "or Big5].",
            show_default=False,
        ),
    ] = None,
    termbase: TermbaseOption = None,
) -> None:
    """Find the glossary terms in a document and gloss, footnote or list them."""
    # The scan's results are lists of 100,000s of objects (beside CC-CEDICT) and no cycles: the
    # cycle collector would walk them at its next young collection (6-8 ms a megabyte), and
    # what annotate makes is freed by reference counting as each part is written.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _annotate(ctx, file, output_format, every, encoding, termbase)
    finally:
        if collecting:
            gc.enable()


def _annotate(
    ctx: typer.Context,
    file: str,
    output_format: Format | None,
    every: bool,
    encoding: str | None,
    termbase: list[Path] | None,
) -> None:
    from glossary.render import terms as render
    from glossary.scan.document import parts_in, scanner_of
    from glossary.text.documents import stream_document

    # a file is opened first (a missing one is said before any index is built); stdin, which
    # can be read once, after the scanner's tables: damaged ones are rebuilt and the command
    # run again, on all of it
    document = None if file == "-" else stream_document(file, encoding)
    store = open_index(ctx, termbase)
    scanner = scanner_of(store)
    if document is None:
        document = stream_document(file, encoding)
    parts = parts_in(store, document.pieces, scanner)
    mode = render.choose_mode(False)
    chosen = str(output_format or ("terms" if mode is render.Mode.TERMINAL else "inline"))
    if chosen == "terms" and mode is render.Mode.TERMINAL:
        from glossary.render import annotate as formats
        from glossary.render import annotate_stream

        render.console().print(formats.terms_table(annotate_stream.term_uses(parts)))
    else:
        title = "stdin" if file == "-" else Path(file).name
        bom = "\ufeff" if chosen == "inline" and document.encoding == "utf-8-sig" else ""
        write_exactly(bom, _rendered(chosen, parts, every=every, title=title))
    for warning in document.warnings:
        typer.echo(f"warning: {warning}", err=True)


def _rendered(chosen: str, parts: Parts, *, every: bool, title: str) -> Iterable[Output]:
    """The output of format `chosen`, in pieces, from its streamed form; a format of the
    registry that has none is given the whole text (its memory then grows with the text)."""
    from glossary.render import annotate as formats
    from glossary.render import annotate_stream as streamed

    if chosen in streamed.STREAMED:
        return streamed.STREAMED[chosen](parts, every, title)
    texts: list[str] = []
    occurrences: list[Occurrence] = []
    terms: Mapping[str, Term] = {}
    for part, known in parts:
        texts.append(part.text)
        occurrences.extend(part.occurrences)
        terms = known
    page = formats.Page("".join(texts), occurrences, terms, every=every, title=title)
    return [formats.ANNOTATE_FORMATS[chosen].render(page)]


def write_exactly(*pieces: Output | Iterable[Output]) -> None:
    """Write UTF-8 bytes as they are, piece by piece: no newline translation, whatever the
    locale. Each argument is a text (or its UTF-8 bytes) or texts to write in turn."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    stream.flush()
    for piece in pieces:
        for text in [piece] if isinstance(piece, str | bytes) else piece:
            if buffer is None:
                stream.write(text if isinstance(text, str) else text.decode("utf-8"))
            else:
                buffer.write(text.encode("utf-8") if isinstance(text, str) else text)
    if buffer is not None:
        buffer.flush()


def register(app: typer.Typer) -> None:
    app.command()(annotate)
