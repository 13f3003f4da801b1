"""The automaton (`glossary.scan.matching`) against the walk it stands in for: a scan that
keeps every occurrence takes them from the automaton, and where the longest name at a start
fails its boundaries the walk decides until the two are in step again. Both must give the same
occurrences for any text, whole or in parts, and the columns a scan keeps (`Found`) the same
jsonl as the occurrences made from them."""

from __future__ import annotations

import dataclasses

from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossary.index.scan_tables import build_tables
from glossary.model import Term, TermBase
from glossary.render import annotate as formats
from glossary.render import annotate_pieces as pieces
from glossary.scan.matching import STEP
from glossary.scan.scanner import Scanner
from glossary.scan.stream import scan_pieces


def _base(name: str, words: tuple[str, ...], kind: str = "glossary") -> TermBase:
    terms = tuple(
        Term(id=f"{name}-{number}", headword=word, pinyin="x", en=f"{word} ({name})")
        for number, word in enumerate(words)
    )
    return TermBase(f"{name}.yaml", name, terms, kind=kind)


GLOSSARY = _base("g", ("EOD", "GEP", "eod模式", "乡建", "艺术乡建", "三源", "AB", "a b", "9号"))
"""Names whose boundaries need a look: Latin edges, and short Chinese names (jieba decides)."""
DICTIONARY = _base(
    "d", ("城乡", "建设", "城乡建设", "乡", "建", "艺术", "模式", "T恤", "卡拉OK", "号", "治理"),
    kind="dictionary",
)  # fmt: skip
TABLES = build_tables([GLOSSARY, DICTIONARY])
MATCHED, WALKED = Scanner(TABLES), Scanner(TABLES, matcher=False)
PIECES = st.sampled_from(
    ["EOD", "eod", "GEP", "x", "ab", "AB", "a", " b", "9", "9号", "号", "模式", "eod模式", "乡建",
     "城乡建设", "艺术乡建", "城", "艺术", "三源", "治理", "T恤", "卡拉OK", "OKx", " ", "\n", "“",
     "”", '"', "，", "\ud800", "\u200b", "。"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _spans(found: list) -> list[tuple]:  # type: ignore[type-arg]
    return [tuple(occurrence) for occurrence in found]


@settings(max_examples=500, deadline=None)
@given(TEXTS)
@example("x" + "eod" * 40 + "EOD")  # the walk decides for longer than one step
@example("城乡建设乡建艺术乡建")  # jieba refuses 乡建 inside 城乡建设
@example("“EOD”模式eodx")
def test_the_automaton_finds_what_the_walk_finds(text: str) -> None:
    assert _spans(MATCHED.scan(text)) == _spans(WALKED.scan(text))


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=60), st.booleans())
def test_a_part_is_scanned_the_same_from_any_beginning(text: str, begin: int, final: bool) -> None:
    begin = min(begin, len(text))
    shift = (1000, 7)
    assert MATCHED.scan_part(text, begin, final, shift) == WALKED.scan_part(
        text, begin, final, shift
    )


def test_a_walk_longer_than_a_step_comes_back_in_step() -> None:
    # ab starts a word of 2 * STEP letters: the walk steps over the word, past one step
    text = "ab" * STEP + " AB 城乡建设 EOD"
    found = [(o.surface, o.term_id) for o in MATCHED.scan(text)]
    assert found == [("AB", "g-6"), ("城乡建设", "d-2"), ("EOD", "g-0")]
    assert _spans(MATCHED.scan(text)) == _spans(WALKED.scan(text))


def test_the_walk_goes_on_until_it_is_out_of_a_chain_of_overlapping_words() -> None:
    # words of two characters each overlapping the next: greedy from 号 takes 号一, 二三 ...
    # and from 一, 一二, 三四 ...: out of step for the whole chain, longer than a step
    chain = "号" + "".join(chr(0x4E00 + 2 * number) for number in range(3 * STEP))
    pairs = tuple(chain[k : k + 2] for k in range(len(chain) - 1))
    tables = build_tables([_base("g", ("9号",)), _base("d", pairs, kind="dictionary")])
    text = "a9" + chain + "，9号"  # 9号 after a letter fails its boundary; the second stands
    matched = Scanner(tables).scan(text)
    assert _spans(matched) == _spans(Scanner(tables, matcher=False).scan(text))
    assert matched[0].surface == chain[:2] and matched[-1].surface == "9号"


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_jsonl_from_the_columns_is_jsonl_from_the_occurrences(parts: list[str]) -> None:
    fragments = pieces.SurfaceFragments()
    made, streamed = [], []
    for part in scan_pieces(MATCHED, parts):
        streamed.append(pieces.jsonl_found(part.found, 0, len(part.found), fragments))
        made.extend(part.occurrences)
    assert b"".join(streamed).decode() == formats.jsonl(made)
    assert made == MATCHED.scan("".join(parts))


def test_many_walks_in_one_text_are_spliced_in_order() -> None:
    # each EOD after x fails its start: a walk for each, between matches that stand
    text = "xEOD 城乡建设 EOD 艺术乡建 aAB " * 200
    matched = MATCHED.scan(text)
    assert _spans(matched) == _spans(WALKED.scan(text))
    assert [o.surface for o in matched[:3]] == ["城乡建设", "EOD", "艺术乡建"]


def test_an_automaton_daachorse_refuses_leaves_the_walk_to_decide() -> None:
    # bytes that pass the tables' CRC but are no automaton (written by another daachorse)
    tables = build_tables([GLOSSARY, DICTIONARY])
    refused = Scanner(dataclasses.replace(tables, automaton=b"\0" * 64))
    text = "xEOD 城乡建设 EOD 艺术乡建"
    assert _spans(refused.scan(text)) == _spans(WALKED.scan(text))
    assert _spans(refused.scan(text)) == _spans(MATCHED.scan(text))


def test_an_automaton_of_other_names_leaves_the_walk_to_decide() -> None:
    # a well-formed automaton that does not match the trie's names (another layout's bytes)
    tables = build_tables([GLOSSARY, DICTIONARY])
    other = build_tables([_base("o", ("城乡", "EOD模式"))]).automaton
    mismatched = Scanner(dataclasses.replace(tables, automaton=other))
    text = "xEOD 城乡建设 EOD 艺术乡建"
    assert _spans(mismatched.scan(text)) == _spans(WALKED.scan(text))
