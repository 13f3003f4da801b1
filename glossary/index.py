"""Build the search index of a set of term bases: everything a query needs, precomputed once
per term-base content and cached (see cache.py), so that answering a query never loads jieba's
dictionary, pypinyin or the YAML parser.

The index is plain JSON-able data:
- `termbases`: name and path of each term base, in the order given (earlier ranks first on ties);
- `terms`: each term's stored fields, with `_termbase` (its term base's position);
- `names`: [term, kind, folded name] for every headword, id, alias and English name;
- `readings`: [term, units] for every Chinese name, a unit being [folded char, readings], the
  readings numbered (`lv4`), the term's own (hand-checked) reading first;
- `traditional`: traditional -> simplified for the characters the term base uses;
- `postings`: full-text token -> [[term, count], ...]; `lengths`: tokens per term.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from glossary.index_format import INDEX_VERSION
from glossary.model import Term, TermBase
from glossary.pinyin import Syllable, is_hanzi, readings, split_syllables
from glossary.textnorm import fold, traditional_table

LATIN_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or that the to with".split()  # noqa: SIM905
)


def build(bases: Sequence[TermBase]) -> dict[str, Any]:
    terms: list[tuple[Term, int]] = [
        (term, position) for position, base in enumerate(bases) for term in base.terms
    ]
    chars = {ch for term, _ in terms for name in term.names() for ch in name if is_hanzi(ch)}
    chars |= {ch for term, _ in terms for ch in term.definition_zh if is_hanzi(ch)}
    traditional = traditional_table(chars)
    names: list[list[Any]] = []
    units: list[list[Any]] = []
    for number, (term, _) in enumerate(terms):
        for kind, name in _names(term):
            names.append([number, kind, fold(name, traditional)])
            if any(is_hanzi(ch) for ch in name):
                own = term.pinyin if kind == "headword" else ""
                units.append([number, _units(fold(name, traditional), own)])
    postings, lengths = _full_text([term for term, _ in terms], traditional)
    return {
        "version": INDEX_VERSION,
        "termbases": [{"name": base.name, "path": base.path} for base in bases],
        "terms": [{**term.to_dict(), "_termbase": position} for term, position in terms],
        "names": names,
        "readings": units,
        "traditional": traditional,
        "postings": postings,
        "lengths": lengths,
    }


def build_from_files(paths: Sequence[Path]) -> dict[str, Any]:
    from glossary.termbase import load

    return build([load(path) for path in paths])


def _names(term: Term) -> list[tuple[str, str]]:
    found = [("headword", term.headword), ("id", term.id)]
    if term.en:
        found.append(("english", term.en))
    found += [("alias", alias) for alias in term.aliases]
    seen: set[tuple[str, str]] = set()
    return [item for item in found if not (item in seen or seen.add(item))]  # type: ignore[func-returns-value]


def _units(name: str, own_pinyin: str) -> list[list[Any]]:
    """One unit per character of `name`: hanzi carry their readings, the term's own first."""
    own = _align(name, own_pinyin) if own_pinyin else None
    result: list[list[Any]] = []
    hanzi_seen = 0
    for char in name:
        if not is_hanzi(char):
            result.append([char, []])
            continue
        found = [syllable.numbered() for syllable in readings(char)]
        if own is not None:
            mine = own[hanzi_seen].numbered()
            found = [mine, *(r for r in found if r != mine)]
        hanzi_seen += 1
        result.append([char, found])
    return result


def _align(name: str, pinyin: str) -> list[Syllable] | None:
    """The stored pinyin's syllable for each hanzi of `name`, or None if they do not line up."""
    syllables = [s for s in split_syllables(pinyin) if isinstance(s, Syllable)]
    hanzi = [ch for ch in name if is_hanzi(ch)]
    return syllables if len(syllables) == len(hanzi) else None


def tokens(text: str) -> list[str]:
    """Full-text tokens of folded text: jieba words with a hanzi (two or more characters) and
    Latin words that are not stop words."""
    from glossary.segment import segment

    found: list[str] = []
    for word in segment(text):
        word = word.strip()
        if any(is_hanzi(ch) for ch in word):
            if len(word) >= 2:
                found.append(word)
        else:
            found.extend(w for w in LATIN_WORD.findall(word) if w not in STOPWORDS)
    return found


def _full_text(
    terms: Sequence[Term], traditional: dict[str, str]
) -> tuple[dict[str, list[list[int]]], list[int]]:
    from glossary.segment import add_words

    add_words(fold(name, traditional) for term in terms for name in term.names())
    postings: dict[str, list[list[int]]] = {}
    lengths: list[int] = []
    for number, term in enumerate(terms):
        text = fold(f"{term.definition_zh}\n{term.definition_en}", traditional)
        counts = Counter(tokens(text))
        lengths.append(sum(counts.values()))
        for token, count in sorted(counts.items()):
            postings.setdefault(token, []).append([number, count])
    return dict(sorted(postings.items())), lengths
