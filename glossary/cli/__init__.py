"""The `glossary` command: parse arguments, call the core, render, exit. Nothing else.

Typer only: may import everything below it (the library, the engines, the renderers); nothing
imports it. `GlossaryGroup.invoke` is the one place where errors become exit codes. Each
command lives in a module of this package named in `COMMANDS`, imported only when that command
runs (or when help lists them all), so `glossary lookup` does not pay for `import` or `check`.
"""

from __future__ import annotations

import importlib
import sqlite3
import sys
from collections.abc import Mapping
from typing import Annotated, Any, NoReturn

import click
import typer

from glossary.cli.groups import LazyCommands, LazyGroup
from glossary.cli.options import TermbaseOption, remember_termbases
from glossary.cli.streams import (
    check_arguments,
    flush_stdout,
    leave,
    output_error,
    replace_closed_stdout,
    silence_stdout,
)
from glossary.errors import ExitCode, GlossaryError, InputError


class GlossaryGroup(LazyGroup):
    """The one place where errors become a one-line message and an exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(COMMANDS, _commands_of)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            check_arguments(args)
        except GlossaryError as error:
            _fail(error)
        ctx.meta[ARGS] = list(args)
        try:
            return super().parse_args(ctx, args)  # where --help and --version print
        except OSError as error:
            _output_failed(error)

    def invoke(self, ctx: click.Context) -> Any:
        replace_closed_stdout()
        try:
            try:
                return self._invoke_and_flush(ctx)
            except sqlite3.DatabaseError as damaged:
                return self._rebuild_and_rerun(ctx, damaged)
        except GlossaryError as error:
            _fail(error)
        except OSError as error:
            _output_failed(error)
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None

    def _invoke_and_flush(self, ctx: click.Context) -> Any:
        result = super().invoke(ctx)
        flush_stdout()
        return result

    def _rebuild_and_rerun(self, ctx: click.Context, damaged: sqlite3.DatabaseError) -> Any:
        """A cached index failed under a query: discard it and run the command once more (the
        index is rebuilt); a second failure is an error."""
        from glossary.index.database import discard_opened

        for note in discard_opened(str(damaged)):
            typer.echo(f"note: {note}", err=True)
        fresh = self.make_context(ctx.info_name, list(ctx.meta[ARGS]), parent=ctx.parent)
        try:
            with fresh:
                return self._invoke_and_flush(fresh)
        except sqlite3.DatabaseError as again:
            raise GlossaryError(
                f"the index could not be read, even rebuilt: {again}", exit_code=ExitCode.IO
            ) from None


ARGS = "glossary.args"  # where parse_args keeps the arguments, for a second run


def _output_failed(error: OSError) -> NoReturn:
    """Standard output failed: the reader of a pipe has gone (`glossary list | head`: quiet, as
    the README says), or a write failed (a one-line error)."""
    silence_stdout()
    if isinstance(error, BrokenPipeError):
        raise typer.Exit(int(ExitCode.OK)) from None
    _fail(output_error(error))


def _fail(error: GlossaryError) -> NoReturn:
    from glossary.render.safe import visible

    typer.echo(f"error: {visible(error.message)}", err=True)
    raise typer.Exit(int(error.exit_code)) from None


ENVIRONMENT = """\b
Environment:
  GLOSSARY_TERMBASE   term bases used without --termbase (separated by ':')
  GLOSSARY_CACHE_DIR  the index cache folder [default: $XDG_CACHE_HOME/glossary,
                      else ~/.cache/glossary]
  GLOSSARY_TERMINAL   1 or 0: force terminal (Rich) or plain output
  NO_COLOR            set (to anything): no colours on a terminal
"""

app = typer.Typer(
    cls=GlossaryGroup,
    name="glossary",
    help="A bilingual Chinese-English term base: look terms up, annotate drafts, exchange.",
    epilog=ENVIRONMENT,
    no_args_is_help=True,
    add_completion=True,
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
    if termbase and ctx.invoked_subcommand == "import":
        raise InputError(
            "--termbase does not apply to import (it reads a file and prints YAML, or merges "
            "into the term base named by --into)"
        )
    remember_termbases(ctx, termbase)


COMMANDS = {
    "lookup": "lookup",
    "list": "terms",
    "show": "terms",
    "validate": "terms",
    "annotate": "annotate",
    "add": "authoring",
    "edit": "authoring",
    "remove": "authoring",
    "extract": "extracting",
    "check": "check",
    "lsp": "lsp",
    "import": "importing",
    "export": "exporting",
}
"""Each command, in the order help lists them, and the module of glossary.cli whose
`register(app)` adds it."""


def _commands_of(module: str) -> Mapping[str, click.Command]:
    """The click commands that glossary.cli.`module` registers, built as Typer builds the
    commands of `app` (the same markup mode and exception settings)."""
    registers = importlib.import_module(f"glossary.cli.{module}").register
    scratch = typer.Typer(
        rich_markup_mode=app.rich_markup_mode,
        pretty_exceptions_short=app.pretty_exceptions_short,
        suggest_commands=app.suggest_commands,
    )
    registers(scratch)
    return typer.main.get_group(scratch).commands


def main() -> None:
    try:
        app()
    except BrokenPipeError:
        silence_stdout()
        sys.exit(int(ExitCode.OK))


def run() -> NoReturn:
    """The `glossary` console script: `main`, then the process ends without Python's slow
    teardown (`streams.leave`). `main` itself raises SystemExit, for callers in a process that
    goes on."""
    try:
        main()
    except SystemExit as done:
        leave(_exit_status(done.code))
    leave(int(ExitCode.OK))


def _exit_status(code: object) -> int:
    """The status `sys.exit(code)` gives: None is 0, an int itself, anything else is printed
    to stderr and is 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
