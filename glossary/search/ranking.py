"""Ranked search over the index database (store.py): one query box for Chinese, English,
acronyms, typos, pinyin typed any way, initials, hanzi mixed with pinyin, and words of the
definitions.

Each tier first asks the database for candidates (names equal to the query, containing its
bigrams or starting a word with it; reading entries with the keys it allows; names whose length
lets rapidfuzz reach the cut-off; postings of its words) and then scores only those, with the
same functions a scan of every name would use, so the results are the same as such a scan's.

Every result says why it matched (`Match.kind`) and how well (`Match.score`, 0-100). The kinds
rank in tiers, so that an exact match always ranks above a fuzzy one and a headword match above
a definition match: exact 100, alias/english 96, pinyin 85-92, initials 88, fragment/prefix
60-90, fuzzy 60-80, full-text 40-65.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from dataclasses import dataclass
from typing import Any

from glossary.index.store import Row, Store
from glossary.model import Term
from glossary.search.close_names import close_names
from glossary.search.fuzzy import best_names
from glossary.search.labels import Ranked, close, label, without_weak_tail
from glossary.search.pinyin_tier import confirm, pinyin_tier
from glossary.search.query import Query
from glossary.search.suggestion_words import suggested_names
from glossary.text.folding import fold
from glossary.text.pinyin import is_hanzi

MIN_SCORE = 45.0
MAX_GRAMS = 8  # bigrams of a Chinese query looked up (candidates are checked whole anyway)
FUZZY_CUTOFF = 75.0
TOP_PINYIN = 92.0  # the best score pinyin_match gives
PINYIN_KINDS = frozenset({"pinyin", "initials"})
SUGGESTION_CUTOFF = 40.0  # the fuzzy score of a suggestion for a miss, which must also be close


@dataclass(frozen=True, slots=True)
class Match:
    """A term found for a query, why (`kind`) and how well (`score`)."""

    term: Term
    termbase: str
    kind: str
    score: float
    matched: str  # the folded name or words that matched, for highlighting

    def to_dict(self) -> dict[str, Any]:
        """The object `glossary lookup --json` prints for this result."""
        term = self.term
        return {
            "id": term.id,
            "headword": term.headword,
            "pinyin": term.pinyin,
            "en": term.en,
            "aliases": list(term.aliases),
            "definition": {"zh": term.definition_zh, "en": term.definition_en},
            "status": term.status,
            "match": self.kind,
            "score": self.score,
            "termbase": self.termbase,
            **({"name": unfit} if (unfit := self.unfit_name()) else {}),
        }

    def unfit_name(self) -> dict[str, str] | None:
        """When the query matched a deprecated or forbidden name: the name, its status and the
        preferred name to use instead (`"name"` in `to_dict()`)."""
        for name, status in self.term.unfit_names():
            if fold(name, {}) == self.matched:
                return {"name": name, "status": status, "use": self.term.preferred_for(name)}
        return None


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    matches: tuple[Match, ...]
    suggestions: tuple[str, ...] = ()
    cut_to: int = 0  # when the query was longer than any name: the length it was cut to


def search(store: Store, text: str, limit: int = 5) -> SearchResult:
    """The best `limit` matches for `text`, best first; suggestions when there are none. A
    query longer than every name is cut to that length (no name could match it whole), so
    that any query costs at most linear time."""
    text = text.strip()
    cut_to = store.longest_name if len(text) > store.longest_name else 0
    query = Query.of(text[:cut_to] if cut_to else text, store.traditional)
    folded = query.folded
    best: dict[int, tuple[float, str, str]] = {}
    pinyin_terms: set[int] = set()

    def offer(number: int, score: float, kind: str, matched: str) -> None:
        if score > best.get(number, (0.0, "", ""))[0]:
            best[number] = (score, kind, matched)

    for _, number, kind, name in _name_candidates(store, folded):
        found = _name_match(folded, kind, name)
        if found:
            offer(number, found[0], found[1], name)
    stopped_early = False
    if any(ch.isascii() and ch.isalpha() for ch in folded):
        read = pinyin_tier(store, query, best, offer, limit, MIN_SCORE)
        pinyin_terms, stopped_early = set(read.terms), read.stopped_early
    if _word_starts_can_lead(best, folded, limit):
        # After the pinyin tier, which often leaves them nothing to change (`hao` starts 1,700
        # English names); a tie with a pinyin match goes to the name, as if it came first.
        for _, number, kind, name in sorted(set(store.names_with_word_start(folded))):
            found = _name_match(folded, kind, name)
            old = best.get(number)
            if found and (
                old is None or found[0] > old[0] or (found[0] == old[0] and old[1] in PINYIN_KINDS)
            ):
                best[number] = (found[0], found[1], name)
    if not best or max(score for score, _, _ in best.values()) < 90:
        for number, score, name in _fuzzy(store, query):
            offer(number, score, "fuzzy", name)
        for number, score, words in _full_text(store, folded):
            offer(number, score, "full-text", words)
        if stopped_early:  # whether a fuzzy match is labelled pinyin depends on these
            unread = {n for n, (_, kind, _) in best.items() if kind == "fuzzy"} - pinyin_terms
            pinyin_terms |= confirm(store, query, unread)
    labelled = [
        (
            score,
            label(
                kind, folded, matched, _id_if_asked(store, kind, n, pinyin_terms), n in pinyin_terms
            ),
            matched,
            n,
        )
        for n, (score, kind, matched) in best.items()
        if score >= MIN_SCORE
    ]
    matches = tuple(
        Match(
            store.term(number),
            store.termbases[store.termbase_of(number)],
            kind,
            round(score, 1),
            matched,
        )
        for score, kind, matched, number in _first(store, without_weak_tail(labelled), limit)
    )
    suggestions = () if matches else _suggestions(store, folded)
    return SearchResult(text, matches, suggestions, cut_to)


# -- candidates ------------------------------------------------------------------------------


def _name_candidates(store: Store, query: str) -> list[Row]:
    """Every name `_name_match` can accept for `query` (and a few more), in name order, but
    those with a word starting with it (`_word_starts_can_lead`)."""
    if not query:
        return []
    rows = store.names_equal(query)
    if len(query) >= 2 and any(is_hanzi(ch) for ch in query):
        grams = list(dict.fromkeys(query[i : i + 2] for i in range(len(query) - 1)))
        # a name holding the query holds all its bigrams; those with a hanzi are the selective
        # ones (`朱sha`: not `sh` and `ha`, which 40,000 names with a hanzi hold)
        grams = [gram for gram in grams if any(is_hanzi(ch) for ch in gram)]
        rows += store.names_with_grams(grams[:MAX_GRAMS])
    return sorted(set(rows))


def _word_starts_can_lead(best: dict[int, tuple[float, str, str]], query: str, limit: int) -> bool:
    """Whether names with a word starting with the query (scoring under 90 unless equal to
    it, and then found already) are looked up: not when `limit` results score 90 or more."""
    if len(query) < 3 or any(is_hanzi(ch) for ch in query):
        return False
    return limit < 1 or sum(1 for score, _, _ in best.values() if score >= 90.0) < limit


def _first(store: Store, results: list[Ranked], limit: int) -> list[Ranked]:
    """The first `limit` results by score, then rank; only the ranks of results that tie with
    or beat the `limit`-th best score are read."""
    if 0 < limit < len(results):
        cut = heapq.nlargest(limit, (score for score, _, _, _ in results))[-1]
        results = [result for result in results if result[0] >= cut]
    ranks = store.ranks(number for _, _, _, number in results)
    return sorted(results, key=lambda result: (-result[0], ranks[result[3]]))[:limit]


# -- names: exact, alias, English, fragments -----------------------------------------------


def _name_match(query: str, kind: str, name: str) -> tuple[float, str] | None:
    if not query:
        return None
    if query == name:
        return {
            "headword": (100.0, "exact"),
            "id": (100.0, "exact"),
            "alias": (96.0, "alias"),
            "english": (96.0, "english"),
        }[kind]
    if len(query) < 2 or query not in name:
        return None
    coverage = len(query) / len(name)
    if _has_hanzi(query):
        return 60.0 + 30.0 * coverage, "fragment"
    if len(query) >= 3 and _at_word_start(name, name.index(query)):
        return 60.0 + 30.0 * coverage, "english" if kind == "english" else "alias"
    return None


@functools.lru_cache(maxsize=64)
def _has_hanzi(query: str) -> bool:
    """Whether the query has a hanzi (asked once per candidate name: kept per query)."""
    return any(is_hanzi(ch) for ch in query)


def _id_if_asked(store: Store, kind: str, number: int, pinyin_terms: set[int]) -> str:
    """The term's id where `label` looks at it (a fuzzy match of a term the pinyin tier
    matched too), else "" (reading thousands of terms for an English word costs 0.1 s)."""
    return store.term(number).id if kind == "fuzzy" and number in pinyin_terms else ""


def _at_word_start(text: str, position: int) -> bool:
    return position == 0 or not text[position - 1].isalnum()


# -- fuzzy and full text ---------------------------------------------------------------------


def _fuzzy(store: Store, query: Query) -> list[tuple[int, float, str]]:
    if len(query.folded) < 2:
        return []
    # A query with tones must agree with the stored reading, so it is not matched loosely
    # against ids (which are toneless pinyin).
    found = best_names(store, query.folded, FUZZY_CUTOFF, 20, skip_ids=query.toned)
    numbers = store.numbers_of([position for position, _, _ in found])
    return [(numbers[position], 0.8 * score, name) for position, score, name in found]


def query_tokens(store: Store, query: str) -> tuple[list[str], float]:
    """Tokens of the query that the index knows, and the share of the query they cover.

    Chinese runs are split by longest match against the index's vocabulary (which came from
    jieba at build time), so no segmenter is loaded at query time."""
    runs = re.findall(r"[^\W\d_a-z]+|[a-z0-9]+", query)
    known = store.vocabulary(_pieces(runs))
    found: list[str] = []
    covered = 0
    meaningful = 0
    for run in runs:
        if not any(is_hanzi(ch) for ch in run):
            meaningful += len(run)
            if run in known:
                found.append(run)
                covered += len(run)
            continue
        meaningful += len(run)
        start = 0
        while start < len(run):
            for end in range(len(run), start + 1, -1):
                if run[start:end] in known:
                    found.append(run[start:end])
                    covered += end - start
                    start = end
                    break
            else:
                start += 1
    return found, (covered / meaningful if meaningful else 0.0)


def _pieces(runs: list[str]) -> set[str]:
    """Every piece of the runs query_tokens may look up: Chinese runs' substrings of two or
    more characters, other runs whole."""
    pieces: set[str] = set()
    for run in runs:
        if any(is_hanzi(ch) for ch in run):
            pieces.update(run[i:j] for i in range(len(run)) for j in range(i + 2, len(run) + 1))
        else:
            pieces.add(run)
    return pieces


def _full_text(store: Store, query: str) -> list[tuple[int, float, str]]:
    words, coverage = query_tokens(store, query)
    if not words or coverage < 0.5:
        return []
    k1, b = 1.2, 0.75
    count = len(store)
    average = store.length_sum / count if count else 1.0
    frequencies = store.vocabulary(words)
    scores: dict[int, float] = {}
    for word in sorted(set(words)):
        documents = frequencies[word]
        idf = math.log(1 + (count - documents + 0.5) / (documents + 0.5))
        for number, frequency, length in store.postings(word):
            norm = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / average))
            scores[number] = scores.get(number, 0.0) + idf * norm
    top = max(scores.values())
    matched = " ".join(words)
    return [
        (number, 40.0 + 25.0 * coverage * score / top, matched) for number, score in scores.items()
    ]


def _suggestions(store: Store, query: str) -> tuple[str, ...]:
    """The headwords of the first three terms whose names are close to the query and score
    SUGGESTION_CUTOFF, best first: of the names holding words spelt like its words when it is
    all ASCII (`suggested_names`), else of every name (`close_names`)."""
    unique: list[str] = []
    find = suggested_names if query.isascii() else close_names
    for position, _, _ in find(store, query, SUGGESTION_CUTOFF, close):
        number = store.numbers_of([position])[position]
        headword = store.term(number).headword
        if headword not in unique:
            unique.append(headword)
            if len(unique) == 3:
                break
    return tuple(unique)
