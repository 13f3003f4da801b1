"""`glossary list`, `show` and `validate`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from glossary.cli.options import (
    JsonOption,
    TermbaseOption,
    load_termbases,
    open_index,
    termbase_paths,
)
from glossary.errors import ExitCode, TermNotFoundError


def list_terms(
    ctx: typer.Context, as_json: JsonOption = False, termbase: TermbaseOption = None
) -> None:
    """List the terms: id, headword, pinyin, English."""
    from glossary.render import terms as render

    bases = load_termbases(ctx, termbase)
    rows = [(term, base.name) for base in bases for term in base.terms]
    render.term_list(rows, render.choose_mode(as_json), show_origin=len(bases) > 1)


def complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for `show`: the ids in the index that start with what is typed (the
    index is opened, not built, when it is there; nothing is ever printed)."""
    import sqlite3

    from glossary.errors import GlossaryError
    from glossary.index.database import open_store

    try:  # completion runs no callbacks: the root's --termbase is among its params
        named = ctx.find_root().params.get("termbase") or ctx.params.get("termbase")
        return open_store(termbase_paths(ctx, named)).ids_starting(incomplete)
    except (GlossaryError, OSError, sqlite3.Error):
        return []


def show(
    ctx: typer.Context,
    term: Annotated[
        str,
        typer.Argument(
            help="The term's id or headword (e.g. eod, 艺术乡建).", autocompletion=complete_id
        ),
    ],
    as_json: JsonOption = False,
    termbase: TermbaseOption = None,
) -> None:
    """Show one term in full: both definitions, aliases, status, source."""
    from glossary.render import terms as render

    store = open_index(ctx, termbase)
    found = store.find(term.strip())
    if found is not None:
        render.term_detail(found[0], found[1], render.choose_mode(as_json))
        return
    raise TermNotFoundError(f"no term with id or headword '{term}' (try: glossary lookup {term})")


def validate(
    ctx: typer.Context,
    path: Annotated[
        Path | None,
        typer.Argument(help="Term base to check [default: those selected by --termbase]."),
    ] = None,
    termbase: TermbaseOption = None,
) -> None:
    """Check a term base; list every problem as file:line: term 'id': field: problem.

    Warnings (homographs in a dictionary) are listed too, but only errors make it exit 1."""
    from glossary.check.selftest import self_test
    from glossary.render.safe import visible
    from glossary.termbase.load import load
    from glossary.termbase.load import validate as validate_file
    from glossary.text.fileio import read_bytes

    paths = [path] if path else termbase_paths(ctx, termbase)
    problems = [problem for each in paths for problem in validate_file(each)]
    for each in paths:  # the terms' self-tests, in a term base that loads and has some
        errors = any(p.file == str(each) and not p.warning for p in problems)
        if not errors and b"examples:" in read_bytes(each):
            problems += self_test(load(each))
    for problem in problems:
        typer.echo(visible(str(problem)))
    for each in paths:
        if not any(problem.file == str(each) for problem in problems):
            typer.echo(f"{each}: ok", err=True)
    warnings = sum(problem.warning for problem in problems)
    count = len(problems) - warnings
    if warnings:
        typer.echo(f"{warnings} warning{'s' if warnings != 1 else ''}", err=True)
    if count:
        typer.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)
        raise typer.Exit(int(ExitCode.PROBLEMS))


def register(app: typer.Typer) -> None:
    app.command("list")(list_terms)
    app.command()(show)
    app.command()(validate)
