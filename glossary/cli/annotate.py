"""`glossary annotate [FILE|-]`: the glossary terms a document uses, in five formats."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from glossary.cli.options import TermbaseOption, open_index


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
    from glossary.render import annotate as formats
    from glossary.render import terms as render
    from glossary.scan.document import terms_in
    from glossary.text.documents import read_document

    document = read_document(file, encoding)
    for warning in document.warnings:
        typer.echo(f"warning: {warning}", err=True)
    text = document.text
    store = open_index(ctx, termbase)
    found = terms_in(store, text)
    occurrences, terms = found.occurrences, found.terms
    mode = render.choose_mode(False)
    chosen = output_format or (Format.terms if mode is render.Mode.TERMINAL else Format.inline)
    if chosen is Format.terms and mode is render.Mode.TERMINAL:
        render.console().print(formats.terms_table(formats.term_uses(occurrences, terms)))
        return
    if chosen is Format.inline:  # the text byte for byte, a UTF-8 BOM included
        bom = "\ufeff" if document.encoding == "utf-8-sig" else ""
        out = bom + formats.inline(text, occurrences, terms, every=every)
    elif chosen is Format.markdown:
        out = formats.markdown(text, occurrences, terms, every=every)
    elif chosen is Format.html:
        title = "stdin" if file == "-" else Path(file).name
        out = formats.html(text, occurrences, terms, title=title)
    elif chosen is Format.jsonl:
        out = formats.jsonl(occurrences)
    else:
        out = formats.terms_tsv(formats.term_uses(occurrences, terms))
    write_exactly(out)


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
