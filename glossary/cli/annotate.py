"""`glossary annotate [FILE|-]`: the glossary terms a document uses, in five formats."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.options import TermbaseOption, open_index

if TYPE_CHECKING:
    from glossary.render.annotate_stream import Parts


class Format(StrEnum):
    inline = "inline"
    markdown = "markdown"
    html = "html"
    jsonl = "jsonl"
    terms = "terms"


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
            help="inline: the text with a gloss after each term's first occurrence; markdown: "
            "footnotes; html: a page with <abbr> titles; jsonl: one object per occurrence; "
            "terms: the terms used [default: terms on a terminal, inline in a pipe].",
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
    from glossary.render import terms as render
    from glossary.scan.document import parts_in
    from glossary.text.documents import stream_document

    document = stream_document(file, encoding)
    store = open_index(ctx, termbase)
    parts = parts_in(store, document.pieces)
    mode = render.choose_mode(False)
    chosen = output_format or (Format.terms if mode is render.Mode.TERMINAL else Format.inline)
    if chosen is Format.terms and mode is render.Mode.TERMINAL:
        from glossary.render import annotate as formats
        from glossary.render import annotate_stream

        render.console().print(formats.terms_table(annotate_stream.term_uses(parts)))
    else:
        title = "stdin" if file == "-" else Path(file).name
        bom = "\ufeff" if chosen is Format.inline and document.encoding == "utf-8-sig" else ""
        write_exactly(bom, *_rendered(chosen, parts, every=every, title=title))
    for warning in document.warnings:
        typer.echo(f"warning: {warning}", err=True)


def _rendered(chosen: Format, parts: Parts, *, every: bool, title: str) -> Iterator[str]:
    """The output of `chosen`, in pieces (the inline text keeps the document byte for byte)."""
    from glossary.render import annotate as formats
    from glossary.render import annotate_stream as streamed

    if chosen is Format.inline:
        return streamed.inline(parts, every=every)
    if chosen is Format.markdown:
        return streamed.markdown(parts, every=every)
    if chosen is Format.html:
        return streamed.html(parts, title=title)
    if chosen is Format.jsonl:
        return streamed.jsonl(parts)
    return iter([formats.terms_tsv(streamed.term_uses(parts))])


def write_exactly(*pieces: str | Iterable[str]) -> None:
    """Write UTF-8 bytes as they are, piece by piece: no newline translation, whatever the
    locale. Each argument is a text or texts to write in turn."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    stream.flush()
    for piece in pieces:
        for text in [piece] if isinstance(piece, str) else piece:
            if buffer is None:
                stream.write(text)
            else:
                buffer.write(text.encode("utf-8"))
    if buffer is not None:
        buffer.flush()


def register(app: typer.Typer) -> None:
    app.command()(annotate)
