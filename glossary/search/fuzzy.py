"""Fuzzy matching of names with rapidfuzz's native scorers, scoring only the names that can
reach the cut-off.

A name's score is what `score` computes: the best of `fuzz.ratio`, 0.95 x `fuzz.partial_ratio`
(when the query has five characters or more and the name is longer) and 0.95 x
`fuzz.token_set_ratio` x `coverage` (when either has a space). Each scorer runs, with its own
cut-off, only on the names it could lift to the cut-off (`coverage` is at most 1, so the bounds
below still hold):

- ratio is at most 200 x min(a, b) / (a + b) for lengths a and b, so only names whose length is
  in a window around the query's are scored;
- token_set_ratio is 100 when the two share a word and one's words are a subset of the other's;
  otherwise, sharing no word, it is exactly fuzz.ratio of the two `sorted_tokens` (distinct
  words, sorted, joined by a space), bounded as above by their lengths. So: names sharing a
  word with the query, and those of the names whose joined words have a length in the window
  whose sorted tokens' ratio (a cheaper scorer than token_set_ratio, the tokens stored in the
  index) reaches the cut-off;
- partial_ratio is the best ratio of the query (length m) with a stretch w of the name. A
  score s needs L >= s (m + len(w)) / 200 characters in common, in order; L <= len(w), so
  L >= s (m + L) / 200, that is L >= s m / (200 - s); and the name holds w, so its longest
  common subsequence with the query is at least L too. So only the longer names whose
  LCSseq.similarity with the query reaches that bound (one bit-parallel pass in C, several
  times cheaper than partial_ratio) are scored;
- a name that shares no character with the query scores 0 on all three, so names in another
  script (all ASCII against none; see store.fuzzy_group) are never scored.

The result is the same as scoring every name, ordered by score and then by position.

A miss's suggestions have the same scores: `scores_of` for the names `suggestion_words.py`
picks, and `close_names.py` for the rest.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glossary.index.store import Store

SLACK = 0.999  # native cut-offs a little lower, so that the exact cut-off is applied here


def score(query: str, name: str) -> float:
    """The fuzzy score of a name (see the module docstring)."""
    from rapidfuzz import fuzz

    found = fuzz.ratio(query, name)
    if len(query) >= 5 and len(name) > len(query):
        found = max(found, 0.95 * fuzz.partial_ratio(query, name))
    if " " in query or " " in name:
        found = max(found, 0.95 * fuzz.token_set_ratio(query, name) * coverage(query, name))
    return float(found)


def coverage(query: str, name: str) -> float:
    """How much of the query a shorter name can stand for: token_set_ratio gives 100 to any name
    whose words are a subset of the query's ('product' for 'ecosytem product'), so its score is
    scaled by the square root of the length ratio (1 when the name is as long or longer)."""
    return 1.0 if len(name) >= len(query) else math.sqrt(len(name) / len(query))


def best_names(
    store: Store, query: str, cutoff: float, limit: int, skip_ids: bool = False
) -> list[tuple[int, float, str]]:
    """(position, score, name) of the `limit` names that score best and at least `cutoff`, best
    first, ties in name order; ids are left out when `skip_ids`."""
    from rapidfuzz import fuzz

    if not query:
        return []
    groups = groups_of(query, skip_ids)
    best: dict[int, float] = {}
    named: dict[int, str] = {}
    if query.isascii():
        picked, picked_positions = _by_words(store, query, groups)
        _score_all(best, named, query, picked, picked_positions, cutoff)
        return _best_first(best, named, cutoff, limit)
    names, positions = store.fuzzy_names(groups, lengths=_window(len(query), cutoff))
    _score_into(best, named, fuzz.ratio, 1.0, query, names, positions, cutoff)
    if len(query) >= 5:
        longer, longer_positions = store.fuzzy_names(groups, longer_than=len(query))
        kept, kept_positions = _sharing_a_subsequence(
            query, longer, longer_positions, cutoff / 0.95
        )
        _score_into(best, named, fuzz.partial_ratio, 0.95, query, kept, kept_positions, cutoff)
    worded, word_positions = _token_set_names(store, query, cutoff / 0.95, groups)
    _score_into(
        best, named, fuzz.token_set_ratio, 0.95, query, worded, word_positions, cutoff, covered=True
    )
    return _best_first(best, named, cutoff, limit)


def _best_first(
    best: dict[int, float], named: dict[int, str], cutoff: float, limit: int
) -> list[tuple[int, float, str]]:
    results = [
        (position, found, named[position]) for position, found in best.items() if found >= cutoff
    ]
    results.sort(key=lambda item: (-item[1], item[0]))
    return results[:limit]


def _by_words(store: Store, query: str, groups: Sequence[str]) -> tuple[list[str], list[int]]:
    """The names of these groups (with positions) that `fuzzy_words` picks for an ASCII
    query."""
    from glossary.search.fuzzy_words import candidate_positions

    skip_ids = "id" not in groups
    names: list[str] = []
    positions: list[int] = []
    for position, kind, name in store.names_at(candidate_positions(store, query)):
        if not (skip_ids and kind == "id"):
            names.append(name)
            positions.append(position)
    return names, positions


def scores_of(
    query: str, names: list[str], positions: Sequence[int], cutoff: float
) -> tuple[dict[int, float], dict[int, str]]:
    """The `score` of each of these names (with positions) that reaches `cutoff`, by position
    (a position's best when it has several names), and the name that scored it."""
    best: dict[int, float] = {}
    named: dict[int, str] = {}
    _score_all(best, named, query, names, positions, cutoff)
    return best, named


def _score_all(
    best: dict[int, float],
    named: dict[int, str],
    query: str,
    names: list[str],
    positions: Sequence[int],
    cutoff: float,
) -> None:
    """Score these names as `score` does, with each scorer only where `score` uses it, keeping
    each position's best that reaches `cutoff`."""
    from rapidfuzz import fuzz

    _score_into(best, named, fuzz.ratio, 1.0, query, names, positions, cutoff)
    if len(query) >= 5:
        longer = [i for i, name in enumerate(names) if len(name) > len(query)]
        picked, kept = _sharing_a_subsequence(
            query, [names[i] for i in longer], [positions[i] for i in longer], cutoff / 0.95
        )
        _score_into(best, named, fuzz.partial_ratio, 0.95, query, picked, kept, cutoff)
    spaced = [i for i, name in enumerate(names) if " " in query or " " in name]
    picked = [names[i] for i in spaced]
    _score_into(
        best,
        named,
        fuzz.token_set_ratio,
        0.95,
        query,
        picked,
        [positions[i] for i in spaced],
        cutoff,
        covered=True,
    )


def _score_into(
    best: dict[int, float],
    named: dict[int, str],
    scorer: Any,
    factor: float,
    query: str,
    names: list[str],
    positions: Sequence[int],
    cutoff: float,
    covered: bool = False,
) -> None:
    """Score the names with one scorer, keeping each position's best of factor x score (x the
    name's `coverage` of the query when `covered`)."""
    from rapidfuzz import process

    found = process.extract(
        query, names, scorer=scorer, score_cutoff=cutoff / factor * SLACK, limit=None
    )
    for name, value, i in found:
        position = positions[i]
        scored = float(factor * value) * (coverage(query, name) if covered else 1.0)
        if scored > best.get(position, -1.0):
            best[position] = scored
            named[position] = name


def _sharing_a_subsequence(
    query: str, names: list[str], positions: Sequence[int], cutoff: float
) -> tuple[list[str], list[int]]:
    """The names (with positions) whose longest common subsequence with the query is long
    enough for partial_ratio to reach `cutoff` (the bound in the module docstring)."""
    from rapidfuzz import process
    from rapidfuzz.distance import LCSseq

    s = cutoff * SLACK
    need = math.ceil(s * len(query) / (200 - s) - 1e-9)
    found = process.extract(query, names, scorer=LCSseq.similarity, score_cutoff=need, limit=None)
    kept = sorted(i for _, _, i in found)
    return [names[i] for i in kept], [positions[i] for i in kept]


def groups_of(query: str, skip_ids: bool) -> list[str]:
    """The fuzzy groups (store.fuzzy_group) that can share a character with `query`."""
    has_ascii = any(ord(ch) < 128 or ch.isspace() for ch in query)
    has_other = any(ord(ch) >= 128 for ch in query)
    groups = ["mixed"]
    if has_ascii:
        groups += ["latin"] + ([] if skip_ids else ["id"])
    if has_other:
        groups.append("han")
    return groups


def _window(length: int, cutoff: float) -> tuple[int, int]:
    """Lengths b for which 200 x min(length, b) / (length + b) can reach `cutoff`."""
    if cutoff <= 0:
        return 0, 1 << 30
    low = int(length * cutoff / (200 - cutoff)) - 1
    high = int(length * (200 - cutoff) / cutoff) + 1
    return max(low, 0), high


def _token_set_names(
    store: Store, query: str, cutoff: float, groups: Sequence[str]
) -> tuple[list[str], list[int]]:
    """The names token_set_ratio is computed for and can lift to `cutoff`, with positions:
    those sharing a word with the query, and those of the others whose sorted tokens' ratio
    reaches it (see the module docstring)."""
    from rapidfuzz import fuzz, process

    from glossary.index.store import sorted_tokens, token_length

    spaced = " " in query
    sharing = store.names_sharing_a_word(query.split())
    shared = {position for position, _, _ in sharing}
    tokens: list[str] = []
    window, packed = store.fuzzy_names(
        groups,
        token_lengths=_window(token_length(query), cutoff),
        spaced_only=not spaced,
        tokens=tokens,
    )
    found = process.extract(
        sorted_tokens(query),
        tokens,
        scorer=fuzz.ratio,
        score_cutoff=cutoff * SLACK * SLACK,
        limit=None,
    )
    kept = sorted(i for _, _, i in found if packed[i] not in shared)
    names = [window[i] for i in kept]
    positions = [packed[i] for i in kept]
    for position, kind, name in sharing:
        if kind == "id" and "id" not in groups:
            continue
        if spaced or " " in name:
            names.append(name)
            positions.append(position)
    return names, positions
