"""The bigrams of the index's words (index/spelling_grams.py), written at build time and read
by a miss: the words in order, and which words hold each bigram."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.index import spelling_grams
from glossary.index.spelling_grams import SpellingGrams, bigrams
from glossary.index.store import Store

from .test_search_suggestion_words import open_english


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return open_english(tmp_path_factory.mktemp("spelling-grams"))


def test_bigrams_have_a_space_before_and_after() -> None:
    assert bigrams("room") == {" r", "ro", "oo", "om", "m "}
    assert bigrams("a") == {" a", "a "}


def test_the_stored_bitsets_say_which_words_hold_each_bigram(store: Store) -> None:
    words = store.spelling.words
    assert words == sorted(words, key=lambda word: (len(word), word))  # shortest first
    assert {"reading", "room", "program", "ci"} <= set(words)
    every = {gram for word in words for gram in bigrams(word)}
    for _ in range(2):  # read, then kept
        for gram in sorted(every | {"zq", "  "}):
            holding = {word for word in words if gram in bigrams(word)}
            found = store.spelling.holding([gram])
            assert len(found) == (1 if holding else 0)
            bits = found[0] if found else 0
            assert {words[i] for i in range(len(words)) if bits >> i & 1} == holding


def test_the_tables_for_no_words(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "empty.sqlite")
    spelling_grams.write(db, [])
    read = SpellingGrams(db)
    assert read.words == [] and read.holding(["ab"]) == []
