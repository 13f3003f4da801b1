"""How ordinary a word is in general Chinese, from jieba's dictionary frequencies: the measure
behind "general vocabulary is not a candidate" and behind the novelty of a compound."""

from __future__ import annotations

import math
from collections.abc import Sequence

from glossary.text.pinyin import has_hanzi

GENERAL_FREQUENCY = 2_000
"""A word jieba's dictionary counts at least this often (about one in 30,000 words of its
corpus: 工程, 艺术, 市场) is general vocabulary."""
RARE_FROM = 4.5
RARE_SPAN = 3.0
"""Rarity runs from 0 for a word of relative frequency 10^-4.5 and above to 1 for one of
10^-7.5 and below (and for a word jieba's dictionary does not have)."""


def rarity(word: str) -> float:
    """0 (ordinary) to 1 (unknown to jieba's dictionary) for a Chinese word; Latin letters and
    digits alone count as ordinary (acronyms are found on their own)."""
    from glossary.text.segment import dictionary_total, frequency

    if not has_hanzi(word):
        return 0.0
    found = frequency(word)
    if found <= 0:
        return 1.0
    surprise = math.log10(dictionary_total() / found)
    return min(1.0, max(0.0, (surprise - RARE_FROM) / RARE_SPAN))


def novelty(words: Sequence[str]) -> float:
    """The rarity of the rarest word: a compound is as new as its newest part."""
    return max((rarity(word) for word in words), default=0.0)


def is_general(text: str) -> bool:
    """Whether `text` is one word jieba's dictionary counts as common."""
    from glossary.text.segment import frequency

    return frequency(text) >= GENERAL_FREQUENCY
