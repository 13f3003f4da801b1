"""Chinese word segmentation with jieba, the only module that imports it, and only when needed.

Two ways in:
- `segment(text)`: jieba's default tokenizer with its whole dictionary (about 0.7 s to load),
  for building indexes, where the load is paid once per term-base content.
- `WindowSegmenter`: jieba's cut of short stretches of text, exactly as the default tokenizer
  (with the same words added) would cut them, without loading the dictionary. jieba decides the
  words of a sentence from the dictionary entries of the sentence's own substrings (the DAG of
  words in it, then the most probable route, then its HMM for runs of single characters) and
  from the dictionary's total; so a tokenizer given only those entries, read on demand from an
  SQLite copy of the dictionary (`glossary.index.jieba_words`), cuts the sentence the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Protocol


def import_jieba() -> Any:
    """jieba, imported without pkg_resources: jieba imports it only to open its own data files,
    and falls back to opening them by path when it is missing; importing it is 0.3-0.4 s of
    every index build and every scan that checks a word boundary. Any other importer of
    pkg_resources still finds it."""
    import sys

    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", "") is None:
            del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=1)
def _default_tokenizer() -> Any:
    jieba = import_jieba()

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def add_words(words: Iterable[str]) -> None:
    """Keep these words whole (a term base's headwords and aliases) in later segmentation."""
    tokenizer = _default_tokenizer()
    for word in words:
        if word.strip():
            tokenizer.add_word(word, freq=added_frequency(tokenizer, word))


def added_frequency(tokenizer: Any, word: str) -> int:
    """The frequency a term-base word is added with: enough for jieba to keep it whole."""
    return max(int(tokenizer.suggest_freq(word, tune=False)), 1) + 10


def added_frequencies(words: Iterable[str]) -> dict[str, int]:
    """The frequencies jieba (its whole dictionary loaded) gives these words when they are added
    in this order, as `WindowSegmenter.add` would give them."""
    jieba = import_jieba()

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    found: dict[str, int] = {}
    for word in words:
        found[word] = added_frequency(tokenizer, word)
        tokenizer.add_word(word, freq=found[word])
    return found


def segment(text: str) -> list[str]:
    """Words of `text`, in order, covering it exactly (`"".join(segment(t)) == t`)."""
    return list(_default_tokenizer().cut(text, HMM=True))


def _dictionary_fields(path: str, words: set[str], column: int) -> dict[str, str]:
    """Column `column` of the lines of a jieba data file (`word freq flag`, `word idf`) whose
    word is in `words`: one pass over the file, no table of all of it in memory."""
    found: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, _, rest = line.partition(" ")
            if word in words:
                fields = rest.split()
                if len(fields) >= column:
                    found[word] = fields[column - 1]
    return found


def tagged(text: str) -> list[tuple[str, str]]:
    """`segment`'s words, each with its part-of-speech flag in jieba's dictionary (`n` noun,
    `v` verb, `m` numeral, `q` measure word, `u` particle ...), or `""` for a word jieba's
    dictionary does not have (a new word its HMM put together, punctuation, Latin). The flags
    are read from jieba's dictionary file for these words only (jieba.posseg would load them
    all, about a second)."""
    from pathlib import Path

    jieba = import_jieba()

    words = segment(text)
    flags = _dictionary_fields(str(Path(jieba.__file__).parent / "dict.txt"), set(words), 2)
    return [(word, flags.get(word, "")) for word in words]


def frequency(word: str) -> int:
    """jieba's dictionary frequency of `word` (0 when it is not a word there)."""
    return int(_default_tokenizer().FREQ.get(word) or 0)


def dictionary_total() -> int:
    return int(_default_tokenizer().total)


def keyword_weights(words: list[str], top: int = 50) -> dict[str, float]:
    """TF-IDF weights of the `top` keywords among `words` (a document's segmentation), as
    jieba.analyse.extract_tags computes them (term frequency times the IDF in jieba's idf.txt,
    the median IDF for a word it does not list; words of one character left out), without
    importing jieba.analyse, which loads the part-of-speech table on import."""
    from collections import Counter
    from pathlib import Path
    from statistics import median

    jieba = import_jieba()

    counts = Counter(word for word in words if len(word.strip()) > 1)
    total = sum(counts.values()) or 1
    idf: dict[str, float] = {}
    every: list[float] = []
    with open(Path(jieba.__file__).parent / "analyse" / "idf.txt", encoding="utf-8") as handle:
        for line in handle:
            word, _, value = line.rstrip("\n").partition(" ")
            every.append(float(value))
            if word in counts:
                idf[word] = every[-1]
    default = median(every) if every else 1.0
    weights = {word: count / total * idf.get(word, default) for word, count in counts.items()}
    return dict(sorted(weights.items(), key=lambda item: -item[1])[:top])


class Dictionary(Protocol):
    """jieba's dictionary as jieba holds it: words and their prefixes (frequency 0)."""

    total: int
    longest: int

    def lookup(self, words: Iterable[str]) -> dict[str, int]: ...


class WindowSegmenter:
    """jieba's cut of short texts, given only the dictionary entries each text needs (see the
    module docstring). Words added with `add` behave as `jieba.Tokenizer.add_word` with the
    frequency `added_frequency` suggests; `added` passes in words added earlier (their
    frequencies as `add` returned them) so that the tokenizer is in the same state."""

    def __init__(self, dictionary: Dictionary, added: Mapping[str, int] | None = None) -> None:
        jieba = import_jieba()

        jieba.setLogLevel(logging.WARNING)
        self._dictionary = dictionary
        self._added: dict[str, int] = dict(added or {})
        self._prefixes = {word[:end] for word in self._added for end in range(1, len(word))}
        self._longest = max([dictionary.longest, *map(len, self._added)])
        self._known: set[str] = set()
        tokenizer = jieba.Tokenizer()
        tokenizer.total = dictionary.total + sum(self._added.values())
        tokenizer.initialized = True
        self._tokenizer = tokenizer

    @property
    def added(self) -> dict[str, int]:
        return dict(self._added)

    @property
    def total(self) -> int:
        return int(self._tokenizer.total)

    def _resolve(self, text: str) -> None:
        """Give the tokenizer the entries of the substrings of `text` it can ask for. jieba
        grows a word from each start only while it is a word or the prefix of one (its DAG),
        so the entries are read length by length, growing only the substrings found."""
        frequencies = self._tokenizer.FREQ
        frontier = [(start, start + 1) for start in range(len(text))]
        while frontier:
            wanted = {text[start:end] for start, end in frontier} - self._known
            if wanted:
                found = self._dictionary.lookup(wanted)
                for word in wanted:
                    if word in self._added:
                        frequencies[word] = self._added[word]
                    elif word in found:
                        frequencies[word] = found[word]
                    elif word in self._prefixes:
                        frequencies[word] = 0
                self._known |= wanted
            frontier = [
                (start, end + 1)
                for start, end in frontier
                if end < len(text)
                and end - start < self._longest
                and text[start:end] in frequencies
            ]

    def cut(self, text: str) -> list[str]:
        self._resolve(text)
        return list(self._tokenizer.cut(text, HMM=True))

    def add(self, word: str) -> int:
        """Add a word as `add_words` would; returns the frequency it was given."""
        self._resolve(word)
        frequency = added_frequency(self._tokenizer, word)
        self._tokenizer.add_word(word, freq=frequency)
        self._added[word] = frequency
        self._prefixes.update(word[:end] for end in range(1, len(word)))
        self._longest = max(self._longest, len(word))
        return frequency
