"""`glossary import FORMAT FILE`: bring terms in from outside."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from glossary.errors import InputError

app = typer.Typer(
    help="Import terms into a term base (or print them as YAML).",
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
    typer.echo(message, err=True)


@app.command()
def appendix(
    file: Annotated[Path, typer.Argument(help="A printed 名词解释 appendix as UTF-8 text.")],
    into: IntoOption = None,
    update: UpdateOption = False,
    dry_run: DryRunOption = False,
) -> None:
    """Read a printed 名词解释 (glossary) appendix: headword, separator, definition."""
    from glossary.enrich import complete
    from glossary.fileio import read_utf8
    from glossary.importers.appendix import OWNED_FIELDS, parse_appendix

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
    if into is None:
        from glossary.termbase import dump

        sys.stdout.write(dump(terms))
        return
    _merge(into, terms, update=update, dry_run=dry_run, owned_fields=OWNED_FIELDS)


def _merge(
    into: Path,
    terms: list,  # type: ignore[type-arg]
    *,
    update: bool,
    dry_run: bool,
    owned_fields: tuple[str, ...] | None,
) -> None:
    from glossary.merge import merge_into_file

    result = merge_into_file(into, terms, update=update, dry_run=dry_run, owned_fields=owned_fields)
    for line in result.conflicts:
        say(f"  not updated: {line}")
    verb = "would change" if dry_run else "updated"
    say(
        f"{into}: {verb}: {len(result.added)} added, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged, {len(result.conflicts)} conflicts"
    )
