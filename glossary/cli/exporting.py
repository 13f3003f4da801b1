"""`glossary export FORMAT`: write the selected term bases in an outside format.

One subcommand per entry of `glossary.exporters.EXPORTS`, generated: each offers `-o`, the
settings its entry names (from `SETTINGS` below) and `--termbase`; all share `_write`.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from glossary.cli.generated import as_command
from glossary.cli.groups import HelpGroup
from glossary.cli.options import TermbaseOption, load_termbases
from glossary.errors import InputError
from glossary.exporters import EXPORTS, ExportFormat, ExportOptions, parse_cards

app = typer.Typer(
    help="Export the term base: " + ", ".join(format.name for format in EXPORTS) + ".",
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

Setting = tuple[Any, Any, Callable[[Any], Any]]  # annotation, default, value -> ExportOptions value
SETTINGS: dict[str, Setting] = {
    "anki": (
        Annotated[
            bool,
            typer.Option(
                "--anki",
                help="Add Anki's text-import header lines and the notes' GUIDs (see README). "
                "The note type must be in the Anki profile: import an 'export anki' package "
                "once first.",
            ),
        ],
        False,
        bool,
    ),
    "deck": (
        Annotated[str, typer.Option("--deck", help="Anki deck name (found by name).")],
        "Glossary",
        str,
    ),
    "cards": (
        Annotated[
            str,
            typer.Option(
                "--cards", help="Anki cards per note, comma-separated: zh-en, en-zh, pinyin."
            ),
        ],
        "zh-en,en-zh",
        parse_cards,
    ),
    "tbx_version": (
        Annotated[
            int,
            typer.Option(
                "--tbx-version",
                help="3: TBX-Basic, ISO 30042:2019; 2: the older martif layout, which "
                "translate-toolkit and Weblate read.",
            ),
        ],
        3,
        int,
    ),
}
"""What an export format may ask for: each `ExportOptions` field's option, default and parser."""


def _write(
    ctx: typer.Context,
    format: ExportFormat,
    output: Path | None,
    options: ExportOptions,
    termbase: list[Path] | None,
) -> None:
    from glossary.exporters import export
    from glossary.text.fileio import write_atomic

    if format.binary and output is None:
        raise InputError(
            f"{format.name} is a binary format: give a file with -o (e.g. -o terms.apkg)"
        )
    terms = [term for base in load_termbases(ctx, termbase) for term in base.terms]
    data = export(format.name, terms, options)
    if options.anki:
        typer.echo(ANKI_NOTE_TYPE_HINT, err=True)
    if output is None:
        sys.stdout.write(data if isinstance(data, str) else data.decode("utf-8"))
        return
    write_atomic(output, data)
    typer.echo(f"{output}: {len(terms)} terms written as {format.name}", err=True)


ANKI_NOTE_TYPE_HINT = (
    "note: Anki's text import cannot create the note type 'Glossary term (glossary CLI)': "
    "import a package from 'glossary export anki' once first, or Anki falls back to Basic "
    "and the cards come out empty"
)


def _command(format: ExportFormat) -> Callable[..., None]:
    """The subcommand for `format`: a function whose signature Typer reads its options from."""

    def command(
        ctx: typer.Context, output: Path | None, termbase: list[Path] | None, **settings: Any
    ) -> None:
        values = {name: SETTINGS[name][2](value) for name, value in settings.items()}
        _write(ctx, format, output, ExportOptions(**values), termbase)

    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [
        inspect.Parameter("ctx", keyword, annotation=typer.Context),
        inspect.Parameter(
            "output",
            keyword,
            annotation=RequiredOutputOption if format.binary else OutputOption,
            default=None,
        ),
        *(
            inspect.Parameter(
                name, keyword, annotation=SETTINGS[name][0], default=SETTINGS[name][1]
            )
            for name in format.settings
        ),
        inspect.Parameter("termbase", keyword, annotation=TermbaseOption, default=None),
    ]
    return as_command(command, parameters, format.name, format.summary)


for _format in EXPORTS:
    app.command(name=_format.name)(_command(_format))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="export")
