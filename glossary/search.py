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
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossary.index_format import INDEX_VERSION
from glossary.model import Term, term_from_dict
from glossary.pinyin import is_hanzi, strip_tones
from glossary.textnorm import fold

MIN_SCORE = 45.0
FUZZY_CUTOFF = 75.0
SKIPPABLE = frozenset(" '’-·")
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
            scored = _pinyin_match(folded, units)
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


# -- pinyin --------------------------------------------------------------------------------


def _pinyin_match(query: str, units: list[list[Any]]) -> tuple[float, str] | None:
    """Match pinyin typed any way against a name's characters (see module docstring)."""
    plain, marks = strip_tones(query)
    total = sum(1 for char, _ in units if char.isalnum())
    best: tuple[float, str] | None = None
    for start in range(len(units)):
        if start and not units[start][0].isalnum():
            continue
        found = _walk(plain, tuple(marks), _freeze(units), 0, start)
        if found is None:
            continue
        quality, consumed, initials_only = found
        coverage = consumed / total if total else 0.0
        ratio = quality / consumed if consumed else 0.0
        if start == 0 and consumed == total:
            score, kind = (88.0, "initials") if initials_only else (85.0 + 7.0 * ratio, "pinyin")
        else:
            score = (60.0 if start else 70.0) + 20.0 * coverage * ratio
            kind = "initials" if initials_only else "pinyin"
        if best is None or score > best[0]:
            best = (score, kind)
    return best


def _freeze(units: list[list[Any]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((char, tuple(found)) for char, found in units)


@lru_cache(maxsize=4096)
def _walk(
    query: str,
    marks: tuple[int, ...],
    units: tuple[tuple[str, tuple[str, ...]], ...],
    pos: int,
    unit: int,
) -> tuple[float, int, bool] | None:
    """Best way to consume query[pos:] with units[unit:]: (quality, units used, initials only).

    Quality per unit: 1 for a hanzi or a whole syllable, 0.6 for an unfinished last syllable,
    0.5 for an initial.
    """
    while pos < len(query) and query[pos] in SKIPPABLE:
        pos += 1
    if pos == len(query):
        return (0.0, 0, True)
    while unit < len(units) and not units[unit][0].isalnum():
        unit += 1
    if unit == len(units):
        return None
    char, readings = units[unit]
    options: list[tuple[float, int, bool, int]] = []  # quality, next pos, is initial, units
    if query[pos] == char:
        options.append((1.0, pos + 1, False, 1))
    for index, reading in enumerate(readings):
        options.extend(_syllable_options(query, marks, pos, reading, own=index == 0))
    best: tuple[float, int, bool] | None = None
    for quality, next_pos, is_initial, used in options:
        rest = _walk(query, marks, units, next_pos, unit + used)
        if rest is None:
            continue
        candidate = (quality + rest[0], used + rest[1], is_initial and rest[2])
        if best is None or candidate[:2] > best[:2]:
            best = candidate
    return best


def _syllable_options(
    query: str, marks: tuple[int, ...], pos: int, reading: str, own: bool
) -> list[tuple[float, int, bool, int]]:
    base, tone = (reading[:-1], int(reading[-1])) if reading[-1].isdigit() else (reading, 0)
    options: list[tuple[float, int, bool, int]] = []
    spellings = {base, base.replace("v", "u")} if "v" in base else {base}
    for spelling in spellings:
        end = pos + len(spelling)
        if query.startswith(spelling, pos):
            typed = max(marks[pos:end], default=0)
            if end < len(query) and query[end] in "12345":
                typed, end = int(query[end]), end + 1
            if not typed or (own and _same_tone(typed, tone)):
                options.append((1.0, end, False, 1))
        elif len(query) - pos >= 2 and spelling.startswith(query[pos:]):
            options.append((0.6, len(query), False, 1))  # an unfinished last syllable
    if query[pos] == base[0]:
        options.append((0.5, pos + 1, True, 1))
        if base[:2] in ("zh", "ch", "sh") and query.startswith(base[:2], pos):
            options.append((0.5, pos + 2, True, 1))
    return options


def _same_tone(typed: int, stored: int) -> bool:
    neutral = (0, 5)
    return typed == stored or (typed in neutral and stored in neutral)


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
