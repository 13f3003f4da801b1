"""Issue 15 (search): labels that say what matched, no noise under a real match, suggestions only
when close, CC-CEDICT's `u:`, a bounded cost for any query; issue 11: ties listed by how common
the word is."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.index.database import open_store
from glossary.index.store import Store
from glossary.search.ranking import search

from .conftest import BUNDLED, new_cache


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Store:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(tmp_path_factory.mktemp("cache"))))
        return open_store([BUNDLED])


def first(store: Store, query: str) -> tuple[str, str]:
    best = search(store, query).matches[0]
    return best.term.headword, best.kind


def test_word_prefixes_are_labelled_prefix(index: Store) -> None:
    assert first(index, "ten major") == ("十项重大工程", "prefix")
    assert first(index, "art rural") == ("艺术乡建", "prefix")


def test_a_pinyin_suffix_is_labelled_pinyin(index: Store) -> None:
    assert first(index, "xiangjian") == ("艺术乡建", "pinyin")


def test_guesses_far_below_a_real_match_are_dropped(index: Store) -> None:
    found = [(m.term.headword, m.kind) for m in search(index, "yishu").matches]
    assert found == [("艺术乡建", "pinyin")]  # not 双金双银 (fuzzy 60.8)


def test_cedict_u_colon_is_u_umlaut(index: Store) -> None:
    assert first(index, "xiang4mu4 liu4lu:4") == ("项目六率", "pinyin")


def write(folder: Path, name: str, kind: str, entries: list[tuple[str, str, str, str]]) -> Path:
    lines = [f"version: 1\nkind: {kind}\nterms:\n"]
    for term_id, headword, pinyin, english in entries:
        lines.append(f"- id: {term_id}\n  headword: {headword}\n  pinyin: {pinyin}\n")
        lines.append(f"  en: {english}\n  status: complete\n")
    path = folder / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_suggestions_for_a_miss_are_close_to_it(tmp_path: Path) -> None:
    base = write(tmp_path, "d.yaml", "dictionary", [("xq", "々", "dié", "ditto mark")])
    assert search(open_store([base]), "zxxqqq").suggestions == ()  # was ('々',)
    assert "警源、访源、诉源三源治理" in search(open_store([BUNDLED]), "警访诉").suggestions


def test_single_syllables_list_common_words_first(tmp_path: Path) -> None:
    entries = [
        ("hao2", "嗥", "háo", "to howl"),
        ("hao3", "郝", "Hǎo", "surname Hao"),
        ("hao3-2", "好", "hǎo", "good"),
        ("hao4", "号", "hào", "number"),
    ]
    base = write(tmp_path, "d.yaml", "dictionary", entries)
    found = [m.term.headword for m in search(open_store([base]), "hao").matches]
    assert found[:2] == ["好", "号"]  # in file order before: 嗥, 郝, 好, 号


def test_a_query_longer_than_every_name_is_cut_with_a_note() -> None:
    rng = random.Random(15)
    query = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(600))
    result = CliRunner().invoke(app, ["lookup", "-"], input=query + "\n")
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert "note: query of 600 characters cut to its first" in result.stderr


def test_a_small_base_is_indexed_without_loading_jieba_whole(tmp_path: Path) -> None:
    from glossary.text import segment

    segment._default_tokenizer.cache_clear()
    base = tmp_path / "terms.yaml"
    base.write_bytes(BUNDLED.read_bytes())
    assert search(open_store([base]), "三源").matches  # its definitions have hanzi: jieba cuts them
    assert segment._default_tokenizer.cache_info().currsize == 0
