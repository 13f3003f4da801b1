"""Scanning a text in pieces finds exactly what a scan of the whole text finds (leftmost-longest
matches, word boundaries, jieba's check of short names, quotes), offsets and lines global,
whatever the pieces cut through: names, line breaks, quotes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.scan import stream
from glossary.scan.document import scanner_for
from glossary.scan.scanner import Scanner
from glossary.scan.stream import scan_pieces

from .conftest import BUNDLED, SOURCE, TRICKY


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return scanner_for([BUNDLED, TRICKY])


@pytest.fixture(autouse=True)
def rounds_at_every_piece(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scan as soon as the scanner's margin is there, so that round boundaries fall anywhere."""
    monkeypatch.setattr(stream, "AHEAD", 0)


def cut(text: str, sizes: list[int]) -> list[str]:
    pieces, at = [], 0
    for size in sizes * (len(text) // max(1, sum(sizes)) + 1):
        if at >= len(text):
            break
        pieces.append(text[at : at + size])
        at += size
    return pieces


def scanned(scanner: Scanner, pieces: list[str]) -> tuple[str, list[object]]:
    parts = list(scan_pieces(scanner, pieces))
    for part in parts:
        for occurrence in part.occurrences:
            assert part.start <= occurrence.start <= occurrence.end <= part.start + len(part.text)
    return "".join(part.text for part in parts), [o for part in parts for o in part.occurrences]


@pytest.mark.parametrize("size", [3, 17, 1000])
def test_the_report_in_pieces_is_scanned_as_a_whole(scanner: Scanner, size: int) -> None:
    text = SOURCE.read_text(encoding="utf-8") * 2
    whole = scanner.scan(text)
    assert len(whole) > 50
    assert scanned(scanner, cut(text, [size])) == (text, whole)


def test_an_empty_text_and_no_pieces(scanner: Scanner) -> None:
    assert scanned(scanner, []) == ("", [])
    assert scanned(scanner, [""]) == ("", [])


WORDS = [
    "艺术乡建", "乡建", "城乡建设", "EOD", "GEODE", "EOD模式", "“三源治理”", "诉源", "三源",
    "E O D", "2030 Agenda", "art-led rural revitalization", "德清", "数字乡村", "“", "”", "「",
    "」", "'", '"', " ", "  ", "\n", "\r\n", "\n\n", "，", "。", "的", "a", "1", "x",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=120),
    sizes=st.lists(st.integers(1, 40), min_size=1, max_size=6),
)
def test_any_text_in_any_pieces_is_scanned_as_a_whole(
    scanner: Scanner, words: list[str], sizes: list[int]
) -> None:
    text = "".join(words)
    assert scanned(scanner, cut(text, sizes)) == (text, scanner.scan(text))


def test_every_pair_of_words_one_character_at_a_time(scanner: Scanner) -> None:
    """Pieces of one character make a round boundary fall between every two characters."""
    text = "".join(first + second + "。" for first in WORDS for second in WORDS)
    assert scanned(scanner, list(text)) == (text, scanner.scan(text))


def test_long_runs_of_whitespace_and_quotes_between_pieces(scanner: Scanner) -> None:
    text = "".join(first + " \n“”" * 40 + second for first in WORDS[:12] for second in WORDS[:12])
    assert scanned(scanner, cut(text, [1, 3, 97])) == (text, scanner.scan(text))
