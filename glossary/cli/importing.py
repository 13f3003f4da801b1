"""`glossary import FORMAT FILE`: bring terms in from outside.

One subcommand per entry of `glossary.importers.IMPORTS`, generated; all share `_import`.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from glossary.cli.generated import as_command
from glossary.cli.groups import HelpGroup
from glossary.errors import InputError
from glossary.importers import IMPORTS, ImportFormat, MergeRules
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
VerboseOption = Annotated[
    bool,
    typer.Option("--verbose", "-v", help="List every line or entry skipped, with the reason."),
]
ForceOption = Annotated[
    bool,
    typer.Option("--force", help="Merge into an existing --into even when it is of another kind."),
]


@dataclass(frozen=True, slots=True)
class _Asked:
    """The options every import command shares."""

    into: Path | None = None
    update: bool = False
    dry_run: bool = False
    verbose: bool = False
    force: bool = False


def say(message: str) -> None:
    """A line on stderr; through `sys.stderr` as it is now, so that under a progress bar the
    line goes above the bar (Rich replaces sys.stderr; `typer.echo` would write past it)."""
    print(message, file=sys.stderr)


def _import(format: ImportFormat, file: Path, asked: _Asked) -> None:
    from glossary.text.fileio import read_bytes

    data = read_bytes(file)
    if not format.progress:
        _read_and_finish(format, file, data, asked, None)
        return
    from glossary.cli.progressbar import progress_bar

    with progress_bar(beside_stdout=asked.into is None) as progress:
        _read_and_finish(format, file, data, asked, progress)


def _read_and_finish(
    format: ImportFormat, file: Path, data: bytes, asked: _Asked, progress: Progress | None
) -> None:
    """Read the terms, refuse none, report, fill in pinyin and ids, then print or merge."""
    imported = format.read(data, str(file), progress)
    if not imported.terms:
        raise InputError(f"{file}: {format.nothing}")
    say(f"{file}: {imported.summary}")
    notes = list(imported.notes)
    if imported.details and not asked.verbose and notes:
        notes[-1] += " (--verbose lists them)"
    for note in notes:
        say(note)
    for detail in imported.details if asked.verbose else ():
        say(detail)
    terms = imported.terms
    if format.rules.enrich:
        from glossary.termbase.enrich import complete

        terms = complete(terms)
    _finish(terms, asked, format.rules, progress)


def _finish(terms: list[Term], asked: _Asked, rules: MergeRules, progress: Progress | None) -> None:
    """Print the terms as YAML (no --into), or merge them into the term base and report.
    `rules.kind` is the kind of a term base created here (an existing one keeps its own, and
    with `rules.same_kind_only` must be of that kind, unless --force)."""
    into = asked.into
    if into is None:
        from glossary.termbase.save import dump_chunks

        sys.stdout.writelines(dump_chunks(terms, rules.kind, progress))
        return
    from glossary.termbase.merge import merge_into_file

    result = merge_into_file(
        into,
        terms,
        update=asked.update,
        dry_run=asked.dry_run,
        owned_fields=rules.owned_fields,
        match_headword=rules.match_headword,
        kind=rules.kind,
        same_kind_only=rules.same_kind_only and not asked.force,
        progress=progress,
    )
    for line in result.conflicts:
        say(f"  not updated: {line}")
    verb = "would change" if asked.dry_run else "updated"
    say(
        f"{into}: {verb}: {len(result.added)} added, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged, {len(result.conflicts)} conflicts"
    )


def _command(format: ImportFormat) -> Callable[..., None]:
    """The subcommand for `format`: a function whose signature Typer reads its options from."""

    def command(file: Path, **options: Any) -> None:
        _import(format, file, _Asked(**options))

    positional = inspect.Parameter.POSITIONAL_OR_KEYWORD
    FileArgument = Annotated[Path, typer.Argument(help=format.file_help)]
    parameters = [
        inspect.Parameter("file", positional, annotation=FileArgument),
        inspect.Parameter("into", positional, annotation=IntoOption, default=None),
        inspect.Parameter("update", positional, annotation=UpdateOption, default=False),
        inspect.Parameter("dry_run", positional, annotation=DryRunOption, default=False),
        inspect.Parameter("verbose", positional, annotation=VerboseOption, default=False),
    ]
    if format.rules.same_kind_only:
        parameters.append(
            inspect.Parameter("force", positional, annotation=ForceOption, default=False)
        )
    return as_command(command, parameters, format.name, format.summary)


for _format in IMPORTS:
    app.command(name=_format.name)(_command(_format))


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="import")
