"""What a search result is called, and which results are noise (issue 15).

- A fuzzy match that is really a prefix of words (`ten major` for Ten Major Projects, `art
  rural` for art-led rural revitalization) is labelled `prefix`; one made against a term's id
  (its toneless pinyin) for a term the pinyin tier matched too (`xiangjian` for 艺术乡建) is
  labelled `pinyin`. The score stays what it was.
- A guess (fuzzy or full-text) scoring more than WEAK_GAP under the best result of another kind
  is dropped: `yishu` finds 艺术乡建 by its pinyin (80), and 双金双银 (fuzzy 60.8) is noise.
- A suggestion for a miss must be `close`: a stretch of the name holds CLOSE of the query's
  characters in order (`警访诉` suggests 警源、访源、诉源三源治理; `zxxqqq` suggests nothing).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

WEAK_GAP = 15.0
CLOSE = 0.75
GUESSES = frozenset({"fuzzy", "full-text"})
WORD = re.compile(r"[a-z0-9]+")

Ranked = tuple[float, str, str, int]  # score, kind, matched, term number


def label(kind: str, query: str, matched: str, term_id: str, pinyin_matched: bool) -> str:
    """The kind to show for a result first found as `kind` (see the module docstring)."""
    if kind != "fuzzy":
        return kind
    if pinyin_matched and matched == term_id:
        return "pinyin"
    if word_prefixes(query, matched):
        return "prefix"
    return kind


def word_prefixes(query: str, name: str) -> bool:
    """Whether each word of an ASCII query starts a different word of the name."""
    if not query.isascii():
        return False
    words, targets = WORD.findall(query), WORD.findall(name)
    if not words:
        return False
    for word in sorted(words, key=len, reverse=True):
        found = next((t for t in targets if t.startswith(word)), None)
        if found is None:
            return False
        targets.remove(found)
    return True


def without_weak_tail(ranked: Sequence[Ranked]) -> list[Ranked]:
    """The results but the guesses far below the best result of another kind."""
    real = [score for score, kind, _, _ in ranked if kind not in GUESSES]
    if not real:
        return list(ranked)
    floor = max(real) - WEAK_GAP
    return [item for item in ranked if item[1] not in GUESSES or item[0] >= floor]


def close(query: str, name: str) -> bool:
    """Whether some stretch of the name at most three times the query's length holds CLOSE of
    the query's characters in the query's order (a long English gloss holds most letters of
    any short string somewhere)."""
    from rapidfuzz.distance import LCSseq

    need = CLOSE * len(query)
    width = 3 * len(query)
    if LCSseq.similarity(query, name) < need:
        return False
    # Moving a stretch on by one character changes its common subsequence by one at most, so
    # after a stretch holding `held` the next need - held starts cannot hold enough.
    start, last = 0, max(len(name) - width, 0)
    while start <= last:
        held = LCSseq.similarity(query, name[start : start + width])
        if held >= need:
            return True
        start += max(1, math.ceil(need - held))
    return False
