"""Which names a Latin-script fuzzy query scores (issue 11): those with a word like one of the
query's, rarest first.

Scoring every English name and id in a length window (rapidfuzz in C, about 250,000 names beside
CC-CEDICT) costs 20-100 ms a query, and no character or bigram count bound rules enough names out
at the fuzzy cut-off (75 lets a quarter of the characters differ: a bigram bound keeps names
sharing two or three of a dozen bigrams, tens of thousands of them), so the candidates come from
the words instead, an approximation. A query word (`fuzzy_tables.words_of`; words of one or two
letters only when there is no longer one) stands for the indexed word equal to it, the words
one edit from it (`edits`: a letter added, dropped or changed, or two neighbours swapped;
looked up for words that names have too, since a typo can make one: `powers witch`), and,
from four letters on, the words that start with it. The names with such
a word are gathered from the query word that stands for the fewest names on, while fewer than
CAP names are gathered (those of the rarest at least), and only they are scored, exactly as
before (`fuzzy.score`). A name with no such word is not scored: it reaches the cut-off only
through letters spread across its words or an id's syllables (`rank psoition` and `and
portion`), which is what the approximation gives up; beside CC-CEDICT, 9 in 10 of the English,
typo, definition-word and miss queries of `benchmarks/batch.py` list the same results as the
scan of every name, the others differ after the first few (fuzzy guesses at 60-70), and the
right entry is in the top five as often.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossary.index.fuzzy_tables import words_of

if TYPE_CHECKING:
    from glossary.index.store import Store

CAP = 4000  # names gathered from the rarest query words on
SHORT = 3  # query words shorter than this are used only when there is no longer one
PREFIX = 4  # query words this long also stand for the longer words they start
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"  # what the words of fuzzy_words are made of


def edits(word: str) -> set[str]:
    """The words one edit from `word` (a letter added, dropped or changed, or two neighbours
    swapped), as Norvig's spelling corrector makes them: about 70 per letter, looked up in
    the index at once."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {left + right[1:] for left, right in splits if right}
    found |= {left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1}
    found |= {left + c + right[1:] for left, right in splits if right for c in ALPHABET}
    found |= {left + c + right for left, right in splits for c in ALPHABET}
    found.discard(word)
    return found


def like(store: Store, word: str) -> dict[str, int]:
    """The indexed words a query word stands for, with their counts of names."""
    found = store.fuzzy_word_sizes([word, *edits(word)])
    if len(word) >= PREFIX:
        found.update(store.fuzzy_words_starting(word))
    return found


def query_words(query: str) -> list[str]:
    """The words of a query that stand for it (`words_of`), in order: those of SHORT letters
    or more, or all of them when there is none."""
    own = sorted(words_of(query))
    return [word for word in own if len(word) >= SHORT] or own


def candidate_positions(store: Store, query: str) -> list[int]:
    """The positions of the names the query is scored against, in position order."""
    long = query_words(query)
    gathered = sorted(
        (sum(found.values()), word, sorted(found)) for word in long for found in [like(store, word)]
    )
    chosen: list[str] = []
    total = 0
    for size, _, found in gathered:
        if chosen and total + size > CAP:
            break
        chosen += found
        total += size
    return sorted(set(store.fuzzy_word_positions(chosen))) if chosen else []
