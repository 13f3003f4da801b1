"""The formats of `glossary annotate` for a document scanned in parts (`glossary.scan.stream`):
the same output as `glossary.render.annotate` gives for the whole text, produced a part at a
time, so that memory does not grow with the document. Each function yields the output in
pieces; `render.annotate_pieces` puts each part's together from its occurrences as they are
(offsets into the whole: the part's start is passed, no occurrence is made anew)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from glossary.model import Term
from glossary.render import annotate as formats
from glossary.render import annotate_pieces as pieces
from glossary.scan.occurrence import TERM_ID, Occurrence
from glossary.scan.stream import Part

Parts = Iterable[tuple[Part, Mapping[str, Term]]]
"""Each part of the text with the terms of its occurrences (and of earlier ones), by id."""


def _chosen(part: Part, every: bool, seen: set[str]) -> Sequence[Occurrence]:
    """The part's occurrences to gloss: every one, or each term's first in the whole text."""
    return part.occurrences if every else pieces.firsts(part.occurrences, seen)


def inline(parts: Parts, every: bool = False) -> Iterator[str]:
    seen: set[str] = set()
    for part, terms in parts:

        def label(term_id: str, terms: Mapping[str, Term] = terms) -> str:
            return formats.gloss(terms[term_id])

        yield pieces.insert_after(part.text, _chosen(part, every, seen), label, part.start)


def markdown(parts: Parts, every: bool = False) -> Iterator[str]:
    """The text with footnote markers, then the footnotes (newlines as in the first part)."""
    seen: set[str] = set()
    used: dict[str, Term] = {}
    newline, last = "\n", ""
    for index, (part, terms) in enumerate(parts):
        if index == 0 and "\r\n" in part.text:
            newline = "\r\n"
        for term_id in dict.fromkeys(map(TERM_ID, part.occurrences)):
            used.setdefault(term_id, terms[term_id])
        chosen = _chosen(part, every, seen)
        body = pieces.insert_after(part.text, chosen, _marker, part.start)
        last = body[-1:] or last
        yield body
    if used:
        yield ("" if not last or last == "\n" else newline) + newline
        yield newline.join(formats.footnote(term, newline) for term in used.values()) + newline


def _marker(term_id: str) -> str:
    return f"[^{term_id}]"


def html(parts: Parts, title: str) -> Iterator[str]:
    yield formats.html_head(title)
    tags: dict[str, str] = {}
    surfaces = pieces.Escaped()
    for part, terms in parts:
        yield formats.html_text(part.text, part.occurrences, terms, tags, surfaces, part.start)
    yield formats.HTML_FOOT


JSONL_LINES = 8192
"""Occurrences encoded into one piece of jsonl output (beside CC-CEDICT a megabyte of Chinese
has 170,000: one piece for all of them would be 24 MB)."""


def jsonl(parts: Parts) -> Iterator[bytes]:
    """The lines in UTF-8 (each surface and term's part of them encoded once)."""
    fragments = pieces.SurfaceFragments()
    for part, _terms in parts:
        found = part.found
        for start in range(0, len(found), JSONL_LINES):
            yield pieces.jsonl_found(found, start, start + JSONL_LINES, fragments)


@dataclass(slots=True)
class _Use:
    term: Term
    first_line: int
    count: int = field(default=0)


def term_uses(parts: Parts) -> list[formats.TermUse]:
    """`render.annotate.term_uses` of the whole text, counted a part at a time."""
    uses: dict[str, _Use] = {}
    for part, terms in parts:
        for occurrence in part.occurrences:
            use = uses.get(occurrence.term_id)
            if use is None:
                use = uses[occurrence.term_id] = _Use(terms[occurrence.term_id], occurrence.line)
            use.count += 1
    return [formats.TermUse(use.term, use.count, use.first_line) for use in uses.values()]


Output = str | bytes
"""A piece of a format's output: text, or (jsonl) its UTF-8 bytes."""

STREAMED: dict[str, Callable[[Parts, bool, str], Iterator[Output]]] = {
    "inline": lambda parts, every, _title: inline(parts, every),
    "markdown": lambda parts, every, _title: markdown(parts, every),
    "html": lambda parts, _every, title: html(parts, title),
    "jsonl": lambda parts, _every, _title: jsonl(parts),
    "terms": lambda parts, _every, _title: iter([formats.terms_tsv(term_uses(parts))]),
}
"""The streamed form of each format of `render.annotate.FORMATS`, by name (`annotate` falls
back to the whole-text renderer for a format not here)."""
