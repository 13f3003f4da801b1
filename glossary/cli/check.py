"""`glossary check FILE [--target FILE]`: term QA of a draft or a translation, for people, CI
and editors."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.options import TermbaseOption, termbase_paths
from glossary.cli.streams import flush_stdout, silence_stdout
from glossary.errors import ExitCode, GlossaryError, InputError

if TYPE_CHECKING:
    from glossary.check.files import Checked


class Format(StrEnum):
    terminal = "terminal"
    plain = "plain"
    json = "json"
    sarif = "sarif"
    rdjsonl = "rdjsonl"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    note = "note"
    never = "never"


def check(
    ctx: typer.Context,
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="The drafts, or the source of a translation (with --target); a TSV (source, "
            "tab, target) or an XLIFF, PO or TMX file holds both; '-' or nothing reads stdin.",
            show_default=False,
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help="The translation of FILE, aligned by line ('-' reads stdin).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="terminal: a report grouped by file and rule; plain: FILE:LINE:COL: SEVERITY "
            "rule-id: message lines; json: an array of findings; sarif: SARIF 2.1.0; rdjsonl: "
            "reviewdog [default: terminal on a terminal, plain in a pipe].",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on", help="Exit 1 when a finding is at least this severe ('never': exit 0)."
        ),
    ] = FailOn.warning,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Replace deprecated and forbidden names by the preferred one, in place (the "
            "draft, or the target of line-aligned files), and report the changes.",
        ),
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
    """Check a draft or a translation against the term base: deprecated and forbidden names,
    missing and inconsistent translations of terms. Exit 0: nothing at --fail-on or above;
    1: findings; 2: bad input."""
    from glossary.check.findings import at_least

    checked = _run(ctx, files or ["-"], target, encoding, fix, termbase)
    for change in checked.changes:
        typer.echo(
            f"fixed {change.file}:{change.line}:{change.column}: "
            f"{change.before!r} -> {change.after!r}",
            err=True,
        )
    findings = checked.findings
    failed = fail_on is not FailOn.never and any(at_least(f.severity, fail_on) for f in findings)
    try:
        _print(checked, output_format)
        flush_stdout()
    except BrokenPipeError:  # the reader has gone (`check | head`): the exit still tells
        silence_stdout()
        raise typer.Exit(int(ExitCode.PROBLEMS if failed else ExitCode.OK)) from None
    if failed:
        raise typer.Exit(int(ExitCode.PROBLEMS))


def _run(
    ctx: typer.Context,
    sources: list[str],
    target: str | None,
    encoding: str | None,
    fix: bool,
    termbase: list[Path] | None,
) -> Checked:
    """Every FILE checked (and fixed), as one result; any error is bad input (exit 2)."""
    from glossary.check.files import check_files, combined
    from glossary.cli.build_progress import build_progress
    from glossary.index.database import open_store
    from glossary.scan.document import scanner_of

    try:
        if target is not None and len(sources) > 1:
            raise InputError("--target goes with one FILE, its source")
        with build_progress() as progress:
            store = open_store(termbase_paths(ctx, termbase), progress)
        scanner = scanner_of(store)
        return combined([check_files(store, scanner, f, target, encoding, fix) for f in sources])
    except GlossaryError as error:  # every failure to check is bad input to a linter: 2
        raise GlossaryError(error.message, exit_code=ExitCode.USAGE) from None


def _print(checked: Checked, output_format: Format | None) -> None:
    if output_format is not None and output_format is not Format.terminal:
        typer.echo(_rendered(output_format, checked), nl=False)  # no Rich console to set up
        return
    from glossary.render import check as render
    from glossary.render.terms import Mode, choose_mode, console

    chosen = output_format or (
        Format.terminal if choose_mode(False) is Mode.TERMINAL else Format.plain
    )
    if chosen is Format.terminal:
        console().print(render.report(checked.findings))
    else:
        typer.echo(_rendered(chosen, checked), nl=False)


def _rendered(chosen: Format, checked: Checked) -> str:
    from glossary.render import check as render

    findings, inexact = checked.findings, checked.inexact
    if chosen is Format.plain:
        return render.plain(findings)
    if chosen is Format.json:
        return render.as_json(findings)
    if chosen is Format.sarif:
        return render.sarif(findings, inexact)
    lines = {name: text.split("\n") for name, text in checked.texts.items()}

    def line_text(file: str, line: int) -> str | None:
        found = lines.get(file)
        return found[line - 1] if found is not None and 0 < line <= len(found) else None

    return render.rdjsonl(findings, line_text, inexact)


def register(app: typer.Typer) -> None:
    app.command()(check)
