"""The scanner at scale: with a generated 10,000-word dictionary beside the glossary, its spans
are those of a straightforward leftmost-longest matcher."""

from __future__ import annotations

import random
import re
from functools import cache

from glossary.index.scan_tables import build_tables
from glossary.model import Term, TermBase
from glossary.scan.scanner import Scanner
from glossary.termbase.load import load
from glossary.text.folding import traditional_table

from .conftest import BUNDLED, SOURCE

LATIN = re.compile(r"[a-z0-9]")


@cache
def dictionary() -> list[Term]:
    """10,000 words made of the report's own characters (so that they occur in it), 1-6
    characters long, and some Latin-and-hanzi ones (`EOD模式`-like). Characters that fold to
    others (乾 -> 干) are left out: folding has tests of its own."""
    chooser = random.Random(20241)
    hanzi = {char for char in SOURCE.read_text(encoding="utf-8") if "\u4e00" <= char <= "\u9fff"}
    chars = sorted(hanzi - set(traditional_table(hanzi)))
    words: dict[str, None] = {}
    while len(words) < 10_000:
        word = "".join(
            chooser.choice(chars) for _ in range(chooser.choice([1, 2, 2, 2, 3, 3, 4, 6]))
        )
        if chooser.random() < 0.02:
            word = chooser.choice(["eod", "gep", "a", "x9"]) + word
        words[word] = None
    return [
        Term(id=f"w{number}", headword=word, pinyin="", en=f"word {number}")
        for number, word in enumerate(words)
    ]


@cache
def scanner() -> Scanner:
    words = TermBase("dictionary.yaml", "dictionary", tuple(dictionary()), kind="dictionary")
    return Scanner(build_tables([words]))


def reference(text: str) -> list[tuple[int, int, str]]:
    """Leftmost longest, whole Latin words only; the text has no spaces, quotes or capitals."""
    names = {term.headword: term.id for term in dictionary()}
    longest = max(map(len, names))
    found = []
    position = 0
    while position < len(text):
        for length in range(min(longest, len(text) - position), 0, -1):
            word = text[position : position + length]
            end = position + length
            if word in names and not (
                (LATIN.match(word[0]) and position > 0 and LATIN.match(text[position - 1]))
                or (LATIN.match(word[-1]) and end < len(text) and LATIN.match(text[end]))
            ):
                found.append((position, end, names[word]))
                position = end
                break
        else:
            position += 1
    return found


def test_spans_are_those_of_a_plain_longest_match() -> None:
    body = SOURCE.read_text(encoding="utf-8")
    text = re.sub(r"[\s“”‘’\"'A-Z]", "", body[: body.index("三个一号工程 即省委")])
    traditional = traditional_table(set(text))
    text = "".join(char for char in text if char not in traditional)
    text += "eod模式geodeeod" + "gep" + text[:500]
    occurrences = scanner().scan(text)
    assert [(o.start, o.end, o.term_id) for o in occurrences] == reference(text)
    assert len(occurrences) > 2_000


def test_the_glossary_first_then_the_dictionary() -> None:
    glossary = load(BUNDLED)
    words = TermBase("dictionary.yaml", "dictionary", tuple(dictionary()), kind="dictionary")
    both = Scanner(build_tables([glossary, words]))
    text = "推进艺术乡建和EOD模式"
    ids = [o.term_id for o in both.scan(text)]
    assert "yishuxiangjian" in ids and "eod" in ids
