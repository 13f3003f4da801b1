"""The `glossary` command: parse arguments, call the core, render, exit. Nothing else.

Typer only: may import everything below it (the library, the engines, the renderers); nothing
imports it. `GlossaryGroup.invoke` is the one place where errors become exit codes.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated, Any

import click
import typer
from typer.core import TyperGroup

from glossary.cli.options import TermbaseOption, remember_termbases
from glossary.errors import ExitCode, GlossaryError


class GlossaryGroup(TyperGroup):
    """The one place where errors become a one-line message and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GlossaryError as error:
            typer.echo(f"error: {error.message}", err=True)
            raise typer.Exit(int(error.exit_code)) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None


app = typer.Typer(
    cls=GlossaryGroup,
    name="glossary",
    help="A bilingual Chinese-English term base: look terms up, annotate drafts, exchange.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(wanted: bool) -> None:
    if wanted:
        from glossary.version import __version__

        typer.echo(f"glossary {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    termbase: TermbaseOption = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """A bilingual Chinese-English term base: look terms up, annotate drafts, exchange."""
    remember_termbases(ctx, termbase)


def _silence_stdout() -> None:
    """After the reader of a pipe has gone, send what Python still flushes to /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _register() -> None:
    from glossary.cli import annotate, check, exporting, importing, lookup, lsp, terms

    lookup.register(app)
    terms.register(app)
    annotate.register(app)
    check.register(app)
    lsp.register(app)
    app.add_typer(importing.app, name="import")
    app.add_typer(exporting.app, name="export")


_register()


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(int(ExitCode.OK))
