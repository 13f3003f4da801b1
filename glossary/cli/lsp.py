"""`glossary lsp`: the language server, over stdin and stdout, for editors."""

from __future__ import annotations

import sys

import typer

from glossary.cli.options import TermbaseOption, termbase_paths
from glossary.errors import InputError


def lsp(ctx: typer.Context, termbase: TermbaseOption = None) -> None:
    """Serve the Language Server Protocol on stdin/stdout: hover, completion, terms, check."""
    from glossary.cli.build_progress import build_progress
    from glossary.lsp.termbases import TermBases

    if getattr(sys.stdin, "buffer", None) is None:
        raise InputError("standard input is closed: an editor starts glossary lsp on a pipe")
    termbases = TermBases(termbase_paths(ctx, termbase))
    with build_progress() as progress:
        termbases.open_index(progress)  # a broken term base is an error here, not in the editor

    from glossary.lsp.app import serve  # pygls is imported only when the server runs

    status = serve(termbases)
    if status:
        raise typer.Exit(status)  # `exit` without `shutdown` first


def register(app: typer.Typer) -> None:
    app.command()(lsp)
