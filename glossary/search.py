"""Ranked search over a built index (index.py): one query box for Chinese, English, acronyms,
typos, pinyin typed any way, initials, hanzi mixed with pinyin, and words of the definitions.

Every result says why it matched (`Match.kind`) and how well (`Match.score`, 0-100). The kinds
rank in tiers, so that an exact match always ranks above a fuzzy one and a headword match above
a definition match: exact 100, alias/english 96, pinyin 85-92, initials 88, fragment/prefix
60-90, fuzzy 60-80, full-text 40-65.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary.index_format import INDEX_VERSION
from glossary.model import Term, term_from_dict
from glossary.pinyin import is_hanzi, strip_tones
from glossary.pinyin_match import pinyin_match
from glossary.textnorm import fold

MIN_SCORE = 45.0
FUZZY_CUTOFF = 75.0
TONED = re.compile(r"[a-zü][1-5]")


@dataclass(frozen=True, slots=True)
class Match:
    """A term found for a query, why (`kind`) and how well (`score`)."""

    term: Term
    termbase: str
    kind: str
    score: float
    matched: str  # the folded name or words that matched, for highlighting


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    matches: tuple[Match, ...]
    suggestions: tuple[str, ...] = ()


class Index:
    """The query side of an index built by `glossary.index.build`."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.termbases = [base["name"] for base in data["termbases"]]
        self._raw_terms: list[dict[str, Any]] = data["terms"]
        self._terms: dict[int, Term] = {}
        self.names: list[tuple[int, str, str]] = [tuple(item) for item in data["names"]]
        self.readings: list[tuple[int, list[list[Any]]]] = [
            (number, units) for number, units in data["readings"]
        ]
        self.traditional: dict[str, str] = data["traditional"]
        self.postings: dict[str, list[list[int]]] = data["postings"]
        self.lengths: list[int] = data["lengths"]

    def term(self, number: int) -> Term:
        if number not in self._terms:
            self._terms[number] = term_from_dict(self._raw_terms[number])
        return self._terms[number]

    def termbase_of(self, number: int) -> int:
        return int(self._raw_terms[number]["_termbase"])

    def __len__(self) -> int:
        return len(self._raw_terms)


def load_index(paths: Sequence[Path]) -> Index:
    """The index for these term bases, from the cache or built (and cached) now."""
    from glossary.cache import load_or_build

    def build(_contents: list[bytes]) -> dict[str, Any]:
        from glossary.index import build_from_files

        return build_from_files(paths)

    return Index(load_or_build(f"search{INDEX_VERSION}", paths, build))


def search(index: Index, query: str, limit: int = 5) -> SearchResult:
    folded = fold(query.strip(), index.traditional)
    best: dict[int, tuple[float, str, str]] = {}

    def offer(number: int, score: float, kind: str, matched: str) -> None:
        if score > best.get(number, (0.0, "", ""))[0]:
            best[number] = (score, kind, matched)

    for number, kind, name in index.names:
        found = _name_match(folded, kind, name)
        if found:
            offer(number, found[0], found[1], name)
    if any(ch.isascii() and ch.isalpha() for ch in folded):
        for number, units in index.readings:
            scored = pinyin_match(folded, units)
            if scored:
                offer(number, scored[0], scored[1], "".join(unit[0] for unit in units))
    if not best or max(score for score, _, _ in best.values()) < 90:
        for number, score, name in _fuzzy(index, folded):
            offer(number, score, "fuzzy", name)
        for number, score, words in _full_text(index, folded):
            offer(number, score, "full-text", words)
    ranked = sorted(
        ((score, kind, matched, number) for number, (score, kind, matched) in best.items()),
        key=lambda item: (-item[0], index.termbase_of(item[3]), item[3]),
    )
    matches = tuple(
        Match(
            index.term(number),
            index.termbases[index.termbase_of(number)],
            kind,
            round(score, 1),
            matched,
        )
        for score, kind, matched, number in ranked
        if score >= MIN_SCORE
    )[:limit]
    suggestions = () if matches else _suggestions(index, folded)
    return SearchResult(query, matches, suggestions)


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
    if any(is_hanzi(ch) for ch in query):
        return 60.0 + 30.0 * coverage, "fragment"
    if len(query) >= 3 and _at_word_start(name, name.index(query)):
        return 60.0 + 30.0 * coverage, "english" if kind == "english" else "alias"
    return None


