"""jieba's cut of short windows from a few dictionary entries, against jieba with its whole
dictionary: they must cut every text the same way."""

from __future__ import annotations

import random
from functools import cache
from pathlib import Path
from typing import Any

import jieba
import pytest

from glossary.index import jieba_words as jieba_dict
from glossary.text.segment import WindowSegmenter, added_frequencies, added_frequency

from .conftest import SOURCE

ADDED = ["艺术乡建", "乡建", "三源治理", "警源", "访源", "诉源", "项目六率", "千项万亿", "两山"]


@cache
def full_jieba() -> Any:
    """jieba with its whole dictionary and ADDED added, as `segment.add_words` does."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in ADDED:
        tokenizer.add_word(word, freq=added_frequency(tokenizer, word))
    return tokenizer


def windows(count: int, seed: int) -> list[str]:
    text = "".join(SOURCE.read_text(encoding="utf-8").split())
    chooser = random.Random(seed)
    found = []
    for _ in range(count):
        start = chooser.randrange(len(text) - 20)
        found.append(text[start : start + chooser.randint(2, 19)])
    return found


def test_added_words_get_the_frequencies_jieba_gives_them() -> None:
    segmenter = WindowSegmenter(jieba_dict.open_dictionary())
    for word in ADDED:
        segmenter.add(word)
    assert segmenter.added == {word: full_jieba().FREQ[word] for word in ADDED}
    assert segmenter.total == full_jieba().total


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_windows_are_cut_as_by_jieba_with_its_whole_dictionary(seed: int) -> None:
    building = WindowSegmenter(jieba_dict.open_dictionary())
    for word in ADDED:
        building.add(word)
    segmenter = WindowSegmenter(jieba_dict.open_dictionary(), building.added)
    samples = [*windows(300, seed), "城乡建设", "推进艺术乡建工作", "发展乡建设施", "诉源三源治理"]
    for window in samples:
        assert segmenter.cut(window) == list(full_jieba().cut(window, HMM=True)), window


def test_the_dictionary_file_is_rebuilt_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _jieba_dictionary: Path
) -> None:
    """The file as this run made it (`_jieba_dictionary`), damaged in a folder of its own."""
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    damaged = tmp_path / _jieba_dictionary.name
    damaged.write_bytes(b"not a database")
    again = jieba_dict.open_dictionary()
    assert again.total == jieba_dict.SQLiteDictionary(_jieba_dictionary).total
    assert again.lookup(["城乡建设", "城乡建", "zzz"]) == {"城乡建设": 3, "城乡建": 0}
    assert list(tmp_path.glob("jieba-dict-*.sqlite")) == [damaged]  # made again in its place
    assert jieba_dict.SQLiteDictionary(damaged).lookup(["城乡建设"]) == {"城乡建设": 3}


def test_an_unwritable_cache_folder_keeps_the_dictionary_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocked / "cache"))
    dictionary = jieba_dict.open_dictionary()
    assert isinstance(dictionary, jieba_dict.InMemoryDictionary)
    assert dictionary.lookup(["城乡建设"]) == {"城乡建设": 3}


def test_whole_dictionary_frequencies_agree_with_the_window_ones() -> None:
    assert added_frequencies(ADDED) == {word: full_jieba().FREQ[word] for word in ADDED}


def test_jieba_imported_without_pkg_resources_cuts_as_before_and_leaves_it_importable() -> None:
    import subprocess
    import sys

    script = (
        "import sys; from glossary.text.segment import import_jieba, segment; import_jieba(); "
        "print('pkg_resources' in sys.modules, segment('我来到北京清华大学')); "
        "import pkg_resources; print(pkg_resources.__name__)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "False ['我', '来到', '北京', '清华大学']",
        "pkg_resources",
    ]
