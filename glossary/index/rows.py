"""What the search index holds for each term, independent of how it is stored
(glossary.index.build):

- names: (kind, folded name) for every headword, id, English name and alias;
- units: for every name with a hanzi, one `ReadingUnit` per character (folded char, readings), the
  readings numbered (`lv4`) with the term's own (hand-checked) reading first;
- tokens: the full-text words of the definitions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from glossary.model import Term
from glossary.text.pinyin import (
    Syllable,
    hanzi_pattern,
    has_hanzi,
    is_hanzi,
    readings,
    split_syllables,
)

LATIN_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
LATIN_RUN = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or that the to with".split()  # noqa: SIM905
)


class ReadingUnit(NamedTuple):
    """One character of a name with a hanzi: the folded character and its numbered readings
    (`lv4`), the term's own first; a character that is not a hanzi has none."""

    char: str
    readings: tuple[str, ...]


Units = tuple[ReadingUnit, ...]


def names(term: Term) -> list[tuple[str, str]]:
    """(kind, name) for the headword, id, English name and aliases, without repeats."""
    found = [("headword", term.headword), ("id", term.id)]
    if term.en:
        found.append(("english", term.en))
    found += [("alias", alias) for alias in term.aliases]
    seen: set[tuple[str, str]] = set()
    return [item for item in found if not (item in seen or seen.add(item))]  # type: ignore[func-returns-value]


def units(name: str, own_pinyin: str) -> Units:
    """One unit per character of `name`: hanzi carry their readings, the term's own first."""
    own = _align(name, own_pinyin) if own_pinyin else None
    if own is None:
        return tuple(map(_default_unit, name))
    result: list[ReadingUnit] = []
    hanzi_seen = 0
    for char in name:
        if not hanzi(char):
            result.append(_unit(char, None))
            continue
        result.append(_unit(char, own[hanzi_seen].numbered()))
        hanzi_seen += 1
    return tuple(result)


hanzi = cache(is_hanzi)
"""is_hanzi, remembered per character (a build asks it of every character of every name)."""


@cache
def _default_unit(char: str) -> ReadingUnit:
    """A character's unit when the name has no reading of its own."""
    return _unit(char, "" if is_hanzi(char) else None)


@lru_cache(maxsize=1 << 16)
def _unit(char: str, mine: str | None) -> ReadingUnit:
    """A hanzi's unit with `mine` as its own reading (none: pypinyin's default), or a unit
    without readings (`mine` None); one object per character and reading, so a build makes a
    few thousand instead of one per character of every name."""
    if mine is None:
        return ReadingUnit(char, ())
    found = char_readings(char)
    if mine:
        found = (mine, *(r for r in found if r != mine))
    return ReadingUnit(char, found)


@cache
def char_readings(char: str) -> tuple[str, ...]:
    """Every reading pypinyin knows for one hanzi, numbered, its default first."""
    return tuple(syllable.numbered() for syllable in readings(char))


def _align(name: str, pinyin: str) -> list[Syllable] | None:
    """The stored pinyin's syllable for each hanzi of `name`, or None if they do not line up."""
    syllables = [s for word in pinyin.split() for s in _word_syllables(word)]
    return syllables if len(syllables) == len(hanzi_pattern().findall(name)) else None


@lru_cache(maxsize=1 << 16)
def _word_syllables(word: str) -> tuple[Syllable, ...]:
    """The syllables of one word of written pinyin (split_syllables never joins two words, so
    a reading's syllables are its words'; CC-CEDICT's 122,000 readings have a few thousand)."""
    return tuple(s for s in split_syllables(word) if isinstance(s, Syllable))


def tokens(text: str, cut: Callable[[str], list[str]] | None = None) -> list[str]:
    """Full-text tokens of folded text: jieba words with a hanzi (two or more characters) and
    Latin words that are not stop words.

    `cut` is jieba's cut (`glossary.text.segment.segment` when not given). Text without a
    hanzi skips jieba: on such text jieba yields exactly the runs of ASCII
    letters and digits (checked on all of CC-CEDICT's English definitions), so a regular
    expression gives the same tokens without loading its dictionary."""
    if not has_hanzi(text):
        return [word for word in LATIN_RUN.findall(text) if word not in STOPWORDS]
    if cut is None:
        from glossary.text.segment import segment

        cut = segment
    found: list[str] = []
    for word in cut(text):
        word = word.strip()
        if any(is_hanzi(ch) for ch in word):
            if len(word) >= 2:
                found.append(word)
        else:
            found.extend(w for w in LATIN_WORD.findall(word) if w not in STOPWORDS)
    return found
