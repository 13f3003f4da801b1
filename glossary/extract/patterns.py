"""Candidates a pattern finds in the layout-free text: quoted coinages (“万亩方”), Latin
acronyms (GEP), and numbered slogans and counts (一老一小, 十九连冠, 五水共治)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

NUMERALS = "一二三四五六七八九十百千万亿两双"
_N = f"[{NUMERALS}]"
_HAN = f"[^\\W\\d{NUMERALS}a-zA-Z_]"
QUOTED = re.compile(r"“([^“”]{2,15})”|「([^「」]{2,15})」|『([^『』]{2,15})』|‘([^‘’]{2,15})’")
SENTENCE_PUNCTUATION = re.compile(r"[。，；！？：,;!?:…]")
ACRONYM = re.compile(
    r"(?<![A-Za-z0-9])(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z])[A-Z0-9]{2,8}(?![A-Za-z0-9]|\.\d)"
)
PARALLEL = re.compile(f"(?<!{_N})({_N})({_HAN})\\1({_HAN})")
"""One numeral twice, each time before one character: 一老一小, 两进两回, 双金双银."""
COUNT_PREFIX = re.compile(f"(?<![{NUMERALS}第\\d]){_N}{{1,3}}[个项大条张]?$")
"""A count right before a quote: 三个“一号工程”, 十项“重大工程”."""
NOT_AFTER_A_COUNT = frozenset("年月日天次倍届期批些种名位万亿元")
"""What follows a numeral in ordinary counting (time, times, amounts), so no slogan."""


@dataclass(frozen=True, slots=True)
class Found:
    """An expression at flat offset `start`, why it is a candidate, and for scoring: its parts
    (words), the part-of-speech flag of its last word, and an adjustment."""

    text: str
    start: int
    reason: str
    parts: tuple[str, ...] = ()
    head: str = ""
    adjustment: float = 0.0


def quoted(flat: str) -> Iterator[Found]:
    """Short quoted expressions that are not clauses; a count right before the quote is part
    of the expression (三个“一号工程” -> 三个一号工程)."""
    for match in QUOTED.finditer(flat):
        inner = next(group for group in match.groups() if group)
        if SENTENCE_PUNCTUATION.search(inner) or not re.search(r"[^\W\d_]", inner):
            continue
        start = match.start() + 1
        prefix = COUNT_PREFIX.search(flat, max(0, match.start() - 4), match.start())
        if prefix is not None:
            yield Found(prefix.group() + inner, prefix.start(), "slogan")
        else:
            yield Found(inner, start, "quoted")


def acronyms(flat: str) -> Iterator[Found]:
    """Runs of two to eight capital letters and digits with at least two capitals (GEP, EOD,
    TOD, 5G is left out), not inside a longer Latin word."""
    for match in ACRONYM.finditer(flat):
        yield Found(match.group(), match.start(), "acronym")


def slogans(flat: str, words: Sequence[tuple[str, str, int]]) -> Iterator[Found]:
    """Numbered slogans: one numeral twice in four characters (一老一小), and a count led by
    a Chinese numeral that is not ordinary counting (十九连冠, 五水共治, 八八战略)."""
    for match in PARALLEL.finditer(flat):
        yield Found(match.group(), match.start(), "slogan")
    for index, (word, flag, start) in enumerate(words):
        if not _is_count(word, flag) or (start and flat[start - 1] in NUMERALS + "第"):
            continue
        if flag == "" and len(word) >= 4:  # a new word of its own: 五水共治
            yield Found(word, start, "slogan", (word[1:],))
            continue
        tail = _tail(words, index + 1, len(word))
        if tail:
            yield Found(word + "".join(tail), start, "slogan", tuple(tail))


def _is_count(word: str, flag: str) -> bool:
    if word[0] not in NUMERALS or word == "一" or flag not in ("m", ""):
        return False
    return all(char in NUMERALS or char in "个项大条张" for char in word) or flag == ""


def _tail(words: Sequence[tuple[str, str, int]], index: int, length: int) -> list[str]:
    """The one or two words after a count that make a 4-7 character slogan with it."""
    tail: list[str] = []
    for word, flag, _ in words[index : index + 2]:
        if not re.fullmatch(r"[^\W\d_a-zA-Z]+", word) or flag.startswith(("u", "p", "c", "q")):
            break
        if not tail and word[0] in NOT_AFTER_A_COUNT:
            return []
        if length + len(word) > 7:
            break
        tail.append(word)
        length += len(word)
    return tail if length >= 4 else []
