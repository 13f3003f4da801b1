"""Options shared by every command, and the term bases they select."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from glossary.index.store import Store
    from glossary.model import TermBase

TermbaseOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--termbase",
        "-t",
        help="Term base YAML to use; repeat to search several together "
        "[env: GLOSSARY_TERMBASE, paths separated by ':'; default: the bundled term base].",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def remember_termbases(ctx: typer.Context, paths: list[Path] | None) -> None:
    """Keep the root command's --termbase for the subcommand."""
    ctx.obj = {"termbases": list(paths or [])}


def termbase_paths(ctx: typer.Context, paths: list[Path] | None) -> list[Path]:
    """--termbase given to the subcommand, else to the root command, else env/bundled."""
    from glossary.termbase.locations import resolve_paths

    root = ctx.find_root().obj or {}
    return resolve_paths(list(paths or []) or root.get("termbases") or None)


def load_termbases(ctx: typer.Context, paths: list[Path] | None) -> list[TermBase]:
    from glossary.termbase.load import load_many

    return load_many(termbase_paths(ctx, paths))


def open_index(ctx: typer.Context, paths: list[Path] | None) -> Store:
    """The index of the selected term bases (a progress bar while it builds); what opening it
    noticed (a damaged cache discarded, an index built in memory) is a note on stderr."""
    from glossary.cli.build_progress import build_progress
    from glossary.index.database import open_store

    with build_progress() as progress:
        store = open_store(termbase_paths(ctx, paths), progress)
    for note in store.notes:
        typer.echo(f"note: {note}", err=True)
    return store


def writable_termbase(ctx: typer.Context, paths: list[Path] | None) -> Path:
    """The term base a change goes to: the first --termbase (of the subcommand, else of the
    root command), else the first path of $GLOSSARY_TERMBASE; never the bundled one."""
    from glossary.termbase.locations import writable_path

    root = ctx.find_root().obj or {}
    return writable_path(list(paths or []) or root.get("termbases") or None)
