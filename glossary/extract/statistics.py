"""Multi-word compounds found by statistics over jieba's segmentation of the layout-free text.

Two sources, both over the clauses of the text (runs of words between punctuation and function
words: particles, prepositions, conjunctions, pronouns):
- noun phrases: a clause without its leading predicate (verbs, adverbs, adjectives: 加快推进,
  积极践行), kept when it is four to sixteen characters of two words or more; one occurrence
  is enough, its score is how new its newest word is (`lexicon.novelty`);
- repeated word n-grams (two to four words) that hold together: pointwise mutual information
  between their two halves and the entropy of the words on either side (a fragment of a longer
  expression has one neighbour only).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from glossary.extract import compounds
from glossary.extract.patterns import Found

Word = tuple[str, str, int]  # a word, its part-of-speech flag, its flat offset
BOUNDARY_FLAGS = ("u", "p", "c", "r", "y", "e", "o", "x", "w")
PREDICATE_FLAGS = ("v", "d", "a", "j", "z", "i", "l")
PROPER_FLAGS = ("nr", "ns", "nt", "nz")
CLAUSE_OPENER = 2
"""A common word that opens this many clauses of the document is used as a predicate there
(规范 in 规范工业用地二级市场交易 and 加强和规范城乡物业管理), whatever its dictionary flag."""
COMMON = 1_000
TRAILING_FLAGS = ("v", "a", "d", "m", "q", "f", "t")
MIN_CHARS, MAX_CHARS = 4, 16
MIN_PMI = 1.0
WORDLIKE = re.compile(r"[^\W_]+")


def clauses(words: Sequence[Word]) -> list[list[Word]]:
    """Runs of content words: split at punctuation and at function words."""
    runs: list[list[Word]] = [[]]
    for word in words:
        text, flag, _ = word
        if not WORDLIKE.fullmatch(text) or flag.startswith(BOUNDARY_FLAGS):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(word)
    return [run for run in runs if run]


def noun_phrases(words: Sequence[Word]) -> Iterator[Found]:
    """Each clause without its leading predicate and trailing verbs, when it is the size of a
    term."""
    from glossary.text.segment import frequency

    runs = clauses(words)
    openers = Counter(run[0][0] for run in runs)
    predicates = {
        word
        for word, count in openers.items()
        if count >= CLAUSE_OPENER and frequency(word) >= COMMON
    }
    phrases = [_core(clause, predicates) for clause in runs]
    heads = compounds.families([p for p in phrases if MIN_CHARS <= _length(p) <= MAX_CHARS])
    for phrase in phrases:
        family = heads.get(phrase[-1][0], 0) if phrase else 0
        if len(phrase) >= 2 and MIN_CHARS <= _length(phrase) <= MAX_CHARS:
            yield from _phrase(phrase, compounds.adjustment(phrase, family))
        for core in compounds.nested_core(phrase, family, MIN_CHARS):
            yield from _phrase(core, compounds.adjustment(core, 0))


def _core(clause: list[Word], predicates: set[str]) -> list[Word]:
    """The clause without its leading predicate and trailing modifiers."""
    start, end = 0, len(clause)
    while start < end - 1 and _is_predicate(clause[start], predicates):
        start += 1
    while end > start + 2 and _is_trailing_modifier(clause[end - 1]):
        end -= 1
    return clause[start:end]


def _length(phrase: Sequence[Word]) -> int:
    return sum(len(word) for word, _, _ in phrase)


def _phrase(phrase: Sequence[Word], adjustment: float) -> Iterator[Found]:
    text = "".join(word for word, _, _ in phrase)
    if len(phrase) >= 2 and MIN_CHARS <= len(text) <= MAX_CHARS:
        parts = tuple(word for word, _, _ in phrase)
        yield Found(text, phrase[0][2], "statistics", parts, phrase[-1][1], adjustment)


def _is_predicate(word: Word, predicates: set[str]) -> bool:
    text, flag, _ = word
    if flag.startswith(PROPER_FLAGS):
        return False
    return flag.startswith(PREDICATE_FLAGS) or text in predicates


def _is_trailing_modifier(word: Word) -> bool:
    """A verb, adjective, adverb, numeral, measure, locality or time word at a phrase's end
    (推进, 满意, 以上, 6月): a term ends with its head noun."""
    text, flag, _ = word
    return (flag.startswith(TRAILING_FLAGS) and not flag.startswith("vn")) or text.isdigit()


def associations(words: Sequence[Word]) -> Iterator[Found]:
    """Repeated n-grams of two to four words whose halves go together (PMI) and that have
    several different neighbours on both sides (boundary entropy)."""
    runs = clauses(words)
    unigrams: Counter[str] = Counter(word for run in runs for word, _, _ in run)
    total = sum(unigrams.values()) or 1
    grams: Counter[tuple[str, ...]] = Counter()
    first: dict[tuple[str, ...], int] = {}
    left: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    right: defaultdict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for run in runs:
        texts = [word for word, _, _ in run]
        for size in (2, 3, 4):
            for begin in range(len(run) - size + 1):
                gram = tuple(texts[begin : begin + size])
                grams[gram] += 1
                first.setdefault(gram, run[begin][2])
                left[gram][texts[begin - 1] if begin else f"^{begin}{id(run)}"] += 1
                end = begin + size
                right[gram][texts[end] if end < len(run) else f"${end}{id(run)}"] += 1
    for gram, count in grams.items():
        text = "".join(gram)
        if count < 2 or not MIN_CHARS <= len(text) <= MAX_CHARS:
            continue
        cohesion = _pmi(gram, count, grams, unigrams, total)
        if cohesion < MIN_PMI or min(_entropy(left[gram]), _entropy(right[gram])) <= 0:
            continue
        yield Found(text, first[gram], "statistics", gram)


def _pmi(
    gram: tuple[str, ...],
    count: int,
    grams: Counter[tuple[str, ...]],
    unigrams: Counter[str],
    total: int,
) -> float:
    """The weakest split: min over cut points of log(P(gram) / (P(left) P(right)))."""

    def probability(part: tuple[str, ...]) -> float:
        found = unigrams[part[0]] if len(part) == 1 else grams[part]
        return max(found, 1) / total

    whole = count / total
    return min(
        math.log(whole / (probability(gram[:cut]) * probability(gram[cut:])))
        for cut in range(1, len(gram))
    )


def _entropy(neighbours: Counter[str]) -> float:
    total = sum(neighbours.values())
    return -sum(n / total * math.log(n / total) for n in neighbours.values())
