"""`glossary extract FILE`: expressions of a document that look like terms the term bases in
use do not have yet; `--into PATH` writes the chosen ones as draft terms."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from glossary.cli.options import JsonOption, TermbaseOption, termbase_paths
from glossary.errors import InputError

if TYPE_CHECKING:
    from glossary.extract.candidates import Candidate
    from glossary.model import Term

PICK = re.compile(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?")


def extract(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="The document; '-' reads stdin.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Candidates to list.")] = 50,
    into: Annotated[
        Path | None,
        typer.Option(
            "--into", help="Write the candidates as status: draft terms to this term base."
        ),
    ] = None,
    pick: Annotated[
        str | None,
        typer.Option(
            "--pick", help="With --into: the ranks to write, e.g. 1,3-5 [default: all listed]."
        ),
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", help="The input's encoding [default: detect].", show_default=False
        ),
    ] = None,
    as_json: JsonOption = False,
    termbase: TermbaseOption = None,
) -> None:
    """List expressions that look like terms and that the term bases do not have, best first:
    quoted coinages, acronyms, numbered slogans, compounds found by statistics."""
    from glossary.cli.build_progress import build_progress
    from glossary.extract.candidates import extract as find_candidates
    from glossary.extract.known import known_to
    from glossary.index.database import open_store
    from glossary.render import candidates as render
    from glossary.render.terms import choose_mode
    from glossary.scan.document import scanner_of
    from glossary.termbase.locations import writable_path
    from glossary.text.documents import read_document

    if pick is not None and into is None:
        raise InputError("--pick chooses what --into writes: give --into PATH too")
    ranks = _ranks(pick) if pick is not None else None  # bad input fails before the work
    target = writable_path([into]) if into is not None else None
    document = read_document(file, encoding)
    with build_progress() as progress:
        store = open_store(termbase_paths(ctx, termbase), progress)
    found = find_candidates(document.text, known_to(scanner_of(store)), limit)
    render.candidate_list(found, choose_mode(as_json))
    if target is not None:
        _write_drafts(target, _picked(found, ranks), Path(document.name).name)


def _ranks(pick: str) -> list[tuple[int, int]]:
    """The ranges of ranks `--pick` names (`1,3-5` -> (1, 1), (3, 5))."""
    ranges: list[tuple[int, int]] = []
    for piece in pick.split(","):
        match = PICK.fullmatch(piece)
        if match is None or int(match.group(2) or match.group(1)) < int(match.group(1)):
            raise InputError(f"--pick {pick!r}: use rank numbers and ranges, such as 1,3-5")
        ranges.append((int(match.group(1)), int(match.group(2) or match.group(1))))
    return ranges


def _picked(found: list[Candidate], ranges: list[tuple[int, int]] | None) -> list[Candidate]:
    if ranges is None:
        return found
    for first, last in ranges:
        wrong = first if first < 1 else last if last > len(found) else None
        if wrong is not None:
            raise InputError(f"--pick: no candidate ranked {wrong} (there are {len(found)})")
    ranks = [rank for first, last in ranges for rank in range(first, last + 1)]
    return [found[rank - 1] for rank in dict.fromkeys(ranks)]


def _write_drafts(target: Path, chosen: list[Candidate], document: str) -> None:
    from glossary.termbase.edit import add_terms

    results = add_terms(target, [_draft(candidate, document) for candidate in chosen])
    skipped = len(chosen) - len(results)
    note = f" ({skipped} already there)" if skipped else ""
    print(f"added {len(results)} draft terms to {target}{note}", file=sys.stderr)


def _draft(candidate: Candidate, document: str) -> Term:
    from glossary.model import Source, Term
    from glossary.termbase.enrich import guess_pinyin

    return Term(
        id="",
        headword=candidate.text,
        pinyin=guess_pinyin(candidate.text).pinyin,
        en="",
        status="draft",
        source=Source(document, candidate.line),
        note=f"found by glossary extract ({candidate.reason}): {candidate.context}",
    )


def register(app: typer.Typer) -> None:
    app.command()(extract)
