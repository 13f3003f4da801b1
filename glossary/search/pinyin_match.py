"""Matching pinyin typed any way against the characters of a name.

A name is a sequence of units (`ReadingUnit`), one per character: folded char, readings numbered
(`lv4`) with the term's own reading first. A query may mix, unit by unit, the hanzi itself, a
whole syllable (toneless, tone-marked or tone-numbered; ü as v, u or ü), an initial (z/c/s or
zh/ch/sh), and, at its very end, an unfinished syllable. A tone given in the query must agree
with the term's own reading; a toneless syllable may match any reading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossary.index.rows import ReadingUnit

if TYPE_CHECKING:
    from glossary.search.query import Query

SKIPPABLE = frozenset(" '’-·")
OTHER_READING = 0.9
"""The quality of a whole syllable that is another reading of the character, not the term's own:
`hao` finds 好 (hǎo) a little above 呺 (xiāo, also háo)."""
_SKIPPED = "".join(sorted(SKIPPABLE))


def pinyin_match(query: Query, units: Sequence[ReadingUnit]) -> tuple[float, str] | None:
    """Match pinyin typed any way against a name's characters (see module docstring)."""
    plain, tones = query.plain, query.tones
    total = sum(1 for char, _ in units if char.isalnum())
    walker = _Walker(plain, tones, units)
    first = plain.lstrip(_SKIPPED)[:1]
    best: tuple[float, str] | None = None
    for start in range(len(units)):
        char, readings = units[start]
        if start and not char.isalnum():
            continue
        if start and first and first != char and all(r[0] != first for r in readings):
            continue  # walk finds nothing: every way a unit takes a piece starts with these
        found = walker.walk(0, start)
        if found is None:
            continue
        quality, consumed, initials_only = found
        coverage = consumed / total if total else 0.0
        ratio = quality / consumed if consumed else 0.0
        if start == 0 and consumed == total:
            score, kind = (88.0, "initials") if initials_only else (85.0 + 7.0 * ratio, "pinyin")
        else:
            score = (60.0 if start else 70.0) + 20.0 * coverage * ratio
            kind = "initials" if initials_only else "pinyin"
        if best is None or score > best[0]:
            best = (score, kind)
    return best


class _Walker:
    """The best ways to consume a query with a name's units, remembered by (pos, unit)."""

    def __init__(self, query: str, marks: tuple[int, ...], units: Sequence[ReadingUnit]) -> None:
        self.query, self.marks, self.units = query, marks, units
        self.memo: dict[tuple[int, int], tuple[float, int, bool] | None] = {}

    def walk(self, pos: int, unit: int) -> tuple[float, int, bool] | None:
        """Best way to consume query[pos:] with units[unit:]: (quality, units used, initials
        only).

        Quality per unit: 1 for a hanzi or a whole syllable of its own reading (0.9 for another
        reading), 0.6 for an unfinished last syllable, 0.5 for an initial.
        """
        if (pos, unit) not in self.memo:
            self.memo[pos, unit] = self._walk_from(pos, unit)
        return self.memo[pos, unit]

    def _walk_from(self, pos: int, unit: int) -> tuple[float, int, bool] | None:
        query, units = self.query, self.units
        while pos < len(query) and query[pos] in SKIPPABLE:
            pos += 1
        if pos == len(query):
            return (0.0, 0, True)
        while unit < len(units) and not units[unit][0].isalnum():
            unit += 1
        if unit == len(units):
            return None
        char, readings = units[unit]
        options: list[tuple[float, int, bool, int]] = []  # quality, next pos, initial, units
        if query[pos] == char:
            options.append((1.0, pos + 1, False, 1))
        for index, reading in enumerate(readings):
            options.extend(_syllable_options(query, self.marks, pos, reading, own=index == 0))
        best: tuple[float, int, bool] | None = None
        for quality, next_pos, is_initial, used in options:
            rest = self.walk(next_pos, unit + used)
            if rest is None:
                continue
            candidate = (quality + rest[0], used + rest[1], is_initial and rest[2])
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        return best


def _syllable_options(
    query: str, marks: tuple[int, ...], pos: int, reading: str, own: bool
) -> list[tuple[float, int, bool, int]]:
    if query[pos] != reading[0]:
        return []  # every option below starts with the reading's first letter
    base, tone = (reading[:-1], int(reading[-1])) if reading[-1].isdigit() else (reading, 0)
    options: list[tuple[float, int, bool, int]] = []
    spellings = {base, base.replace("v", "u")} if "v" in base else {base}
    for spelling in spellings:
        end = pos + len(spelling)
        if query.startswith(spelling, pos):
            typed = max(marks[pos:end], default=0)
            if end < len(query) and query[end] in "12345":
                typed, end = int(query[end]), end + 1
            if not typed or (own and _same_tone(typed, tone)):
                options.append((1.0 if own else OTHER_READING, end, False, 1))
        elif len(query) - pos >= 2 and spelling.startswith(query[pos:]):
            options.append((0.6, len(query), False, 1))  # an unfinished last syllable
    if query[pos] == base[0]:
        options.append((0.5, pos + 1, True, 1))
        if base[:2] in ("zh", "ch", "sh") and query.startswith(base[:2], pos):
            options.append((0.5, pos + 2, True, 1))
    return options


def _same_tone(typed: int, stored: int) -> bool:
    neutral = (0, 5)
    return typed == stored or (typed in neutral and stored in neutral)
