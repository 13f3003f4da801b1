"""has_hanzi agrees with a search for one character of HANZI_RANGES whatever the text's length
(it takes three roads: ASCII, short, long), at the edges of every range."""

from __future__ import annotations

import random
import re

import pytest

from glossary.text.pinyin import HANZI_RANGES, has_hanzi, is_hanzi

EDGES = [0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4E00, 0x9FFF, 0xA000, 0xF8FF, 0xF900, 0xFAFF]
EDGES += [0xFB00, 0x1FFFF, 0x20000, 0x2FA1F, 0x2FA20, 0xE9, 0x2014, 0x3001, 0x41]


@pytest.mark.parametrize("length", [0, 1, 2, 23, 24, 25, 60])
def test_has_hanzi_agrees_with_the_ranges(length: int) -> None:
    pattern = re.compile(f"[{HANZI_RANGES}]")
    rng = random.Random(length)
    for _ in range(300):
        text = "".join(chr(rng.choice(EDGES)) for _ in range(length))
        if rng.random() < 0.5:  # mostly one script, as names are
            text = "".join(c for c in text if not is_hanzi(c)) or text
        assert has_hanzi(text) == (pattern.search(text) is not None), ascii(text)


def test_has_hanzi_examples() -> None:
    assert has_hanzi("推进艺术乡建") and has_hanzi("variant of 嗥[hao2]" * 3)
    assert not has_hanzi("EOD") and not has_hanzi("café — “quoted”, again and again")
    assert has_hanzi("\U00020000") and not has_hanzi("、。")
