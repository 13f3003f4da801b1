"""The scanner's trie-backed tables: they survive the index (and refuse damage), and a scan
over them finds what the documented rules find, letters inside words, quotes, zero-width
spaces and lone surrogates included; `glossaries_only` leaves out exactly a dictionary's words."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
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
    numbers = bytearray(body)
    numbers[len(tables.trie)] ^= 0x01  # the first name's term number: a well-formed table
    damages = (data[:-1], head + b"\n" + bytes(flipped), head + b"\n" + bytes(numbers))
    for damaged in (*damages, b"{}\n", b"not json", data[:40]):
        with pytest.raises(ValueError):
            ScanTables.decode(damaged)


def holding_breaks() -> list[TermBase]:
    """A glossary name holding '.' and a dictionary word holding '，' (',' once folded)."""
    dotted = (Term(id="t-dot", headword="v1.2", pinyin="x", en="v1.2"),)
    comma = (Term(id="w-comma", headword="银行，人民", pinyin="x", en="bank, people"),)
    return [TermBase("dot.yaml", "dot", dotted), TermBase("c.yaml", "c", comma, kind="dictionary")]


WITH_BREAKS = Scanner(build_tables([dictionary(), glossary(), *holding_breaks()]))
BREAK_PIECES = st.sampled_from(
    ["中国", "人民", "银行", "模式", "中国人民银行", "模式银行", "EOD", "eod", "d", "a b", "v1",
     ".2", "v1.2", ",", "，", "。", "、", ".", "!", " ", "\n", "“", "”", "\ud800", "x", "民", "国"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(BREAK_PIECES, max_size=30).map("".join))
@example("x国人民银行")  # the dictionary's 国人 and 民银 hide 人民银行 from a scan from 人
@example("中国人民银行，人民银行")  # 银行，人民 spans the comma: no cut there
def test_glossaries_only_is_the_whole_scan_less_the_dictionary_words(text: str) -> None:
    judged = [o for o in WITH_BREAKS.scan(text) if o.term_id.startswith("t-")]
    assert WITH_BREAKS.scan(text, glossaries_only=True) == judged


def test_breaks_name_the_names_that_hold_them() -> None:
    breaks = build_tables([dictionary(), glossary(), *holding_breaks()]).breaks
    assert breaks["。"] == breaks["!"] == ""  # no name holds them
    assert breaks["."] == "v1.2"
    assert breaks[","] == "银行,人民"
    text = "中国人民银行，国人民银行。v1.2模式银行，中国人民银行，人民银行"
    expected = [o for o in WITH_BREAKS.scan(text) if o.term_id.startswith("t-")]
    surfaces = ["中国人民", "v1.2", "模式银行", "中国人民"]  # then 银行，人民 and 银行
    assert [o.surface for o in expected] == surfaces
    assert WITH_BREAKS.scan(text, glossaries_only=True) == expected


def test_a_dictionary_gloss_is_no_name_even_with_hanzi_in_it() -> None:
    gloss = "variant of尧|尧,legendary emperor"
    word = Term(id="w-yao", headword="尧", pinyin="yáo", en=gloss, aliases=("堯",))
    scanner = Scanner(build_tables([TermBase("d.yaml", "d", (word,), kind="dictionary")]))
    assert [o.surface for o in scanner.scan(gloss + "，堯")] == ["尧", "尧", "堯"]
