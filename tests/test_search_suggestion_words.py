"""What an all-ASCII miss suggests (search/suggestion_words.py): the names holding words spelt
like the query's, found from the bigrams of the index's words (index/spelling_grams.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.index.spelling_grams import bigrams
from glossary.index.store import Store
from glossary.search import suggestion_words
from glossary.search.labels import close
from glossary.search.ranking import search
from glossary.search.suggestion_words import MIN_SHARED, like_words, suggested_names

from .conftest import english_store

ENGLISH = [
    "reading room",
    "computer program",
    "to detonate",
    "knife and fork",
    "small hill",
    "ecological environment",
    "gross ecosystem product",
    "program",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return open_english(tmp_path_factory.mktemp("suggestion-words"))


def open_english(folder: Path) -> Store:
    """A fresh store of the ENGLISH names (a new index in `folder`)."""
    return english_store(folder, ENGLISH)


def headword_of(english: str) -> str:
    return "词" * (ENGLISH.index(english) + 1)


def test_like_words_are_the_most_alike_by_dice(store: Store) -> None:
    """The level walk gives the WORDS best by Dice, as comparing every word does."""
    words = store.spelling.words
    for query in ("prgrhm", "redingxroom", "detonaet", "knfe", "zzzz", "ro"):
        grams = bigrams(query)
        every = sorted(
            (-2 * shared / (len(grams) + len(word) + 1), len(word), word, shared)
            for word in words
            if (shared := len(grams & bigrams(word))) >= MIN_SHARED
        )
        expected = [(word, shared) for _, _, word, shared in every[: suggestion_words.WORDS]]
        assert like_words(store, query) == expected, query


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abcdeimnoprst", min_size=1, max_size=9), st.integers(1, 4))
def test_like_words_for_any_word_and_limit(store: Store, query: str, limit: int) -> None:
    words = store.spelling.words
    grams = bigrams(query)
    every = sorted(
        (-2 * shared / (len(grams) + len(word) + 1), len(word), word, shared)
        for word in words
        if (shared := len(grams & bigrams(word))) >= MIN_SHARED
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(suggestion_words, "WORDS", limit)
        assert like_words(store, query) == [(word, shared) for _, _, word, shared in every[:limit]]


@pytest.mark.parametrize(
    ("query", "english"),
    [
        ("prgrhm", "program"),  # no trigram of `program` left
        ("redingxroom", "reading room"),  # two words run together
        ("to dteonaet", "to detonate"),
        ("eclogcal envrinoment", "ecological environment"),
    ],
)
def test_a_garbled_miss_suggests_its_entry(store: Store, query: str, english: str) -> None:
    result = search(store, query)
    assert result.matches == ()
    assert headword_of(english) in result.suggestions


def test_random_letters_suggest_nothing(store: Store) -> None:
    for query in ("zxxqqq", "lhfst", "qqqqxzqqqq"):
        assert search(store, query).suggestions == ()


def test_suggested_names_are_close_best_first(store: Store) -> None:
    found = list(suggested_names(store, "prgrhm", 40.0, close))
    assert found and all(close("prgrhm", name) for _, _, name in found)
    assert [score for _, score, _ in found] == sorted((s for _, s, _ in found), reverse=True)
    assert found[0][2] == "program"


def test_only_the_heaviest_names_are_scored(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """NAMES names at most, those sharing the most bigrams through their words first."""
    monkeypatch.setattr(suggestion_words, "NAMES", 1)
    positions = suggestion_words.candidate_positions(store, "computr prgram")
    assert [name for _, _, name in store.names_at(positions)] == ["computer program"]


def test_only_the_longest_words_of_a_long_miss_are_looked_at(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = "smal prgrhm"
    both = {
        name for _, _, name in store.names_at(suggestion_words.candidate_positions(store, query))
    }
    assert {"program", "small hill"} <= both
    monkeypatch.setattr(suggestion_words, "QUERY_WORDS", 1)
    positions = suggestion_words.candidate_positions(store, query)
    names = {name for _, _, name in store.names_at(positions)}
    assert "program" in names and "small hill" not in names
