"""At scale the indexed search gives exactly what a scan of every name would: a generated
10,000-term base (tests/scale.py) and a straightforward reference search (tests/reference.py),
compared on a principled sample of queries. GLOSSARY_SCALE_SAMPLE=300 samples more terms."""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from glossary.index.database import open_store
from glossary.index.store import Store
from glossary.model import Term
from glossary.search.ranking import search
from glossary.search.suggestion_words import candidate_positions
from glossary.text.pinyin import Syllable, split_syllables, strip_tones

from .conftest import new_cache
from .reference import Reference, Result
from .scale import write_bases

SAMPLE = int(os.environ.get("GLOSSARY_SCALE_SAMPLE", "6"))
NOTHING = ["qqqqxzqqqq", "zzzzzzzzzzzzzzz", "🙂🙂🙂", "ÿÿÿÿ", "xiangmu liushuai4", "vvvvvv"]


@dataclass
class Scale:
    store: Store
    reference: Reference
    terms: list[Term]


@pytest.fixture(scope="module")
def scale(tmp_path_factory: pytest.TempPathFactory) -> Scale:
    folder = tmp_path_factory.mktemp("scale")
    bases = write_bases(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(folder / "cache")))
        store = open_store([Path(base.path) for base in bases])
    return Scale(store, Reference(bases), [t for base in bases for t in base.terms])


def queries_for(term: Term, rng: random.Random) -> list[str]:
    """Headword, hanzi fragment, toneless and toned pinyin, initials, hanzi mixed with pinyin,
    English name, English name with a typo, a word of the definition."""
    syllables = [s for s in split_syllables(term.pinyin) if isinstance(s, Syllable)]
    toneless = "".join(s.base for s in syllables)
    found = [
        term.headword,
        term.headword[1:3],
        toneless,
        term.pinyin,
        "".join(s.initial for s in syllables),
        term.headword[:1] + "".join(s.base for s in syllables[1:]),
        term.en,
    ]
    if len(term.en) > 4:
        i = rng.randrange(1, len(term.en) - 2)
        found.append(term.en[:i] + term.en[i + 1] + term.en[i] + term.en[i + 2 :])
    words = re.findall(r"[a-z]{4,}", term.definition_en.lower()) + re.findall(
        r"[\u4e00-\u9fff]{2,4}", term.definition_zh
    )
    if words:
        found.append(rng.choice(words))
    return [q for q in found if q.strip()]


def as_result(store: Store, query: str) -> Result:
    result = search(store, query)
    matches = tuple((m.term.id, m.termbase, m.kind, m.score, m.matched) for m in result.matches)
    return matches, result.suggestions


def test_sampled_queries_match_the_reference(scale: Scale) -> None:
    rng = random.Random(2024)
    queries = [q for term in rng.sample(scale.terms, SAMPLE) for q in queries_for(term, rng)]
    for query in [*queries, *NOTHING]:
        assert as_result(scale.store, query) == scale.reference.search(query), query


def test_a_miss_scores_the_names_the_reference_picks(scale: Scale) -> None:
    """The names an all-ASCII miss scores for its suggestions (suggestion_words) are those the
    reference picks by comparing every word, for garbled English names and ids (most of
    which suggest nothing in the sampled queries, so the picking is compared directly)."""
    rng = random.Random(11)
    for term in rng.sample(scale.terms, 50):
        for text in (term.en.lower(), term.id):
            query = _garbled(text, rng)
            assert set(candidate_positions(scale.store, query)) == (
                scale.reference.suggestion_candidates(query)
            ), query


def _garbled(text: str, rng: random.Random) -> str:
    """`text` with two letters changed and one dropped (none of them its first)."""
    for _ in range(2):
        i = rng.randrange(1, max(len(text), 2))
        text = text[:i] + rng.choice("abcdefghijklmnopqrstuvwxyz") + text[i + 1 :]
    i = rng.randrange(1, max(len(text), 2))
    return text[:i] + text[i + 1 :]


def test_queries_that_must_find_nothing(scale: Scale) -> None:
    for query in NOTHING:
        assert search(scale.store, query).matches == ()


def test_headwords_are_found_first(scale: Scale) -> None:
    for term in random.Random(1).sample(scale.terms[:10_000], 20):
        first = search(scale.store, term.headword).matches[0]
        assert first.kind == "exact" and first.term.headword == term.headword


def test_toneless_pinyin_of_a_polyphone_finds_every_reading(scale: Scale) -> None:
    found = search(scale.store, "yinhang", limit=50).matches
    assert any("银行" in m.term.headword for m in found)
    assert strip_tones("yínháng")[0] == "yinhang"
