"""Ranked search: the table of queries people type, and what must come first."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.index.database import open_store
from glossary.index.store import Store
from glossary.search.ranking import search

from .conftest import BUNDLED, new_cache


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Store:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(tmp_path_factory.mktemp("cache"))))
        return open_store([BUNDLED])


FINDS = [
    # Chinese headword, alias, abbreviation, fragments
    ("艺术乡建", "yishuxiangjian", "exact"),
    ("三个一号工程", "sangeyihaogongcheng", "exact"),
    ("三源治理", "jingyuan-fangyuan-suyuansanyuanzhili", "alias"),
    ("地信实验室", "bushenggongjianmoganshandixinshiyanshi", None),
    ("三源", "jingyuan-fangyuan-suyuansanyuanzhili", "fragment"),
    ("双金", "shuangjinshuangyin", "fragment"),
    ("高铁站", "gaotiezhankuorongtizhigongcheng", "fragment"),
    ("生态系统生产总值", "gep", "alias"),
    ("生态环境导向的开发模式", "eod", "alias"),
    ("六率", "xiangmuliulv", None),
    # English, any case, typos
    ("Gross Ecosystem Product", "gep", "english"),
    ("gross ecosystem product", "gep", None),
    ("ecosytem product", "gep", "fuzzy"),
    ("Eco-environment-Oriented Development", "eod", "english"),
    ("eco-enviroment oriented developmnet", "eod", "fuzzy"),
    ("Three No. 1 Projects", "sangeyihaogongcheng", "english"),
    ("art-led rural revitalisation", "yishuxiangjian", None),
    ("Transforming our world", "lianheguo-2030-niankechixufazhanyicheng", None),
    # acronyms in any case, width
    ("EOD", "eod", "exact"),
    ("eod", "eod", "exact"),
    ("gep", "gep", "exact"),
    ("ＧＥＰ", "gep", "exact"),
    # pinyin typed any way
    ("yishu xiangjian", "yishuxiangjian", "pinyin"),
    ("yi4shu4xiang1jian4", "yishuxiangjian", "pinyin"),
    ("yìshù xiāngjiàn", "yishuxiangjian", "pinyin"),
    ("xiangmu liulv", "xiangmuliulv", "pinyin"),
    ("xiangmu liulu", "xiangmuliulv", "pinyin"),
    ("xiangmu liulü", "xiangmuliulv", "pinyin"),
    ("xiangmu liushuai", "xiangmuliulv", "pinyin"),  # toneless: any reading of 率
    ("mogan shan yanjiuyuan", "moganshanyanjiuyuan", "pinyin"),
    ("Mògān Shān Yánjiūyuàn", "moganshanyanjiuyuan", "pinyin"),
    ("sanyuanzhili", "jingyuan-fangyuan-suyuansanyuanzhili", "pinyin"),
    ("shuang jin shuang yin", "shuangjinshuangyin", "pinyin"),
    ("ysxj", "yishuxiangjian", "initials"),
    ("sgyhgc", "sangeyihaogongcheng", "initials"),
    ("mgsyjy", "moganshanyanjiuyuan", "initials"),
    ("gyydejscjy", "gongyeyongdierjishichangjiaoyi", "initials"),
    ("yishuxi", "yishuxiangjian", "pinyin"),  # an unfinished last syllable
    ("艺术xj", "yishuxiangjian", "pinyin"),  # hanzi mixed with initials
    ("艺术xiangjian", "yishuxiangjian", "pinyin"),
    ("zhengwu fuwu zengzhihua gaige", "zhengwufuwuzengzhihuagaige", "pinyin"),
    # traditional characters
    ("藝術鄉建", "yishuxiangjian", "exact"),
    ("項目六率", "xiangmuliulv", None),
    # words only in a definition
    ("千项万亿", "shixiangzhongdagongcheng", "full-text"),
    ("金象金牛", "shuangjinshuangyin", None),
    ("地瓜经济", "sangeyihaogongcheng", "full-text"),
    ("Zhejiang University of Technology", "moganshanyanjiuyuan", None),
    ("sweet potato economy", "sangeyihaogongcheng", None),
    ("世界自然保护联盟", "gep", "full-text"),
    # typos in Chinese
    ("艺术乡见", "yishuxiangjian", "fuzzy"),
]


@pytest.mark.parametrize(("query", "expected_id", "kind"), FINDS)
def test_query_finds_the_term_first(
    index: Store, query: str, expected_id: str, kind: str | None
) -> None:
    result = search(index, query)
    assert result.matches, f"{query!r} found nothing"
    best = result.matches[0]
    assert best.term.id == expected_id, [(m.term.id, m.kind, m.score) for m in result.matches]
    if kind:
        assert best.kind == kind


@pytest.mark.parametrize(
    "query",
    ["五水共治", "枫桥经验", "xiangmu liushuai4", "yi3shu4xiang1jian4", "qwertyuiop"],
)
def test_query_that_must_find_nothing(index: Store, query: str) -> None:
    assert search(index, query).matches == ()


def test_tone_marked_query_must_agree_with_the_stored_reading(index: Store) -> None:
    assert search(index, "xiangmu liulǜ").matches[0].term.id == "xiangmuliulv"
    assert search(index, "xiangmu liushuài").matches == ()


def test_exact_ranks_above_fuzzy_and_headword_above_definition(index: Store) -> None:
    result = search(index, "EOD", limit=10)
    assert result.matches[0].kind == "exact"
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    for query in ["艺术乡建", "GEP"]:
        kinds = [m.kind for m in search(index, query, limit=10).matches]
        assert kinds[0] == "exact" and "exact" not in kinds[1:]


def test_limit_and_suggestions(index: Store) -> None:
    assert len(search(index, "工程", limit=2).matches) <= 2
    missing = search(index, "艺术乡")
    assert missing.matches  # a fragment is still found
    nothing = search(index, "警访诉")
    assert nothing.matches == () and "警源、访源、诉源三源治理" in nothing.suggestions


def test_own_glossary_ranks_first_on_equal_quality(tmp_path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.yaml"
    other.write_text(
        "terms:\n- id: eod-other\n  headword: EOD\n  pinyin: EOD\n  en: end of day\n",
        encoding="utf-8",
    )
    first = search(open_store([BUNDLED, other]), "EOD").matches
    assert [m.term.id for m in first[:2]] == ["eod", "eod-other"]
    assert [m.termbase for m in first[:2]] == ["terms", "other"]
    second = search(open_store([other, BUNDLED]), "EOD").matches
    assert second[0].term.id == "eod-other"


def test_a_syllable_of_the_own_reading_beats_another_reading(tmp_path: Path) -> None:
    words = tmp_path / "words.yaml"
    words.write_text(
        "kind: dictionary\nterms:\n"
        "- id: xiao1\n  headword: 呺\n  pinyin: xiāo\n  en: to howl\n"  # also read háo
        "- id: hao3\n  headword: 好\n  pinyin: hǎo\n  en: good\n",
        encoding="utf-8",
    )
    found = search(open_store([words]), "hao").matches
    assert [(m.term.id, m.kind) for m in found[:2]] == [("hao3", "pinyin"), ("xiao1", "pinyin")]
    assert found[0].score > found[1].score


def test_a_typo_finds_the_whole_name_before_one_of_its_words(tmp_path: Path) -> None:
    words = tmp_path / "words.yaml"
    words.write_text(
        "kind: dictionary\nterms:\n- id: chan3wu4\n  headword: 产物\n  pinyin: chǎnwù\n"
        "  en: product\n",
        encoding="utf-8",
    )
    found = search(open_store([BUNDLED, words]), "ecosytem product").matches
    assert found[0].term.id == "gep"
