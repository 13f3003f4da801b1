"""The scanner's trie-backed tables: they survive the index (and refuse damage), and a scan
over them finds what the documented rules find, letters inside words, quotes, zero-width
spaces and lone surrogates included; `glossaries_only` leaves out exactly a dictionary's words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.index.scan_tables import ScanTables, build_tables
from glossary.model import Term, TermBase
from glossary.scan.scanner import Scanner
from glossary.text.folding import fold_table
from glossary.text.layout import HAS_QUOTE, WORD_CHARS, Skeleton, balance_quotes

LATIN = {"eod": "EOD", "eo": "eo", "d": "d", "ab": "ab", "a b": "a b", "node": "NODE"}
"""Names of a glossary that need no jieba: Latin, or longer than a short Chinese name."""
LONG = {"eod模式": "EOD模式", "中国人民": "中国人民", "人民银行": "人民银行"}
NAMES = {**LATIN, **LONG}


def glossary() -> TermBase:
    terms = tuple(
        Term(id=f"t-{number}", headword=name, pinyin="x", en=name)
        for number, name in enumerate(NAMES.values())
    )
    return TermBase("g.yaml", "g", terms)


def dictionary() -> TermBase:
    words = ("中国", "国人", "人民", "民银", "银行", "模式")
    terms = tuple(Term(id=f"w-{word}", headword=word, pinyin="x", en=word) for word in words)
    shared = Term(id="t-0", headword="模式银行", pinyin="x", en="shared id")
    return TermBase("d.yaml", "d", (*terms, shared), kind="dictionary")


SCANNER = Scanner(build_tables([glossary()]))
BOTH = Scanner(build_tables([dictionary(), glossary()]))


def reference(text: str) -> list[tuple[int, int, str]]:
    """The rules of `glossary.scan.scanner`, by brute force, for the glossary above: at each
    skeleton position the longest name at word boundaries (no letter or digit just outside a
    name that starts or ends with one), else the next position."""
    by_key = {key: f"t-{number}" for number, key in enumerate(NAMES)}
    folded = text.translate(fold_table({}))
    skeleton = Skeleton.of(folded)
    skel, origin = skeleton.text, skeleton.offsets()
    found, position = [], 0
    while position < len(skel):
        for end in range(len(skel), position, -1):
            key = skel[position:end]
            begin, stop = origin[position], origin[end - 1] + 1
            if key not in by_key:
                continue
            if key[0] in WORD_CHARS and begin and folded[begin - 1] in WORD_CHARS:
                continue
            if key[-1] in WORD_CHARS and stop < len(folded) and folded[stop] in WORD_CHARS:
                continue
            if HAS_QUOTE.search(text, begin, stop):
                begin, stop = balance_quotes(text, begin, stop)
            found.append((begin, stop, by_key[key]))
            position = end
            break
        else:
            position += 1
    return found


def scanned(text: str, scanner: Scanner = SCANNER) -> list[tuple[int, int, str]]:
    return [(o.start, o.end, o.term_id) for o in scanner.scan(text)]


PIECES = st.sampled_from(
    ["EOD", "eod", "eo", "d", "ab", "a", "b", "NODE", "no", "x", "9", " ", "\n", '"', "“",
     "”", "'", "\u200b", "中国", "人民", "银行", "模式", "中国人民银行", "\ud800"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_a_scan_finds_what_the_rules_find(text: str) -> None:
    assert scanned(text) == reference(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xEOD", []),  # inside a word
        ("EODx", []),
        ('x"EOD"', [(2, 5, "t-0")]),  # a quote ends the word before it
        ("x\u200bEOD", [(2, 5, "t-0")]),  # so does a zero-width space
        ("don'tEOD", []),
        ("eodeod", []),
        ("eod eod", [(0, 3, "t-0"), (4, 7, "t-0")]),
        ("noded", []),
        ("eodd", []),  # the longest fails at its end, and so does every shorter one
        ("EOD模式", [(0, 5, "t-6")]),
        ("\ud800EOD\udfff", [(1, 4, "t-0")]),  # lone surrogates are no letters
    ],
)
def test_latin_names_only_at_word_boundaries(text: str, expected: list[object]) -> None:
    assert scanned(text) == expected == reference(text)


def test_a_name_longer_than_the_first_characters_reach_elsewhere() -> None:
    long_name = "超长名称" * 30
    scanner = Scanner(
        build_tables([TermBase("g.yaml", "g", (Term("long", long_name, "x", "long"),))])
    )
    text = "前文" + long_name + "后文"
    assert [(o.start, o.end, o.term_id) for o in scanner.scan(text)] == [(2, 122, "long")]


def test_glossaries_only_leaves_out_exactly_the_dictionary_words() -> None:
    text = "中国人民银行的模式银行和EOD模式，中国人民"
    everything = BOTH.scan(text)
    assert {o.term_id for o in everything} > {"t-0"}  # dictionary words delimit the others
    # t-0 is an id a glossary holds, though here the dictionary's entry has it first
    judged = [o for o in everything if o.term_id.startswith("t-")]
    assert BOTH.scan(text, glossaries_only=True) == judged
    assert [o.surface for o in judged] == ["中国人民", "模式银行", "EOD模式", "中国人民"]


def test_tables_survive_encoding_and_refuse_damage() -> None:
    tables = build_tables([dictionary(), glossary()])
    data = tables.encode()
    assert ScanTables.decode(data) == tables
    head, _, body = data.partition(b"\n")
    flipped = bytearray(body)
    flipped[10] ^= 0xFF  # inside the trie
    for damaged in (data[:-1], head + b"\n" + bytes(flipped), b"{}\n", b"not json", data[:40]):
        with pytest.raises(ValueError):
            ScanTables.decode(damaged)
