"""The layout side of finding terms in text: the *skeleton* of folded text (folding is
`glossary.text.folding`), the text without the characters layout puts inside or around words
(whitespace, line breaks, quote marks), with the way back to the original offsets.

Used by `glossary.scan.scanner`; nothing here knows about terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from operator import add, sub

QUOTES = "“”‘’「」『』\"'〝〞〟｢｣"
IGNORABLE = re.compile(r"[\s" + re.escape(QUOTES) + "\u200b-\u200d\ufeff]+")
LAYOUT_SPACE = re.compile(r"[\s\u200b-\u200d\ufeff]+")
"""What layout alone puts inside a phrase (line and page breaks, spaces), quote marks kept."""
WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
"""ASCII letters and digits: what a Latin name must not touch."""
HAS_QUOTE = re.compile("[" + re.escape(QUOTES) + "]")
PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "〝": "〞", "｢": "｣"}


@dataclass(frozen=True, slots=True)
class Skeleton:
    """Folded text without ignorable characters, and where each of its stretches came from."""

    text: str
    starts: tuple[int, ...]  # skeleton offset where each stretch starts
    origins: tuple[int, ...]  # the original offset of that stretch

    @classmethod
    def of(cls, folded: str, ignorable: re.Pattern[str] = IGNORABLE) -> Skeleton:
        """The skeleton of `folded`: without what `ignorable` matches (by default layout and
        quote marks), a space kept between two ASCII letters or digits."""
        pieces: list[str] = []
        starts: list[int] = []
        origins: list[int] = []
        length = position = 0
        size = len(folded)
        for run in ignorable.finditer(folded):  # (inlined: a page has thousands of runs)
            begin, end = run.span()
            if (
                end - begin == 1
                and folded[begin] == " "
                and begin > 0
                and end < size
                and folded[begin - 1] in WORD_CHARS
                and folded[end] in WORD_CHARS
            ):  # one space between two words: the skeleton keeps it as it is, no cut here
                continue
            if begin > position:
                pieces.append(folded[position:begin])
                starts.append(length)
                origins.append(position)
                length += begin - position
            if (
                begin > 0
                and end < size
                and folded[begin - 1] in WORD_CHARS
                and folded[end] in WORD_CHARS
                and any(char.isspace() for char in run.group())
            ):
                pieces.append(" ")
                starts.append(length)
                origins.append(begin)
                length += 1
            position = end
        if position < size:
            pieces.append(folded[position:])
            starts.append(length)
            origins.append(position)
        return cls("".join(pieces), tuple(starts), tuple(origins))

    def offsets(self) -> list[int]:
        """The original offset of every skeleton character."""
        lengths = map(sub, [*self.starts[1:], len(self.text)], self.starts)
        return list(chain.from_iterable(map(range, self.origins, map(add, self.origins, lengths))))


def balance_quotes(text: str, begin: int, stop: int) -> tuple[int, int]:
    """Take in the partner of a quote mark opened or closed inside text[begin:stop] when it is
    right beside the span."""
    inside = text[begin:stop]
    for open_, close in PAIRS.items():
        depth = inside.count(open_) - inside.count(close)
        if depth > 0 and stop < len(text) and text[stop] == close:
            stop += 1
        elif depth < 0 and begin > 0 and text[begin - 1] == open_:
            begin -= 1
    for mark in "\"'":
        if inside.count(mark) % 2:
            if stop < len(text) and text[stop] == mark:
                stop += 1
            elif begin > 0 and text[begin - 1] == mark:
                begin -= 1
    return begin, stop
