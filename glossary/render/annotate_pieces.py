"""How the annotate formats put their output together from the scanner's occurrences without
running Python code per occurrence (beside CC-CEDICT a megabyte of Chinese has 174,000): the
fields are read with `operator.itemgetter`, what a term or surface adds is made once and looked
up through a dict's `__missing__`, and the pieces are interleaved by slice assignment into one
list, then joined (or %-formatted) at once. Offsets in the occurrences may be those of a longer
text that `text` is a part of: `shift` is where the part starts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from itertools import repeat
from operator import itemgetter, sub

from glossary.scan.occurrence import TERM_ID, Found, Occurrence, TermsOf

START, END, SURFACE, LINE = (itemgetter(index) for index in (0, 1, 2, 6))
FRAGMENT_KEY = itemgetter(2, 3, 4, 5)
"""The fields of an `Occurrence`, read in C (a lambda or attribute access would run Python code
per occurrence)."""
SEPARATOR = "\0"
"""Joins the stretches of text between occurrences, to escape them in one call; a text that
holds it has its stretches escaped one by one."""


def firsts(occurrences: Sequence[Occurrence], seen: set[str]) -> list[Occurrence]:
    """The first occurrence of each term not in `seen`, in order; their terms are added. (A
    loop: a set's answer is quicker than anything that first lists the ids.)"""
    chosen = []
    for occurrence in occurrences:
        if occurrence.term_id not in seen:
            seen.add(occurrence.term_id)
            chosen.append(occurrence)
    return chosen


class Labels(dict[str, str]):
    """`label(term_id)` for each term, made when first asked for."""

    def __init__(self, label: Callable[[str], str]) -> None:
        super().__init__()
        self._label = label

    def __missing__(self, term_id: str) -> str:
        made = self[term_id] = self._label(term_id)
        return made


def _offsets(values: list[int], shift: int) -> list[int]:
    """Offsets into the whole text as offsets into the part that starts at `shift`."""
    return list(map(sub, values, repeat(shift))) if shift else values


def insert_after(
    text: str, occurrences: Sequence[Occurrence], label: Callable[[str], str], shift: int = 0
) -> str:
    """`text` with `label(term_id)` inserted after each of `occurrences`."""
    ends = _offsets(list(map(END, occurrences)), shift)
    pieces: list[str | None] = [None] * (2 * len(ends) + 1)
    pieces[0::2] = map(text.__getitem__, map(slice, [0, *ends], [*ends, len(text)]))
    pieces[1::2] = map(Labels(label).__getitem__, map(TERM_ID, occurrences))
    return "".join(pieces)  # type: ignore[arg-type]


class Escaped(dict[str, str]):
    """Each surface escaped for HTML, when first asked for; begun afresh past `LIMIT`."""

    LIMIT = 100_000

    def __missing__(self, surface: str) -> str:
        import html as html_escape  # 1.5 ms of start-up that only html needs

        if len(self) >= self.LIMIT:
            self.clear()
        escaped = self[surface] = html_escape.escape(surface)
        return escaped


def html_body(
    text: str,
    occurrences: Sequence[Occurrence],
    tags: Mapping[str, str],
    surfaces: Escaped,
    shift: int = 0,
) -> str:
    """The escaped text with each occurrence `tags[term_id]`, its escaped surface, `</abbr>`."""
    import html as html_escape

    starts = _offsets(list(map(START, occurrences)), shift)
    ends = _offsets(list(map(END, occurrences)), shift)
    stretches = map(text.__getitem__, map(slice, [0, *ends], [*starts, len(text)]))
    if SEPARATOR in text:
        between = list(map(html_escape.escape, stretches))
    else:
        between = html_escape.escape(SEPARATOR.join(stretches)).split(SEPARATOR)
    pieces: list[str | None] = [None] * (4 * len(starts) + 1)
    pieces[0::4] = between
    pieces[1::4] = map(tags.__getitem__, map(TERM_ID, occurrences))
    pieces[2::4] = map(surfaces.__getitem__, map(SURFACE, occurrences))
    pieces[3::4] = ["</abbr>"] * len(starts)
    return "".join(pieces)  # type: ignore[arg-type]


class JsonlFragments(dict[tuple[str, str, str, str], bytes]):
    """What `jsonl` writes between an occurrence's end offset and its line number, in UTF-8, by
    the occurrence's (surface, id, headword, English): each encoded once, when first asked for.
    Pass one to `jsonl_bytes` for all parts of a text; it begins afresh past `LIMIT` entries, so
    that its memory stays bounded however long the text."""

    LIMIT = 100_000

    def __missing__(self, key: tuple[str, str, str, str]) -> bytes:
        if len(self) >= self.LIMIT:
            self.clear()
        fragment = self[key] = _fragment(*key)
        return fragment


class SurfaceFragments(dict[str, bytes]):
    """`JsonlFragments` for a scanner's occurrences (`Found`), by surface alone: a surface is
    always the same term's, for the scanner matched the one name the surface folds to, so the
    term's part need not be looked up for each occurrence. Begins afresh past `LIMIT` entries."""

    LIMIT = JsonlFragments.LIMIT

    def take_in(self, surfaces: list[str], numbers: list[int], terms_of: TermsOf) -> None:
        """Make the fragments of these surfaces (of terms numbered `numbers`) not yet made."""
        missing = set(surfaces).difference(self)
        if not missing:
            return
        if len(self) + len(missing) > self.LIMIT:
            self.clear()
            missing = set(surfaces)
        number_of = dict(zip(surfaces, numbers, strict=True))
        wanted = list(missing)
        terms = terms_of(list(map(number_of.__getitem__, wanted)))
        for surface, term in zip(wanted, terms, strict=True):
            self[surface] = _fragment(surface, *term)


def _fragment(surface: str, term_id: str, headword: str, en: str) -> bytes:
    """What a line of jsonl holds between the end offset and the line number."""
    surface, term_id, headword, en = map(_JSON_STRING, (surface, term_id, headword, en))
    return (
        f', "surface": {surface}, "id": {term_id}, "headword": {headword}, "en": {en}, "line": '
    ).encode()


_JSON_STRING = json.JSONEncoder(ensure_ascii=False).encode
"""`json.dumps(text, ensure_ascii=False)`, without making an encoder at each call."""
JSONL_LINE = b'{"start": %d, "end": %d%s%d}\n'
"""One line of jsonl: start, end, the fragment (`JsonlFragments`) and the line number."""


def jsonl_bytes(occurrences: Sequence[Occurrence], fragments: JsonlFragments) -> bytes:
    """`render.annotate.jsonl` in UTF-8: one %-format of the numbers and fragments of all the
    occurrences."""
    values: list[object] = [None] * (4 * len(occurrences))
    values[0::4] = map(START, occurrences)
    values[1::4] = map(END, occurrences)
    values[2::4] = map(fragments.__getitem__, map(FRAGMENT_KEY, occurrences))
    values[3::4] = map(LINE, occurrences)
    return JSONL_LINE * len(occurrences) % tuple(values)


def jsonl_found(found: Found, begin: int, end: int, fragments: SurfaceFragments) -> bytes:
    """`jsonl_bytes` of the occurrences found[begin:end], from their columns."""
    surfaces = found.surfaces[begin:end]
    fragments.take_in(surfaces, found.numbers[begin:end], found.terms_of)
    values: list[object] = [None] * (4 * len(surfaces))
    values[0::4] = found.begins[begin:end]
    values[1::4] = found.stops[begin:end]
    values[2::4] = map(fragments.__getitem__, surfaces)
    values[3::4] = found.lines[begin:end]
    return JSONL_LINE * len(surfaces) % tuple(values)
