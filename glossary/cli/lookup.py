"""`glossary lookup QUERY...`: the command people type most."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.options import JsonOption, TermbaseOption, open_index
from glossary.errors import ExitCode, InputError

if TYPE_CHECKING:
    from glossary.search.ranking import SearchResult


def lookup(
    ctx: typer.Context,
    queries: Annotated[
        list[str],
        typer.Argument(
            help="What to look for: Chinese, English, an acronym, pinyin (any spelling), "
            "initials (ysxj), or a word from a definition. '-' reads one query per line "
            "from stdin.",
            show_default=False,
        ),
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Results per query.")] = 5,
    as_json: JsonOption = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when any query finds nothing [default: when all find nothing]."
        ),
    ] = False,
    termbase: TermbaseOption = None,
) -> None:
    """Find terms however you half-remember them, best first, saying why each matched.

    Exits 0 when any query found something (as grep does), 1 when none did (with --strict:
    when any did not)."""
    from glossary.render import terms as render
    from glossary.render.safe import visible
    from glossary.search.ranking import search

    wanted = _read_queries(queries)
    store = open_index(ctx, termbase)
    mode = render.choose_mode(as_json)
    results: list[SearchResult] = []

    def searched() -> Iterator[SearchResult]:
        for query in wanted:
            results.append(search(store, query, limit))
            yield results[-1]

    render.lookup_results(
        searched(), mode, several=len(wanted) > 1, show_origin=len(store.termbases) > 1
    )
    for result in results:
        if result.cut_to:
            typer.echo(
                f"note: query of {len(result.query)} characters cut to its first "
                f"{result.cut_to}: no name is longer",
                err=True,
            )
    missing = [result.query for result in results if not result.matches]
    for result in results:
        if not result.matches:
            hint = (
                f" (did you mean: {', '.join(result.suggestions)}?)" if result.suggestions else ""
            )
            typer.echo(visible(f"no term matches '{result.query}'{hint}"), err=True)
    if missing and (strict or len(missing) == len(results)):
        raise typer.Exit(int(ExitCode.NOT_FOUND))


def _read_queries(queries: list[str]) -> list[str]:
    wanted: list[str] = []
    for query in queries:
        if query == "-":
            from glossary.text.fileio import decode_utf8, read_stdin

            text = decode_utf8(read_stdin(), "stdin")
            wanted.extend(line.strip() for line in text.splitlines() if line.strip())
        elif query.strip():
            wanted.append(query.strip())
        else:
            raise InputError("empty query: say what to look for")
    if not wanted:
        raise InputError("no queries on stdin")
    return wanted


def register(app: typer.Typer) -> None:
    app.command()(lookup)