def _at_word_start(text: str, position: int) -> bool:
    return position == 0 or not text[position - 1].isalnum()


# -- fuzzy and full text ---------------------------------------------------------------------


def _fuzzy(index: Index, query: str) -> list[tuple[int, float, str]]:
    if len(query) < 2:
        return []
    from rapidfuzz import process

    # A query with tones must agree with the stored reading, so it is not matched loosely
    # against ids (which are toneless pinyin).
    toned = bool(TONED.search(query)) or any(strip_tones(query)[1])
    choices = [name if not (toned and kind == "id") else "" for _, kind, name in index.names]
    found = process.extract(
        query, choices, scorer=_fuzzy_score, score_cutoff=FUZZY_CUTOFF, limit=20
    )
    return [(index.names[position][0], 0.8 * score, name) for name, score, position in found]


def _fuzzy_score(query: str, name: str, **_: Any) -> float:
    from rapidfuzz import fuzz

    score = fuzz.ratio(query, name)
    if len(query) >= 5 and len(name) > len(query):
        score = max(score, 0.95 * fuzz.partial_ratio(query, name))
    if " " in query or " " in name:
        score = max(score, 0.95 * fuzz.token_set_ratio(query, name))
    return float(score)


def query_tokens(index: Index, query: str) -> tuple[list[str], float]:
    """Tokens of the query that the index knows, and the share of the query they cover.

    Chinese runs are split by longest match against the index's vocabulary (which came from
    jieba at build time), so no segmenter is loaded at query time."""
    found: list[str] = []
    covered = 0
    meaningful = 0
    for run in re.findall(r"[^\W\d_a-z]+|[a-z0-9]+", query):
        if not any(is_hanzi(ch) for ch in run):
            meaningful += len(run)
            if run in index.postings:
                found.append(run)
                covered += len(run)
            continue
        meaningful += len(run)
        start = 0
        while start < len(run):
            for end in range(len(run), start + 1, -1):
                if run[start:end] in index.postings:
                    found.append(run[start:end])
                    covered += end - start
                    start = end
                    break
            else:
                start += 1
    return found, (covered / meaningful if meaningful else 0.0)


def _full_text(index: Index, query: str) -> list[tuple[int, float, str]]:
    words, coverage = query_tokens(index, query)
    if not words or coverage < 0.5:
        return []
    k1, b = 1.2, 0.75
    count = len(index.lengths)
    average = sum(index.lengths) / count if count else 1.0
    scores: dict[int, float] = {}
    for word in set(words):
        postings = index.postings[word]
        idf = math.log(1 + (count - len(postings) + 0.5) / (len(postings) + 0.5))
        for number, frequency in postings:
            norm = (
                frequency
                * (k1 + 1)
                / (frequency + k1 * (1 - b + b * index.lengths[number] / average))
            )
            scores[number] = scores.get(number, 0.0) + idf * norm
    top = max(scores.values())
    matched = " ".join(words)
    return [
        (number, 40.0 + 25.0 * coverage * score / top, matched) for number, score in scores.items()
    ]


def _suggestions(index: Index, query: str) -> tuple[str, ...]:
    if not query:
        return ()
    from rapidfuzz import process

    names = [name for _, _, name in index.names]
    found = process.extract(query, names, scorer=_fuzzy_score, score_cutoff=40, limit=20)
    unique: list[str] = []
    for _, _, position in found:
        headword = index.term(index.names[position][0]).headword
        if headword not in unique:
            unique.append(headword)
    return tuple(unique[:3])
