"""Issue 11, the pinyin tier beside a large dictionary: single syllables list the common words
first as a user sees them, the tier's score bounds are never below a real score (so stopping
early never changes a result), and reading entries read back exactly as they were stored."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from glossary.cli import app
from glossary.index.reading_rows import decode_units, encode_units, group_of
from glossary.index.rows import ReadingUnit, Units, char_readings
from glossary.search.pinyin_bounds import Bounds, Spellings
from glossary.search.pinyin_match import SKIPPABLE, pinyin_match
from glossary.search.query import Query

from .conftest import new_cache

SHI = [  # in an order no ranking would give; jieba counts 是 796,991 ... 鉽 none
    ("shi4-3", "鉽", "shì", "a metal"),
    ("shi2", "十", "shí", "ten"),
    ("shi4-2", "市", "shì", "market"),
    ("shi4", "是", "shì", "is"),
    ("shi3", "使", "shǐ", "to make"),
    ("shi2-2", "时", "shí", "time"),
    ("shi4-4", "事", "shì", "matter"),
    ("shi4ren2", "诗人", "shīrén", "poet"),
]
HANZI = "好号毫郝是事时十西系喜习乐行长重率中国人民艺术乡建项目六发展可持续"


def dictionary(folder: Path, entries: list[tuple[str, str, str, str]]) -> Path:
    lines = ["version: 1\nkind: dictionary\nterms:\n"]
    for term_id, headword, pinyin, english in entries:
        lines.append(f"- id: {term_id}\n  headword: {headword}\n  pinyin: {pinyin}\n")
        lines.append(f"  en: {english}\n  status: complete\n")
    path = folder / "words.yaml"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_a_single_syllable_lists_the_most_common_words_first(tmp_path: Path) -> None:
    words = dictionary(tmp_path, SHI)
    env = {"GLOSSARY_CACHE_DIR": str(new_cache(tmp_path / "cache"))}
    result = CliRunner().invoke(app, ["lookup", "shi", "--json", "-t", str(words)], env=env)
    assert result.exit_code == 0, result.output
    found = [(r["headword"], r["match"]) for r in json.loads(result.stdout)["results"]]
    assert found == [("是", "pinyin"), ("时", "pinyin"), ("使", "pinyin"), ("事", "pinyin"),
                     ("市", "pinyin")]  # fmt: skip
    plain = CliRunner().invoke(app, ["lookup", "shi", "--limit", "8", "-t", str(words)], env=env)
    headwords = [line.split("\t")[1] for line in plain.stdout.splitlines()]
    assert headwords == ["是", "时", "使", "事", "市", "十", "鉽", "诗人"]


def units_of(text: str) -> Units:
    return tuple(
        ReadingUnit(char, char_readings(char) if "\u4e00" <= char <= "\u9fff" else ())
        for char in text
    )


def pieces_of(units: Units) -> list[str]:
    """Ways a user types each unit: the hanzi, a reading with or without its tone, an initial,
    the start of a reading."""
    found: list[str] = []
    for char, readings in units:
        found.append(char)
        for reading in readings:
            base = reading.rstrip("012345")
            found += [reading, base, base[0], base[:2]]
    return found


names = st.text(alphabet=HANZI + "ab3 -", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(names, st.data())
def test_no_match_scores_above_the_bound_of_its_size(name: str, data: st.DataObject) -> None:
    units = units_of(name)
    options = pieces_of(units) + list("zhsx '")
    query = Query.of("".join(data.draw(st.lists(st.sampled_from(options), max_size=5))), {})
    scored = pinyin_match(query, units)
    if scored is None or all(ch in SKIPPABLE for ch in query.plain):
        return  # (a query of separators only never reaches the pinyin tier)
    spellings = {s for _, found in units for r in found for s in (r.rstrip("012345"),)}
    spellings |= {s.replace("v", "u") for s in spellings}
    size, literal = divmod(group_of(units), 2)
    bound = Bounds(query.plain, Spellings.of(spellings), size).score(size, bool(literal))
    assert bound is not None and scored[0] <= bound


@given(st.lists(st.tuples(st.characters(), st.lists(st.sampled_from(["hao3", "lv4", "a"])))))
def test_units_read_back_as_stored(raw: list[tuple[str, list[str]]]) -> None:
    units = tuple(ReadingUnit(char, tuple(found)) for char, found in raw)
    assert decode_units(encode_units(units)) == units


def test_an_earlier_term_base_wins_a_tie_found_in_a_later_group(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.yaml"
    glossary.write_text(
        "version: 1\nterms:\n- id: ji2a1\n  headword: 吉阿\n  pinyin: jí ā\n  en: Ji A\n",
        encoding="utf-8",
    )
    words = dictionary(tmp_path, [("jia1", "家", "jiā", "home"), ("jia1-2", "加", "jiā", "add")])
    env = {"GLOSSARY_CACHE_DIR": str(new_cache(tmp_path / "cache"))}
    flags = ["-t", str(glossary), "-t", str(words)]
    result = CliRunner().invoke(app, ["lookup", "jia", "--limit", "1", *flags], env=env)
    assert result.stdout.split("\t")[:2] == ["ji2a1", "吉阿"]  # 92 like 家, and listed first
