"""The bundled term base: complete, bilingual, and right about pinyin."""

from __future__ import annotations

from glossary.termbase.load import load
from glossary.text.pinyin import Syllable, split_syllables

from .conftest import BUNDLED


def terms():  # type: ignore[no-untyped-def]
    return {term.headword: term for term in load(BUNDLED).terms}


def test_every_term_is_bilingual_and_sourced() -> None:
    for term in terms().values():
        assert term.en and term.pinyin and term.definition_zh and term.definition_en, term.id
        assert term.source and term.source.line, term.id
        assert "名词解释" not in term.definition_zh


def test_only_the_cut_off_entry_is_truncated() -> None:
    assert [t.headword for t in terms().values() if t.status == "truncated"] == ["莫干山研究院"]
    assert terms()["莫干山研究院"].note  # the truncation is explained


def test_official_english_names() -> None:
    found = terms()
    assert found["GEP"].en == "Gross Ecosystem Product"
    assert found["EOD"].en == "Eco-environment-Oriented Development"
    assert (
        "Transforming our world: the 2030 Agenda for Sustainable Development"
        in found["联合国2030年可持续发展议程"].aliases
    )
    assert "生态环境导向的开发模式" in found["EOD"].aliases
    assert "生态系统生产总值" in found["GEP"].aliases
    assert "三源治理" in found["警源、访源、诉源三源治理"].aliases


def reading(headword: str, char: str) -> str:
    term = terms()[headword]
    hanzi = [ch for ch in headword if "\u4e00" <= ch <= "\u9fff"]
    syllables = [s for s in split_syllables(term.pinyin) if isinstance(s, Syllable)]
    assert len(hanzi) == len(syllables), term.pinyin
    return syllables[hanzi.index(char)].numbered()


def test_polyphonic_characters_are_read_for_their_meaning() -> None:
    assert reading("项目六率", "率") == "lv4"  # rate, not shuài
    assert reading("十项重大工程", "重") == "zhong4"  # major, not chóng
    assert reading("莫干山研究院", "干") == "gan1"  # Mògān Shān, not gàn
    assert reading("部省共建莫干山地信实验室", "干") == "gan1"
    assert reading("部省共建莫干山地信实验室", "省") == "sheng3"
    assert reading("地球磁场模拟与监测系统", "场") == "chang3"
    assert reading("艺术乡建", "建") == "jian4"
