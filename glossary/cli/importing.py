"""`glossary import FORMAT FILE`: bring terms in from outside."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from glossary.cli.groups import HelpGroup
from glossary.errors import InputError
from glossary.model import Term
from glossary.progress import Progress

app = typer.Typer(
    help="Import terms into a term base (or print them as YAML).",
    cls=HelpGroup,
    no_args_is_help=True,
    rich_markup_mode=None,
)

IntoOption = Annotated[
    Path | None,
    typer.Option(
        "--into",
        help="Term base to merge into (created if missing). Without it, print YAML to stdout.",
    ),
]
UpdateOption = Annotated[
    bool, typer.Option("--update", help="Update terms that are already there (by id or headword).")
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Say what would change; write nothing.")
]


def say(message: str) -> None:
    """A line on stderr; through `sys.stderr` as it is now, so that under a progress bar the
    line goes above the bar (Rich replaces sys.stderr; `typer.echo` would write past it)."""
    print(message, file=sys.stderr)


@app.command()
def appendix(
    file: Annotated[Path, typer.Argument(help="A printed 名词解释 appendix as UTF-8 text.")],
    into: IntoOption = None,
    update: UpdateOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Read a printed 名词解释 (glossary) appendix: headword, separator, definition."""
    from glossary.importers.appendix import OWNED_FIELDS, parse_appendix
    from glossary.termbase.enrich import complete
    from glossary.text.fileio import read_utf8

    terms, report = parse_appendix(read_utf8(file), document=file.name)
    if not terms:
        raise InputError(
            f"{file}: no entries found (an entry is a headword, then a space or colon, "
            "then its definition)"
        )
    terms = complete(terms)
    say(f"{file}: {report.found} entries found, {len(terms)} distinct terms")
    if report.identical_duplicates:
        say(f"  merged {report.identical_duplicates} identical reprints")
    for line in report.merged:
        say(f"  merged near-identical reprints: {line}")
    for headword in report.joined:
        say(f"  joined across a page header: {headword}")
    for headword in report.truncated:
        say(f"  truncated in the source (kept as printed, status: truncated): {headword}")
    for line in report.conflicts:
        say(f"  conflict: {line}")
    for skipped in sorted(report.skipped, key=lambda s: s.line):
        excerpt = skipped.text.replace("\n", " ")
        excerpt = excerpt if len(excerpt) <= 24 else excerpt[:24] + "…"
        say(f"  skipped line {skipped.line}: {skipped.reason}: {excerpt}")
    _finish(terms, into, update=update, dry_run=dry_run, owned_fields=OWNED_FIELDS)


def _finish(
    terms: list[Term],
    into: Path | None,
    *,
    update: bool,
    dry_run: bool,
    owned_fields: tuple[str, ...] | None = None,
    match_headword: bool = True,
    kind: str = "glossary",
    progress: Progress | None = None,
) -> None:
    """Print the terms as YAML (no --into), or merge them into the term base and report.
    `kind` is the kind of a term base created here (an existing one keeps its own)."""
    if into is None:
        from glossary.termbase.save import dump_chunks

        sys.stdout.writelines(dump_chunks(terms, kind, progress))
        return
    from glossary.termbase.merge import merge_into_file

    result = merge_into_file(
        into,
        terms,
        update=update,
        dry_run=dry_run,
        owned_fields=owned_fields,
        match_headword=match_headword,
        kind=kind,
        progress=progress,
    )
    for line in result.conflicts:
        say(f"  not updated: {line}")
    verb = "would change" if dry_run else "updated"
    say(
        f"{into}: {verb}: {len(result.added)} added, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged, {len(result.conflicts)} conflicts"
    )


def _import(
    file: Path,
    terms: list[Term],
    *,
    nothing: str,
    counted: str,
    into: Path | None,
    update: bool,
    dry_run: bool,
    enrich: bool = True,
    match_headword: bool = True,
    kind: str = "glossary",
    progress: Progress | None = None,
) -> None:
    """Refuse an empty `terms` with `nothing`, say how many `counted` were read, then finish.

    `enrich` fills in missing pinyin and ids; `match_headword`, `kind` and `progress` go on to
    the merge.
    """
    if not terms:
        raise InputError(f"{file}: {nothing}")
    say(f"{file}: {len(terms)} {counted} read")
    if enrich:
        from glossary.termbase.enrich import complete

        terms = complete(terms)
    _finish(
        terms,
        into,
        update=update,
        dry_run=dry_run,
        match_headword=match_headword,
        kind=kind,
        progress=progress,
    )


def _delimited(file: Path, delimiter: str, into: Path | None, update: bool, dry_run: bool) -> None:
    from glossary.importers.delimited import parse_delimited
    from glossary.text.fileio import read_utf8

    terms = parse_delimited(read_utf8(file), str(file), delimiter)
    nothing = "no rows under the header: nothing to import"
    _import(file, terms, nothing=nothing, counted="rows", into=into, update=update, dry_run=dry_run)


@app.command()
def csv(
    file: Annotated[Path, typer.Argument(help="CSV with a header row (see README: Exchange).")],
    into: IntoOption = None,
    update: UpdateOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Read comma-separated values, columns mapped by the header's names."""
    _delimited(file, ",", into, update, dry_run)


@app.command()
def tsv(
    file: Annotated[Path, typer.Argument(help="TSV with a header row (see README: Exchange).")],
    into: IntoOption = None,
    update: UpdateOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Read tab-separated values, columns mapped by the header's names."""
    _delimited(file, "\t", into, update, dry_run)


@app.command()
def tbx(
    file: Annotated[Path, typer.Argument(help="A TBX file: TBX-Basic v3 or v2 (martif).")],
    into: IntoOption = None,
    update: UpdateOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Read TBX (v3 or v2) through a hardened XML parser; entities are refused."""
    from glossary.importers.tbx import parse_tbx
    from glossary.text.fileio import read_bytes

    terms = parse_tbx(read_bytes(file), str(file))
    nothing = "no conceptEntry or termEntry elements: nothing to import"
    _import(
        file, terms, nothing=nothing, counted="entries", into=into, update=update, dry_run=dry_run
    )


@app.command()
def cedict(
    file: Annotated[Path, typer.Argument(help="A CC-CEDICT file, plain or .gz.")],
    into: IntoOption = None,
    update: UpdateOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Read CC-CEDICT; entries are matched by id only (one headword has several readings).

    A term base created here is a dictionary (`kind: dictionary`): annotate matches its words by
    longest match alone, without the word-boundary check a glossary's short names get.
    On a terminal, a progress bar on stderr follows the stages (the whole file takes seconds)."""
    from glossary.cli.progressbar import progress_bar
    from glossary.importers.cedict import parse_cedict
    from glossary.text.fileio import read_bytes

    nothing = "no entries found (an entry is 繁體 简体 [pin1 yin1] /def/)"
    with progress_bar(beside_stdout=into is None) as progress:
        terms = parse_cedict(read_bytes(file), str(file), progress)
        _import(
            file,
            terms,
            nothing=nothing,
            counted="entries",
            into=into,
            update=update,
            dry_run=dry_run,
            enrich=False,
            match_headword=False,
            kind="dictionary",
            progress=progress,
        )
