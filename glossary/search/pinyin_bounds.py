"""The best score `pinyin_match` can give a query against any reading entry of a given size
(its count of units with a letter, digit or hanzi), worked out from the query alone.

pinyin_match cuts the query into pieces, one unit each: a hanzi or a character typed as itself
(quality 1), a whole syllable (1 for the term's own reading, 0.9 for another), an unfinished
last syllable (0.6) or an initial (0.5); its score comes from the count of units used, their
summed quality and whether all were initials (module pinyin_match). Every cut of the query
into such pieces is a path here, taking the best quality each piece could have, so the score
of a path bounds the score of every match that cuts the query the same way. The sums are made
in the order pinyin_match makes them and floating-point addition is monotone, so a bound is
never below a real score, not even in the last bit: a tier may skip an entry whose bound is
below the results it already has, or equal to them when it would be listed after them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glossary.search.pinyin_match import SKIPPABLE
from glossary.text.pinyin import is_hanzi

Best = tuple[
    float, float | None, bool
]  # best quality, best of paths not all initials, all initials


@dataclass(frozen=True, slots=True)
class Spellings:
    """What the units of an index can take: every spelling of their readings (`spellings`),
    their proper prefixes of two letters or more and the first letters."""

    spellings: frozenset[str]
    unfinished: frozenset[str]
    first_letters: frozenset[str]
    longest: int

    @classmethod
    def of(cls, spellings: Iterable[str]) -> Spellings:
        found = frozenset(spellings)
        unfinished = frozenset(s[:end] for s in found for end in range(2, len(s)))
        longest = max(map(len, found), default=0)
        return cls(found, unfinished, frozenset(s[0] for s in found if s), longest)


class Bounds:
    """The best score for `plain` (Query.plain) against entries of each size."""

    def __init__(self, plain: str, spellings: Spellings, largest: int) -> None:
        """`largest`: the most units an entry has (longer paths are not worked out)."""
        self.plain, self.spellings, self.largest = plain, spellings, largest
        self.paths: dict[bool, dict[int, Best]] = {}

    def score(self, size: int, literal: bool, single: bool | None = None) -> float | None:
        """The best score against an entry of `size` units (`literal`: one of them is a Latin
        letter or digit), or None when no entry of that size can match; `single`: only by one
        unit taking the whole query (True) or only by more (False)."""
        if literal not in self.paths:
            self.paths[literal] = self._paths(literal)
        best: float | None = None
        for count, (quality, mixed, initials) in self.paths[literal].items():
            if count > size or count == 0 or (single is not None and single != (count == 1)):
                continue
            found: list[float] = []
            if count == size:
                if initials:
                    found.append(88.0)
                if mixed is not None:
                    found.append(85.0 + 7.0 * (mixed / count))
            else:
                found.append(70.0 + 20.0 * (count / size) * (quality / count))
            for score in found:
                if best is None or score > best:
                    best = score
        return best

    def _paths(self, literal: bool) -> dict[int, Best]:
        """For each count of units, the best path through the whole query (from its start)."""
        plain = self.plain
        end = len(plain)
        table: dict[int, dict[int, Best]] = {end: {0: (0.0, None, True)}}
        for position in range(end - 1, -1, -1):
            if plain[position] in SKIPPABLE:
                continue
            row: dict[int, Best] = {}
            for after, quality, initial in self._pieces(position, literal):
                for count, rest in table.get(_skip(plain, after), {}).items():
                    if count < self.largest:
                        _keep(row, count + 1, quality, initial, rest)
            table[position] = row
        return table.get(_skip(plain, 0), {})

    def _pieces(self, position: int, literal: bool) -> list[tuple[int, float, bool]]:
        """(where the next piece starts, best quality, an initial) for each piece at position."""
        plain, known = self.plain, self.spellings
        char = plain[position]
        found: list[tuple[int, float, bool]] = []
        if is_hanzi(char) or (literal and char.isalnum()):
            found.append((position + 1, 1.0, False))
        for length in range(1, known.longest + 1):
            if position + length > len(plain):
                break
            if plain[position : position + length] in known.spellings:
                after = position + length
                if after < len(plain) and plain[after] in "12345":
                    after += 1
                found.append((after, 1.0, False))
        if len(plain) - position >= 2 and plain[position:] in known.unfinished:
            found.append((len(plain), 0.6, False))
        if char in known.first_letters:
            found.append((position + 1, 0.5, True))
            if plain.startswith(("zh", "ch", "sh"), position):
                found.append((position + 2, 0.5, True))
        return found


def _keep(row: dict[int, Best], count: int, quality: float, initial: bool, rest: Best) -> None:
    """Fold one piece followed by the best rest into the row's best for that count."""
    rest_quality, rest_mixed, rest_initials = rest
    total = quality + rest_quality
    mixed = (quality + rest_mixed if rest_mixed is not None else None) if initial else total
    initials = initial and rest_initials
    if count not in row:
        row[count] = (total, mixed, initials)
        return
    old_total, old_mixed, old_initials = row[count]
    if old_mixed is not None and (mixed is None or old_mixed > mixed):
        mixed = old_mixed
    row[count] = (max(old_total, total), mixed, old_initials or initials)


def _skip(plain: str, position: int) -> int:
    while position < len(plain) and plain[position] in SKIPPABLE:
        position += 1
    return position
