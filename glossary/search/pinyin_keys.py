"""Which reading entries a pinyin query can match, found from the keys of two neighbouring
characters instead of running pinyin_match on every name.

pinyin_match consumes the query unit by unit: each unit (a character of the name) takes the
character itself, a whole syllable (with a tone digit after it), an initial (z/c/s or
zh/ch/sh), or, at the end, an unfinished syllable. Every one of these starts with the
character itself or with the first letter of one of the unit's readings, its *key*
(`glossary.index.reading_rows.unit_keys`). So a match starting at unit s needs the query's
first piece to start with a key of s and, if the query goes on, its second piece to start with
a key of s + 1: the index holds each pair of neighbouring keys, and the pairs a query allows are
few. When the first piece is a hanzi or a whole syllable (two letters or more, not zh/ch/sh),
unit s must be that hanzi or have that reading: the index holds each hanzi and reading with the
key after it (`pairs`), far fewer entries than those with its first letter. A query that one
unit can take whole needs a reading spelled with what it typed (`heads`).

A query that cannot be cut into such pieces at all (`development`: no piece starts with `v`)
matches nothing, and no lookup is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import product

from glossary.search.pinyin_match import SKIPPABLE
from glossary.text.pinyin import SYLLABLES, is_hanzi

SPELLINGS = SYLLABLES | {syllable.replace("v", "u") for syllable in SYLLABLES}
UNFINISHED = frozenset(s[:end] for s in SPELLINGS for end in range(2, len(s)))
FIRST_LETTERS = frozenset(s[0] for s in SYLLABLES)
LONGEST = max(map(len, SPELLINGS))
_SKIPPED = "".join(sorted(SKIPPABLE))


@dataclass(frozen=True, slots=True)
class QueryKeys:
    chains: tuple[str, ...]  # keys of three units that take the query's first three pieces
    chain_prefixes: tuple[str, ...]  # keys of two units that take the whole query
    pairs: tuple[str, ...]  # a hanzi or whole syllable, a space, the key of the unit after it
    heads: tuple[str, ...]  # prefixes of the spelling of a unit that takes the whole query


def query_keys(
    plain: str,
    literals: str,
    letters: Callable[[Iterable[str]], dict[str, str]],
    tones: Sequence[int] = (),
) -> QueryKeys | None:
    """The keys that candidates for `plain` (a folded query without tone marks; `tones`, the
    tone marked on each of its characters) must have, or None when it cannot match any name.
    `literals` are the characters other than hanzi that stand as units; `letters` gives the key
    letters of hanzi (store.Store.letters)."""
    end = len(plain)
    first = _skip(plain, 0)
    finishes = _finishing(plain, literals)
    if first == end or not finishes[first]:
        return None
    moves = _moves(plain, first, literals)
    heads = {head for position, head in moves if position == end}
    paths: set[tuple[int, ...]] = set()  # where the first two or three pieces start
    for second in {p for p, _ in moves if p < end and finishes[p]}:
        for third, _ in _moves(plain, second, literals):
            if third == end:
                paths.add((first, second))
            elif finishes[third]:
                paths.add((first, second, third))
    known = letters(ch for path in paths for p in path if is_hanzi(ch := plain[p]))
    chains: set[str] = set()
    prefixes: set[str] = set()
    pairs: set[str] = set()
    for path in paths:
        head = _pair_head(plain, tones, path[0], path[1])
        if head:
            pairs.update(f"{head} {key}" for key in _keys(plain[path[1]], known))
            continue
        keys = [_keys(plain[p], known) for p in path]
        (chains if len(path) == 3 else prefixes).update("".join(c) for c in product(*keys))
    if not chains and not prefixes and not pairs and not heads:
        return None
    return QueryKeys(*(tuple(sorted(found)) for found in (chains, prefixes, pairs, heads)))


def _pair_head(plain: str, tones: Sequence[int], start: int, end: int) -> str | None:
    """What the unit taking the piece plain[start:end], followed by another, must be or read,
    when that narrows the candidates more than its key: a hanzi (only that hanzi takes it) or
    a whole syllable (two letters or more, a tone digit after it aside, not zh/ch/sh), with
    the tone typed (as a mark or digit) that its own reading must have (neutral: 5)."""
    piece = plain[start:end].rstrip(_SKIPPED)
    if len(piece) == 1:
        return piece if is_hanzi(piece) else None
    if piece in ("zh", "ch", "sh"):
        return None
    syllable, typed = (piece[:-1], int(piece[-1])) if piece[-1] in "12345" else (piece, 0)
    if not typed:
        typed = max(tones[start : start + len(syllable)], default=0)
    return f"{syllable}{typed}" if typed else syllable


def _keys(char: str, known: dict[str, str]) -> set[str]:
    """The keys a unit taking `char` has: a hanzi's reading letters (itself when it has none)."""
    if not is_hanzi(char):
        return {char}
    if char not in known:
        return set()  # no name has this character
    return set(known[char]) or {char}


def _skip(plain: str, position: int) -> int:
    while position < len(plain) and plain[position] in SKIPPABLE:
        position += 1
    return position


def _moves(plain: str, position: int, literals: str) -> list[tuple[int, str]]:
    """Where the next piece can start after one unit takes a piece at `position`, each with the
    spelling prefix that unit needs when it takes the rest of the query."""
    char = plain[position]
    found: list[tuple[int, str]] = []
    if is_hanzi(char) or (char in literals and char.isalnum()):
        found.append((position + 1, char))
    if char in FIRST_LETTERS:
        found.append((position + 1, char))
        if plain.startswith(("zh", "ch", "sh"), position):
            found.append((position + 2, plain[position : position + 2]))
    for length in range(1, LONGEST + 1):
        piece = plain[position : position + length]
        if len(piece) < length:
            break
        if piece in SPELLINGS:
            after = position + length
            if after < len(plain) and plain[after] in "12345":
                after += 1
            found.append((after, piece))
    rest = plain[position:]
    if rest in UNFINISHED:
        found.append((len(plain), rest))
    return [(_skip(plain, after), head) for after, head in found]


def _finishing(plain: str, literals: str) -> list[bool]:
    """For each position, whether plain[position:] can be cut into pieces units can take."""
    finishes = [False] * len(plain) + [True]
    for position in range(len(plain) - 1, -1, -1):
        finishes[position] = any(finishes[after] for after, _ in _moves(plain, position, literals))
    return finishes
