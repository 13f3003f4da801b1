"""The candidates of a document, filtered and ranked: what `glossary extract` lists.

A candidate is left out when it is general vocabulary (one word jieba's dictionary counts as
common, or a compound none of whose words is rare) or when the term bases in use already have
it under any name (`known`, from their scanner: CC-CEDICT's words too when it is among them).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from glossary.extract import lexicon
from glossary.extract.compounds import length_penalty
from glossary.extract.patterns import Found, acronyms, quoted, slogans
from glossary.extract.statistics import Word, associations, noun_phrases
from glossary.extract.view import FlatText
from glossary.text.layout import Skeleton

Known = Callable[[str], bool]
"""Whether the term bases in use have this expression under some name."""

BASE_SCORE = {"acronym": 0.9, "slogan": 0.6, "quoted": 0.55, "statistics": 0.3}
"""What each kind of evidence is worth before novelty and frequency are added."""
PREFERENCE = ("quoted", "slogan", "acronym", "statistics")
"""When two sources find one expression, the reason reported is the first of these."""
MIN_NOVELTY = 0.1
NOUN_HEAD = 0.1
"""A compound that ends with a noun (工程, 交易, 议程) reads as a name; one ending with a verb or
an unknown fragment as a clause."""
COUNT_WEIGHT = 0.05
RECOUNTED = 50
"""Candidates past the limit whose counts are taken again in the whole text before the cut."""
"""A compound found by statistics alone needs at least one word this rare."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One expression that looks like a term: its score (higher is better), how often it
    occurs, the first line it is on, a keyword-in-context snippet and why it is a candidate."""

    text: str
    score: float
    count: int
    line: int
    context: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "score": self.score,
            "count": self.count,
            "line": self.line,
            "context": self.context,
            "reason": self.reason,
        }


def extract(text: str, known: Known | None = None, limit: int | None = None) -> list[Candidate]:
    """The candidates of `text`, best first (at most `limit`)."""
    from glossary.text.segment import keyword_weights

    view = FlatText.of(text)
    words = _words(view.flat)
    found = [
        *quoted(view.flat),
        *acronyms(view.flat),
        *slogans(view.flat, words),
        *noun_phrases(words),
        *associations(words),
    ]
    keywords = keyword_weights([word for word, _, _ in words])
    starts: dict[str, set[int]] = {}
    for item in found:
        starts.setdefault(item.text, set()).add(item.start)
    best: dict[str, Candidate] = {}
    for item in _wanted(found, known):
        candidate = _candidate(item, view, len(starts[item.text]), keywords)
        if candidate is None:
            continue
        other = best.get(candidate.text)
        if other is None or _better(candidate, other):
            best[candidate.text] = candidate
    ranked = _ranked(best.values())
    shortlist = ranked[: limit + RECOUNTED] if limit else ranked
    recounted = _ranked(_recounted(shortlist, Skeleton.of(text).text))
    return recounted[:limit] if limit else recounted


def _ranked(candidates: Iterable[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (-c.score, c.line, c.text))


def _recounted(candidates: Iterable[Candidate], plain: str) -> list[Candidate]:
    """The candidates with their count in the whole text (quotes and layout aside), not only
    where a finder saw them, and the score that count gives. Done for a shortlist only: a
    count is a pass over the text."""
    done: list[Candidate] = []
    for candidate in candidates:
        count = max(candidate.count, plain.count(candidate.text))
        gain = COUNT_WEIGHT * (math.log2(count) - math.log2(candidate.count))
        done.append(replace(candidate, count=count, score=round(candidate.score + gain, 3)))
    return done


def _words(flat: str) -> list[Word]:
    from glossary.text.segment import tagged

    words: list[Word] = []
    offset = 0
    for word, flag in tagged(flat):
        words.append((word, flag, offset))
        offset += len(word)
    return words


def _wanted(found: Iterable[Found], known: Known | None) -> Iterable[Found]:
    """The first finding of each expression for each reason, when it is neither general
    vocabulary nor known."""
    left_out: dict[str, bool] = {}
    seen: set[tuple[str, str]] = set()
    for item in found:
        if item.text not in left_out:
            general = lexicon.is_general(item.text)
            left_out[item.text] = general or bool(known and known(item.text))
        if not left_out[item.text] and (item.text, item.reason) not in seen:
            seen.add((item.text, item.reason))
            yield item


def _candidate(
    item: Found, view: FlatText, count: int, keywords: dict[str, float]
) -> Candidate | None:
    from glossary.text.segment import segment

    parts = item.parts or tuple(segment(item.text))
    novelty = lexicon.novelty(parts)
    if item.reason == "statistics" and novelty < MIN_NOVELTY:
        return None
    top = max(keywords.values(), default=0.0) or 1.0
    keyword = max((keywords.get(part, 0.0) for part in parts), default=0.0) / top
    rarities = sorted((lexicon.rarity(part) for part in parts), reverse=True)
    second = rarities[1] if len(rarities) > 1 else 0.0
    too_long = length_penalty(item.text)
    score = (
        BASE_SCORE[item.reason]
        + 0.35 * novelty
        + 0.15 * second
        + COUNT_WEIGHT * math.log2(count)
        + 0.1 * keyword
        - too_long
        + item.adjustment
        + (NOUN_HEAD if item.reason == "statistics" and item.head.startswith("n") else 0.0)
    )
    end = item.start + len(item.text)
    context = view.context(item.start, min(end, len(view.flat)))
    return Candidate(item.text, round(score, 3), count, view.line(item.start), context, item.reason)


def _better(new: Candidate, old: Candidate) -> bool:
    if PREFERENCE.index(new.reason) != PREFERENCE.index(old.reason):
        return PREFERENCE.index(new.reason) < PREFERENCE.index(old.reason)
    return new.score > old.score
