"""A straightforward search to check the indexed one against: every name, every reading entry
and every term's tokens, scored with the same functions (`_name_match`, `pinyin_match`, the
fuzzy scorers, BM25), nothing indexed.

Three shortcuts keep it fast enough for CI, each plain from the scoring functions: a name is
only given to `_name_match` when it equals or contains the query (otherwise it returns None);
a reading entry only to `pinyin_match` when one of its characters is the query's first
character or has a reading starting with it (every way `pinyin_match` takes a piece of the
query starts so); and rapidfuzz leaves out scores under the cut-off divided by the scorer's
weight (they cannot lift the combined score to the cut-off).

Equal scores are listed by the terms' ranks (`glossary.index.frequency.term_ranks`: term
base, then how common the headword is in jieba's counts, then term order), computed here
from the same counts: issue 11 changed the tie-break from term order to that rank. Issue 15
changed three things here as in the search: results are labelled by `labels.label` (a fuzzy
match that is a prefix of words is `prefix`, one against the id of a term the pinyin matched
is `pinyin`), guesses far below the best real match are dropped (`labels.without_weak_tail`),
and a suggestion must be `labels.close` to the query. Since then the suggestions are the first
three headwords among all close names scoring the cut-off, best first (they were the close
ones among the 20 best names, so a miss whose 20 best names were not close suggested
nothing); the first ones are the same whenever the old rule found three. Issue 11 narrowed
the names an all-ASCII miss may suggest to those holding words spelt like the query's
(`suggestion_candidates`, as `search.suggestion_words` finds them)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process

from glossary.index import rows as index
from glossary.index.frequency import term_ranks
from glossary.index.fuzzy_tables import id_words, words_of
from glossary.index.rows import Units
from glossary.index.spelling_grams import bigrams
from glossary.index.store import fuzzy_group
from glossary.model import TermBase
from glossary.search import fuzzy_words
from glossary.search.labels import close, label, without_weak_tail
from glossary.search.pinyin_match import SKIPPABLE, pinyin_match
from glossary.search.query import Query
from glossary.search.ranking import FUZZY_CUTOFF, MIN_SCORE, SUGGESTION_CUTOFF, _name_match
from glossary.search.suggestion_words import (
    MIN_SHARED,
    NAMES,
    POSTINGS,
    QUERY_WORDS,
    WORDS,
)
from glossary.text.folding import fold, traditional_table
from glossary.text.pinyin import is_hanzi

Result = tuple[tuple[tuple[str, str, str, float, str], ...], tuple[str, ...]]


class Reference:
    def __init__(self, bases: Sequence[TermBase]) -> None:
        self.bases = [base.name for base in bases]
        self.terms = [(t, position) for position, base in enumerate(bases) for t in base.terms]
        chars = {c for t, _ in self.terms for n in t.names() for c in n if is_hanzi(c)}
        chars |= {c for t, _ in self.terms for c in t.definition_zh if is_hanzi(c)}
        self.traditional = traditional_table(chars)
        headwords = [fold(t.headword, self.traditional) for t, _ in self.terms]
        self.ranks = term_ranks(headwords, [position for _, position in self.terms])
        self.names: list[tuple[int, str, str]] = []
        self.readings: dict[str, list[tuple[int, Units]]] = {}  # by each key they hold
        for number, (term, position) in enumerate(self.terms):
            gloss = bases[position].kind == "dictionary"  # its English has no reading entry
            for kind, raw in index.names(term):
                name = fold(raw, self.traditional)
                self.names.append((number, kind, name))
                if any(is_hanzi(c) for c in name) and not (kind == "english" and gloss):
                    own = term.pinyin if kind == "headword" else ""
                    units = index.units(name, own)
                    keys = {c for c, _ in units} | {r[0] for _, rs in units for r in rs}
                    for key in keys:
                        self.readings.setdefault(key, []).append((number, units))
        self.name_texts = [name for _, _, name in self.names]
        self.vocabulary: dict[str, set[int]] | None = None  # words of names: their positions
        self.longest = max(map(len, self.name_texts))
        # jieba's vocabulary was taught the names when the store was built in this process
        self.counts = [
            Counter(index.tokens(fold(f"{t.definition_zh}\n{t.definition_en}", self.traditional)))
            for t, _ in self.terms
        ]
        self.df = Counter(token for counts in self.counts for token in counts)
        self.lengths = [sum(counts.values()) for counts in self.counts]

    def search(self, query: str, limit: int = 5) -> Result:
        query = query.strip()[: self.longest]
        typed = Query.of(query, self.traditional)
        folded = typed.folded
        best: dict[int, tuple[float, str, str]] = {}
        pinyin_terms: set[int] = set()

        def offer(number: int, score: float, kind: str, matched: str) -> None:
            if score > best.get(number, (0.0, "", ""))[0]:
                best[number] = (score, kind, matched)

        for number, kind, name in self.names:
            if folded and (folded == name or folded in name):
                found = _name_match(folded, kind, name)
                if found:
                    offer(number, found[0], found[1], name)
        if any(c.isascii() and c.isalpha() for c in folded):
            first = typed.plain.lstrip("".join(SKIPPABLE))[:1]
            for number, units in self.readings.get(first, ()):  # the readings with `first`
                scored = pinyin_match(typed, units)
                if scored:
                    pinyin_terms.add(number)
                    offer(number, scored[0], scored[1], "".join(u[0] for u in units))
        if not best or max(score for score, _, _ in best.values()) < 90:
            if len(folded) >= 2:
                for position, score in self.fuzzy(folded, FUZZY_CUTOFF, skip_ids=typed.toned):
                    number, _, name = self.names[position]
                    offer(number, 0.8 * score, "fuzzy", name)
            for number, score, words in self.full_text(folded):
                offer(number, score, "full-text", words)
        ranked = sorted(
            (
                (
                    score,
                    label(kind, folded, matched, self.terms[n][0].id, n in pinyin_terms),
                    matched,
                    n,
                )
                for n, (score, kind, matched) in best.items()
                if score >= MIN_SCORE
            ),
            key=lambda item: (-item[0], self.ranks[item[3]]),
        )
        matches = tuple(
            (
                self.terms[number][0].id,
                self.bases[self.terms[number][1]],
                kind,
                round(score, 1),
                matched,
            )
            for score, kind, matched, number in without_weak_tail(ranked)
        )[:limit]
        suggestions: list[str] = []
        if not matches and folded:
            scored = self.fuzzy(folded, SUGGESTION_CUTOFF, limit=None)
            if folded.isascii():
                candidates = self.suggestion_candidates(folded)
                scored = [(position, score) for position, score in scored if position in candidates]
            for position, _ in scored:
                if not close(folded, self.names[position][2]):
                    continue
                headword = self.terms[self.names[position][0]][0].headword
                if headword not in suggestions:
                    suggestions.append(headword)
        return matches, tuple(suggestions[:3])

    def suggestion_candidates(self, query: str) -> set[int]:
        """The positions of the names an ASCII miss may suggest, as suggestion_words finds
        them: for each word of the query, the WORDS words of the names (outside `han`; an id's
        `id_words`) sharing the most of its bigrams by Dice (at least MIN_SHARED), then the
        NAMES names whose words share the most, summed, of the rarest words' names (POSTINGS
        in all); every word compared here."""
        if self.vocabulary is None:
            self.vocabulary = {}
            for position, (_, kind, name) in enumerate(self.names):
                group = fuzzy_group(name, kind)
                if group != "han":
                    held = words_of(name) if group != "id" else id_words(name)
                    for word in held:
                        self.vocabulary.setdefault(word, set()).add(position)
        own = sorted(words_of(query))
        long = [word for word in own if len(word) >= fuzzy_words.SHORT] or own
        shared: dict[str, int] = {}
        for word in sorted(long, key=lambda word: (-len(word), word))[:QUERY_WORDS]:
            grams = bigrams(word)
            alike = sorted(
                (-2 * count / (len(grams) + len(other) + 1), len(other), other, count)
                for other in self.vocabulary
                if (count := len(grams & bigrams(other))) >= MIN_SHARED
            )
            for _, _, other, count in alike[:WORDS]:
                shared[other] = max(shared.get(other, 0), count)
        weights: Counter[int] = Counter()
        total = 0
        for size, other in sorted((len(self.vocabulary[other]), other) for other in shared):
            if weights and total + size > POSTINGS:
                break
            total += size
            for position in self.vocabulary[other]:
                weights[position] += shared[other]
        ranked = sorted(weights, key=lambda position: (-weights[position], position))
        return set(ranked[:NAMES])

    def fuzzy(
        self, query: str, cutoff: float, skip_ids: bool = False, limit: int | None = 20
    ) -> list[tuple[int, float]]:
        """Every name scored by every scorer, combined as glossary.search.fuzzy.score does:
        the best `limit` (all when None). A name no scorer gives a score is left out: its
        combined score is 0."""
        names = self.name_texts
        ratio = _all_scores(query, names, fuzz.ratio, cutoff)
        partial = _all_scores(query, names, fuzz.partial_ratio, cutoff / 0.95)
        token_set = _all_scores(query, names, fuzz.token_set_ratio, cutoff / 0.95)
        scored = []
        for position in sorted(ratio.keys() | partial.keys() | token_set.keys()):
            _, kind, name = self.names[position]
            if skip_ids and kind == "id":
                continue
            score = ratio.get(position, 0.0)
            if len(query) >= 5 and len(name) > len(query):
                score = max(score, 0.95 * partial.get(position, 0.0))
            if " " in query or " " in name:
                shorter = math.sqrt(len(name) / len(query)) if len(name) < len(query) else 1.0
                score = max(score, 0.95 * token_set.get(position, 0.0) * shorter)
            if float(score) >= cutoff:
                scored.append((position, float(score)))
        scored.sort(key=lambda item: (-item[1], item[0]))
        return scored[:limit]

    def full_text(self, query: str) -> list[tuple[int, float, str]]:
        words: list[str] = []
        covered = meaningful = 0
        for run in re.findall(r"[^\W\d_a-z]+|[a-z0-9]+", query):
            meaningful += len(run)
            if not any(is_hanzi(c) for c in run):
                if run in self.df:
                    words.append(run)
                    covered += len(run)
                continue
            start = 0
            while start < len(run):
                for end in range(len(run), start + 1, -1):
                    if run[start:end] in self.df:
                        words.append(run[start:end])
                        covered += end - start
                        start = end
                        break
                else:
                    start += 1
        coverage = covered / meaningful if meaningful else 0.0
        if not words or coverage < 0.5:
            return []
        k1, b = 1.2, 0.75
        count = len(self.terms)
        average = sum(self.lengths) / count
        scores: dict[int, float] = {}
        for word in sorted(set(words)):
            idf = math.log(1 + (count - self.df[word] + 0.5) / (self.df[word] + 0.5))
            for number, counts in enumerate(self.counts):
                if word in counts:
                    frequency, length = counts[word], self.lengths[number]
                    norm = frequency * (k1 + 1) / (frequency + k1 * (1 - b + b * length / average))
                    scores[number] = scores.get(number, 0.0) + idf * norm
        top = max(scores.values())
        matched = " ".join(words)
        return [(n, 40.0 + 25.0 * coverage * s / top, matched) for n, s in scores.items()]


def _all_scores(query: str, names: list[str], scorer: Any, cutoff: float) -> dict[int, float]:
    """The score of every name at `cutoff` or over, by position (one under it cannot lift the
    combination)."""
    found = process.extract(query, names, scorer=scorer, score_cutoff=cutoff * 0.999, limit=None)
    return {position: score for _, score, position in found}
