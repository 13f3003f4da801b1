"""The formats of `glossary annotate` for a document scanned in parts (`glossary.scan.stream`):
the same output as `glossary.render.annotate` gives for the whole text, produced a part at a
time, so that memory does not grow with the document. Each function yields the output in
pieces; the whole-text functions of `render.annotate` do the work on each part."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from glossary.model import Term
from glossary.render import annotate as formats
from glossary.scan.scanner import Occurrence
from glossary.scan.stream import Part

Parts = Iterable[tuple[Part, Mapping[str, Term]]]
"""Each part of the text with the terms of its occurrences (and of earlier ones), by id."""


def _local(part: Part, occurrences: Iterable[Occurrence]) -> list[Occurrence]:
    """Occurrences with offsets into the part's own text."""
    return [o._replace(start=o.start - part.start, end=o.end - part.start) for o in occurrences]


def _chosen(part: Part, every: bool, seen: set[str]) -> list[Occurrence]:
    """The part's occurrences to gloss, offsets local: every one, or each term's first."""
    chosen = []
    for occurrence in part.occurrences:
        if every or occurrence.term_id not in seen:
            seen.add(occurrence.term_id)
            chosen.append(occurrence)
    return _local(part, chosen)


def inline(parts: Parts, every: bool = False) -> Iterator[str]:
    seen: set[str] = set()
    for part, terms in parts:
        yield formats.inline(part.text, _chosen(part, every, seen), terms, every=True)


def markdown(parts: Parts, every: bool = False) -> Iterator[str]:
    """The text with footnote markers, then the footnotes (newlines as in the first part)."""
    seen: set[str] = set()
    used: dict[str, Term] = {}
    newline, last = "\n", ""
    for index, (part, terms) in enumerate(parts):
        if index == 0 and "\r\n" in part.text:
            newline = "\r\n"
        for occurrence in part.occurrences:
            used.setdefault(occurrence.term_id, terms[occurrence.term_id])
        chosen = _chosen(part, every, seen)
        body = formats._insert_after(part.text, chosen, True, lambda term_id: f"[^{term_id}]")
        last = body[-1:] or last
        yield body
    if used:
        yield ("" if not last or last == "\n" else newline) + newline
        yield newline.join(formats.footnote(term, newline) for term in used.values()) + newline


def html(parts: Parts, title: str) -> Iterator[str]:
    yield formats.html_head(title)
    tags: dict[str, str] = {}
    for part, terms in parts:
        yield formats.html_text(part.text, _local(part, part.occurrences), terms, tags)
    yield formats.HTML_FOOT


JSONL_LINES = 8192
"""Occurrences encoded into one piece of jsonl output (beside CC-CEDICT a megabyte of Chinese
has 170,000: one piece for all of them would be 24 MB, and its UTF-8 another 24 MB)."""


def jsonl(parts: Parts) -> Iterator[str]:
    cache = formats.JsonlCache({}, {})
    for part, _terms in parts:
        found = part.occurrences
        for start in range(0, len(found), JSONL_LINES):
            yield formats.jsonl(found[start : start + JSONL_LINES], cache)


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


STREAMED: dict[str, Callable[[Parts, bool, str], Iterator[str]]] = {
    "inline": lambda parts, every, _title: inline(parts, every),
    "markdown": lambda parts, every, _title: markdown(parts, every),
    "html": lambda parts, _every, title: html(parts, title),
    "jsonl": lambda parts, _every, _title: jsonl(parts),
    "terms": lambda parts, _every, _title: iter([formats.terms_tsv(term_uses(parts))]),
}
"""The streamed form of each format of `render.annotate.FORMATS`, by name (`annotate` falls
back to the whole-text renderer for a format not here)."""
