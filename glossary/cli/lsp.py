"""`glossary lsp`: the language server, over stdin and stdout, for editors."""

from __future__ import annotations

import typer

from glossary.cli.options import TermbaseOption, termbase_paths


def lsp(ctx: typer.Context, termbase: TermbaseOption = None) -> None:
    """Serve the Language Server Protocol on stdin/stdout: hover, completion, terms, check."""
    from glossary.lsp.server import serve  # pygls is imported only when the server runs

    serve(termbase_paths(ctx, termbase))


def register(app: typer.Typer) -> None:
    app.command()(lsp)
