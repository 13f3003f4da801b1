"""The scanner: what it finds in the source report, in layout-broken text, and what it must not."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.index.scan_tables import build_tables
from glossary.model import Term, TermBase
from glossary.scan.scanner import Scanner
from glossary.scan.stream import scan_pieces
from glossary.termbase.load import load
from glossary.termbase.locations import bundled_path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "sources" / "deqing-2024-government-work-report.txt"
APPENDIX_START = "三个一号工程 即省委"
UN = "lianheguo-2030-niankechixufazhanyicheng"


@cache
def bundled() -> Scanner:
    return Scanner(build_tables([load(bundled_path())]))


def scanner_with(*terms: Term, kind: str = "glossary") -> Scanner:
    return Scanner(build_tables([TermBase("test.yaml", "test", terms, kind=kind)]))


def found(text: str, scanner: Scanner | None = None) -> list[tuple[str, str]]:
    return [(o.surface, o.term_id) for o in (scanner or bundled()).scan(text)]


def report_body() -> str:
    text = REPORT.read_text(encoding="utf-8")
    return text[: text.index(APPENDIX_START)]


def test_the_report_body_gives_exactly_these_occurrences() -> None:
    body = report_body()
    assert body.splitlines()[-1] == ""  # the appendix starts on its own line (69)
    got = [(o.start, o.end, o.surface, o.term_id, o.line) for o in bundled().scan(body)]
    assert got == [
        (173, 183, "工业用地二级市场交易", "gongyeyongdierjishichangjiaoyi", 9),
        (553, 562, "高铁站扩容提质工程", "gaotiezhankuorongtizhigongcheng", 13),
        (
            1369,
            1386,
            "联合国2030\n\n年可持续发展议程",
            "lianheguo-2030-niankechixufazhanyicheng",
            21,
        ),
        (1417, 1420, "GEP", "gep", 23),
        (1421, 1424, "EOD", "eod", 23),
        (2507, 2511, "艺术乡建", "yishuxiangjian", 33),
        (3682, 3696, "警源、访源、诉源“三源治理”", "jingyuan-fangyuan-suyuansanyuanzhili", 51),
    ]
    for start, end, surface, _, _ in got:
        assert body[start:end] == surface


def test_look_alikes_in_the_body_are_not_terms() -> None:
    body = report_body()
    spans = [(o.start, o.end) for o in bundled().scan(body)]
    for look_alike in ("国际地信城", "地信科技园", "德清高铁站功能", "莫干山院区"):
        at = body.index(look_alike)
        assert not any(start < at + len(look_alike) and at < end for start, end in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“艺术乡建”", [("艺术乡建", "yishuxiangjian")]),
        ("「艺术乡建」", [("艺术乡建", "yishuxiangjian")]),
        ("艺术‘乡建’模式", [("艺术‘乡建’", "yishuxiangjian")]),
        ("艺术\n乡建", [("艺术\n乡建", "yishuxiangjian")]),
        ("艺 术 乡\u3000建", [("艺 术 乡\u3000建", "yishuxiangjian")]),
        ("藝術鄉建", [("藝術鄉建", "yishuxiangjian")]),
        ("聯合國2030\r\n\r\n年可持續發展議程", [("聯合國2030\r\n\r\n年可持續發展議程", UN)]),
        ("ＥＯＤ项目", [("ＥＯＤ", "eod")]),
        ("EOD模式", [("EOD模式", "eod")]),
        ("GEP、EOD", [("GEP", "gep"), ("EOD", "eod")]),
        ("GEODE and NODE and EODs and E O D", []),
        ("诉源“三源治理”", [("三源治理", "jingyuan-fangyuan-suyuansanyuanzhili")]),
        (
            "the 2030\nAgenda for Sustainable Development.",
            [("2030\nAgenda for Sustainable Development", UN)],
        ),
        ("12030年可持续发展议程", []),
    ],
)
def test_layout_quotes_width_and_script_variants(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_longest_match_wins_and_spans_do_not_overlap() -> None:
    assert found("推进德清高铁站扩容提质工程") == [
        ("德清高铁站扩容提质工程", "gaotiezhankuorongtizhigongcheng")
    ]
    assert found("抓好项目六率") == [("项目六率", "xiangmuliulv")]


def test_a_straight_quote_between_two_surfaces_is_taken_in_by_one() -> None:
    # each EO"D holds one ": the quote between them is the partner of both
    got = [(o.start, o.end, o.surface) for o in bundled().scan('EO"D"EO"D')]
    assert got == [(0, 5, 'EO"D"'), (5, 9, 'EO"D')]
    # and in parts, wherever a part begins: the first surface of one takes in no quote of
    # the context, whose last surface took it in
    text = 'EO"D"EO"D ' * 1000
    whole = bundled().scan(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(whole))
    for size in range(4090, 4100):
        pieces = [text[at : at + size] for at in range(0, len(text), size)]
        assert [o for part in scan_pieces(bundled(), pieces) for o in part.occurrences] == whole


def test_short_chinese_names_only_where_jieba_sees_a_word() -> None:
    xiangjian = Term(id="xiangjian", headword="乡建", pinyin="xiāngjiàn", en="rural building")
    scanner = scanner_with(xiangjian)
    assert found("推进城乡建设", scanner) == []
    assert found("发展乡建事业", scanner) == [("乡建", "xiangjian")]
    assert found("“乡建”", scanner) == [("乡建", "xiangjian")]
    assert found("今年第六率先完成") == []
    assert found("抓好六率考核") == [("六率", "xiangmuliulv")]


def test_a_dictionary_is_matched_by_longest_match_alone() -> None:
    words = [
        Term(id="cheng2xiang1", headword="城乡", pinyin="chéngxiāng", en="city and countryside"),
        Term(id="xiang1jian4", headword="乡建", pinyin="xiāngjiàn", en="rural building"),
        Term(id="jian4she4", headword="建设", pinyin="jiànshè", en="to build"),
    ]
    dictionary = scanner_with(*words, kind="dictionary")
    # no jieba check: the dictionary's own words delimit each other, leftmost longest first
    assert found("推进城乡建设", dictionary) == [("城乡", "cheng2xiang1"), ("建设", "jian4she4")]
    assert found("推乡建设", dictionary) == [("乡建", "xiang1jian4")]
    glossary = scanner_with(*words)
    assert found("推乡建设", glossary) == [("建设", "jian4she4")]


def test_a_dictionary_gives_a_word_its_common_sense() -> None:
    entries = [
        Term(id="he2-variant", headword="和", pinyin="hé", en="old variant of 和[he2]"),
        Term(id="he2-surname", headword="和", pinyin="Hé", en="surname He"),
        Term(id="he2", headword="和", pinyin="hé", en="and; together with"),
        Term(id="he2ping2-place", headword="和平", pinyin="Hépíng", en="Heping District"),
        Term(id="he2ping2", headword="和平", pinyin="hépíng", en="peace"),
        Term(id="tan2", headword="谈", pinyin="Tán", en="surname Tan"),
    ]
    dictionary = scanner_with(*entries, kind="dictionary")
    assert found("谈话和平和", dictionary) == [("谈", "tan2"), ("和平", "he2ping2"), ("和", "he2")]


def test_first_term_base_wins_a_shared_name() -> None:
    first = Term(id="first", headword="乡村建设", pinyin="", en="one")
    second = Term(id="second", headword="乡村建设", pinyin="", en="two", aliases=("乡村",))
    assert found("乡村建设", scanner_with(first, second)) == [("乡村建设", "first")]


# -- properties ---------------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["艺术", "乡建", "联合国", "2030", "年可持续发展议程", "GEP", "EOD", "ＥＯＤ", "三源治理",
     "警源、访源、诉源", "模式", "六率", "项目", "城乡建设", "G", "NODE", "藝術", "鄉建"]
)  # fmt: skip
NOISE = st.sampled_from(list("“”‘’「」『』\"' \n\r\t\u3000,。、x1"))
TEXTS = st.lists(st.one_of(PIECES, NOISE, st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_surface_is_the_text_at_its_offsets(text: str) -> None:
    occurrences = bundled().scan(text)
    previous_end = 0
    for occurrence in occurrences:
        assert text[occurrence.start : occurrence.end] == occurrence.surface
        assert occurrence.surface
        assert previous_end <= occurrence.start < occurrence.end
        assert occurrence.line == text.count("\n", 0, occurrence.start) + 1
        previous_end = occurrence.end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_does_not_break_offsets(text: str) -> None:
    for occurrence in bundled().scan(text):
        assert text[occurrence.start : occurrence.end] == occurrence.surface
