"""Latin-script fuzzy queries start from the words of the names (search/fuzzy_words.py): which
names they reach, that those are scored as before, and the exact shortcut in `labels.close`."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA, LCSseq

from glossary.index import fuzzy_tables
from glossary.index.fuzzy_tables import id_words, words_of
from glossary.index.store import Store, token_length
from glossary.search import close_scores
from glossary.search.close_names import close_names
from glossary.search.fuzzy import best_names, groups_of, score
from glossary.search.fuzzy_words import edits, like
from glossary.search.labels import CLOSE, close
from glossary.search.ranking import search

from .conftest import english_store

ENGLISH = [
    "to announce",
    "announcement",
    "to announce the results",
    "knife and fork",
    "small hill",
    "picture book",
    "taiwanese opera",
    "mortal wound",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return open_words(tmp_path_factory.mktemp("fuzzy-words"))


def open_words(folder: Path) -> Store:
    """A fresh store of the ENGLISH names (a new index in `folder`)."""
    return english_store(folder, ENGLISH)


def test_words_of_names_and_ids() -> None:
    assert words_of("variant of 嗥[hao2]") == {"variant", "of", "hao2", "hao"}
    assert id_words("ke3chi2xu4-5cea65") == {"kechixu"}
    assert words_of("knife and fork (tool)") == {"knife", "and", "fork", "tool"}


def test_a_query_word_stands_for_the_words_one_edit_away(store: Store) -> None:
    assert set(like(store, "annonuce")) == {"announce"}  # neighbours swapped
    assert set(like(store, "kinfe")) == {"knife"}
    assert set(like(store, "hil")) == {"hill"}  # a letter dropped
    assert set(like(store, "zzzzz")) == set()
    assert set(like(store, "taiwan")) == {"taiwanese"}  # the words it starts
    assert set(like(store, "announce")) == {"announce", "announcement"}


@given(st.text("abcde", min_size=1, max_size=6), st.text("abcde", min_size=1, max_size=6))
def test_edits_are_the_words_one_edit_away(left: str, right: str) -> None:
    assert (right in edits(left)) == (OSA.distance(left, right) == 1)


def test_candidates_are_scored_exactly_and_the_typo_finds_its_name_first(store: Store) -> None:
    found = best_names(store, "to annonuce", 75.0, 20)
    assert [name for _, _, name in found][:2] == ["to announce", "to announce the results"]
    assert all(value == score("to annonuce", name) for _, value, name in found)


def test_typos_in_two_words_find_the_name_through_both(store: Store) -> None:
    assert best_names(store, "zzzzzz qqqqq", 75.0, 20) == []
    found = best_names(store, "pictrue boko", 75.0, 20)
    assert [name for _, _, name in found] == ["picture book"]


def test_a_typo_across_a_word_boundary_still_finds_the_name(store: Store) -> None:
    assert search(store, "smallh ill").matches[0].term.en == "small hill"
    assert search(store, "kinfe and fork").matches[0].term.en == "knife and fork"


def brute_close(query: str, name: str) -> bool:
    need, width = CLOSE * len(query), 3 * len(query)
    starts = range(0, max(len(name) - width, 0) + 1)
    return any(LCSseq.similarity(query, name[s : s + width]) >= need for s in starts)


@given(st.text("abcd ", min_size=1, max_size=6), st.text("abcd ", max_size=40))
def test_close_skips_only_stretches_that_cannot_hold_enough(query: str, name: str) -> None:
    assert close(query, name) == brute_close(query, name)


def every_close_name(store: Store, query: str, cutoff: float) -> list[tuple[int, float, str]]:
    """Every name scored, the close ones at the cut-off or above, best first."""
    names, positions, _ = store.every_fuzzy_name(groups_of(query, False))
    found = [(p, score(query, n), n) for n, p in zip(names, positions, strict=True)]
    kept = [item for item in found if item[1] >= cutoff and close(query, item[2])]
    return sorted(kept, key=lambda item: (-item[1], item[0]))


@pytest.mark.parametrize(
    "query", ["annonce", "tpmcb", "knfe", "small hil", "picture bok", "announce results", "cí"]
)
def test_close_names_come_out_as_scoring_every_name_gives(store: Store, query: str) -> None:
    assert list(close_names(store, query, 40.0, close)) == every_close_name(store, query, 40.0)


@pytest.mark.parametrize("first_round", [1, 2, 5])
@pytest.mark.parametrize("query", ["annonce", "tpmcb", "small hil", "announce results", "nnoce"])
def test_close_names_from_a_short_first_round_come_out_in_the_same_order(
    store: Store, monkeypatch: pytest.MonkeyPatch, first_round: int, query: str
) -> None:
    """With the first round cut to a few partial_ratio results, the names above its bound come
    first and the second round gives the rest, as scoring every name orders them."""
    monkeypatch.setattr(close_scores, "FIRST_ROUND", first_round)
    assert list(close_names(store, query, 40.0, close)) == every_close_name(store, query, 40.0)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text("aeiknorstu ", min_size=2, max_size=12).map(str.strip).filter(bool))
def test_close_names_of_any_query_come_out_in_order(store: Store, query: str) -> None:
    assert list(close_names(store, query, 40.0, close)) == every_close_name(store, query, 40.0)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text("anoucekf z", min_size=1, max_size=10).filter(str.strip))
def test_a_miss_looks_at_every_name_with_enough_in_common(store: Store, query: str) -> None:
    """The names a miss scores (`_candidates`, by the characters they hold) include every name
    with a common subsequence of CLOSE x the query's length, repeated characters too."""
    from math import ceil

    from glossary.search.close_names import _candidates

    groups = groups_of(query, False)
    names = store.every_fuzzy_name(groups)[0]
    need = ceil(CLOSE * len(query) - 1e-9)
    looked_at = set(_candidates(store, groups, query, need))
    enough = {i for i, name in enumerate(names) if LCSseq.similarity(query, name) >= need}
    assert enough <= looked_at


@pytest.mark.parametrize("query", ["annonce", "knfe", "small hil", "announce results"])
def test_a_first_and_a_later_miss_find_the_same_names(tmp_path: Path, query: str) -> None:
    """The first miss of a store looks at every name (loading them); a later one only at the
    names holding enough of its characters (`_candidates`)."""
    fresh = open_words(tmp_path)
    first = list(close_names(fresh, query, 40.0, close))
    assert fresh.has_every_fuzzy_name(groups_of(query, False))
    assert first == every_close_name(fresh, query, 40.0)
    assert list(close_names(fresh, query, 40.0, close)) == first


def test_no_name_scoring_under_the_cutoff_is_given_out() -> None:
    """ratio and partial_ratio are asked with a slack under the cut-off, and token_set_ratio's
    coverage comes after it: what they find below the cut-off is not a suggestion."""
    query = "keyboard alpha bravo charlie delta echo foxtrot golf hotel"
    names = ["keyboard", "keyboard alpha", "bravo"]
    kept = close_scores.Kept(
        list(range(len(names))),
        names,
        [token_length(name) for name in names],
    )
    given_out = list(close_scores.scored_in_order(query, kept, 40.0))
    assert [name for _, _, name in given_out] == ["keyboard alpha"]
    assert all(value >= 40.0 for _, value, _ in given_out)


@given(st.sets(st.integers(min_value=0, max_value=5000), max_size=200))
def test_set_bits_are_the_indexes_of_the_set_bits_lowest_first(indexes: set[int]) -> None:
    bits = sum(1 << index for index in indexes)
    assert fuzzy_tables.set_bits(bits) == sorted(indexes)
