"""`glossary export FORMAT`: write the selected term bases in an outside format.

One subcommand per format, each with the options that concern it; all share `_write`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.groups import HelpGroup
from glossary.cli.options import TermbaseOption, load_termbases
from glossary.errors import InputError

if TYPE_CHECKING:
    from glossary.exporters import ExportOptions

app = typer.Typer(
    help="Export the term base: anki, tbx, csv, tsv, json, markdown.",
    cls=HelpGroup,
    no_args_is_help=True,
    rich_markup_mode=None,
)

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="File to write (atomically) [default: stdout]."),
]
RequiredOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="File to write (atomically); required.", show_default=False
    ),
]
DeckOption = Annotated[str, typer.Option("--deck", help="Anki deck name (found by name).")]
AnkiOption = Annotated[
    bool,
    typer.Option(
        "--anki", help="Add Anki's text-import header lines and the notes' GUIDs (see README)."
    ),
]
CardsOption = Annotated[
    str, typer.Option("--cards", help="Anki cards per note, comma-separated: zh-en, en-zh, pinyin.")
]


def _write(
    ctx: typer.Context,
    name: str,
    output: Path | None,
    options: ExportOptions,
    termbase: list[Path] | None,
) -> None:
    from glossary.exporters import BINARY_FORMATS, export
    from glossary.text.fileio import write_atomic

    if name in BINARY_FORMATS and output is None:
        raise InputError(f"{name} is a binary format: give a file with -o (e.g. -o terms.apkg)")
    terms = [term for base in load_termbases(ctx, termbase) for term in base.terms]
    data = export(name, terms, options)
    if output is None:
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        return
    write_atomic(output, data)
    typer.echo(f"{output}: {len(terms)} terms written as {name}", err=True)


def _write_delimited(
    ctx: typer.Context,
    name: str,
    output: Path | None,
    anki: bool,
    deck: str,
    cards: str,
    termbase: list[Path] | None,
) -> None:
    """csv or tsv: the options they share, then `_write`."""
    from glossary.exporters import ExportOptions, parse_cards

    options = ExportOptions(anki=anki, deck=deck, cards=parse_cards(cards))
    _write(ctx, name, output, options, termbase)


@app.command()
def anki(
    ctx: typer.Context,
    output: RequiredOutputOption = None,
    deck: DeckOption = "Glossary",
    cards: CardsOption = "zh-en,en-zh",
    termbase: TermbaseOption = None,
) -> None:
    """An Anki package (.apkg): one note per term; re-importing updates the notes in place."""
    from glossary.exporters import ExportOptions, parse_cards

    options = ExportOptions(deck=deck.strip() or "Glossary", cards=parse_cards(cards))
    _write(ctx, "anki", output, options, termbase)


@app.command()
def tbx(
    ctx: typer.Context,
    output: OutputOption = None,
    tbx_version: Annotated[
        int, typer.Option("--tbx-version", help="3: TBX-Basic, ISO 30042:2019; 2: martif.")
    ] = 3,
    termbase: TermbaseOption = None,
) -> None:
    """TBX-Basic for CAT tools (memoQ, Trados, Weblate): v3 by default, v2 on request."""
    from glossary.exporters import ExportOptions

    if tbx_version not in (2, 3):
        raise InputError(f"--tbx-version: {tbx_version} is not a TBX version here (use 2 or 3)")
    _write(ctx, "tbx", output, ExportOptions(tbx_version=tbx_version), termbase)


@app.command()
def csv(
    ctx: typer.Context,
    output: OutputOption = None,
    anki: AnkiOption = False,
    deck: DeckOption = "Glossary",
    cards: CardsOption = "zh-en,en-zh",
    termbase: TermbaseOption = None,
) -> None:
    """Comma-separated values with a header row of the columns `glossary import csv` reads."""
    _write_delimited(ctx, "csv", output, anki, deck, cards, termbase)


@app.command()
def tsv(
    ctx: typer.Context,
    output: OutputOption = None,
    anki: AnkiOption = False,
    deck: DeckOption = "Glossary",
    cards: CardsOption = "zh-en,en-zh",
    termbase: TermbaseOption = None,
) -> None:
    """Tab-separated values with a header row of the columns `glossary import tsv` reads."""
    _write_delimited(ctx, "tsv", output, anki, deck, cards, termbase)


@app.command()
def json(ctx: typer.Context, output: OutputOption = None, termbase: TermbaseOption = None) -> None:
    """The full term objects as a JSON array (the shape of `glossary list --json`)."""
    from glossary.exporters import ExportOptions

    _write(ctx, "json", output, ExportOptions(), termbase)


@app.command()
def markdown(
    ctx: typer.Context, output: OutputOption = None, termbase: TermbaseOption = None
) -> None:
    """A bilingual glossary document, sorted by pinyin, one section per term."""
    from glossary.exporters import ExportOptions

    _write(ctx, "markdown", output, ExportOptions(), termbase)
