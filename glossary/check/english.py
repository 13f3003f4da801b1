"""Finding a term's English names in a translation, tolerant of case, inflection (plurals,
-ed, -ing: simplemma's English lemmas, not suffix rules), hyphens and line breaks: both sides
are cut into words, each word lower-cased and lemmatised, and a name is found where its lemmas
occur in a row.

simplemma takes about half a second to load its English dictionary, so the lemmas of the words
met are remembered in the cache folder (JSON, per simplemma version): a run whose words are all
known there does not load it."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’][A-Za-z]+)?")
"""A Latin word; hyphens, dashes, quotes and whitespace (line breaks too) separate words."""
MAX_REMEMBERED = 200_000
VERSION = re.compile(r"""__version__\s*=\s*["']([^"']+)["']""")


class Lemmas:
    """English lemmas by lower-cased word, from the cache file or from simplemma."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else _cache_path()
        self.known: dict[str, str] = _read(self.path)
        self.learned = 0
        self._lemmatize: Any = None
        self._seen: dict[str, str] = {}
        """The lemma of each word as written, once looked up (a translation repeats them)."""
        self._names: dict[str, tuple[str, ...]] = {}

    def __call__(self, word: str) -> str:
        found = self._seen.get(word)
        if found is None:
            found = self._seen[word] = self._lemma(word)
        return found

    def _lemma(self, word: str) -> str:
        lowered = word.lower().replace("’", "'")
        found = self.known.get(lowered)
        if found is None:
            if self._lemmatize is None:
                import simplemma

                self._lemmatize = simplemma.lemmatize
            found = self.known[lowered] = str(self._lemmatize(lowered, lang="en")).lower()
            self.learned += 1
        return found

    def of_words(self, words: list[str]) -> list[str]:
        seen = self._seen
        return [seen[word] if word in seen else self(word) for word in words]

    def save(self) -> None:
        """Remember what was learned (an unwritable cache only costs speed)."""
        if not self.learned:
            return
        from glossary.index.cache import store

        known = self.known
        if len(known) > MAX_REMEMBERED:
            known = dict(list(known.items())[-MAX_REMEMBERED:])
        store(self.path, known)
        self.learned = 0

    def of_name(self, name: str) -> tuple[str, ...]:
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = tuple(self(word) for word in WORD.findall(name))
        return found


def _cache_path() -> Path:
    """The cache file, named by simplemma's version (read from its source, not through
    importlib.metadata, which costs more than a whole check of a page)."""
    from importlib.util import find_spec

    from glossary.index.cache import cache_dir

    release = "unknown"
    spec = find_spec("simplemma")
    if spec is not None and spec.origin:
        folder = Path(spec.origin).parent
        for name in ("__metadata__.py", "__init__.py"):
            try:
                found = VERSION.search((folder / name).read_text(encoding="utf-8"))
            except OSError:
                found = None
            if found:
                release = found.group(1)
                break
    return cache_dir() / f"lemmas-en-simplemma-{release}.json"


def _read(path: Path) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8") as handle:
            found = json.load(handle)
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
        return {}
    return found


class EnglishText:
    """A translation segment's words, as lemmas, for name look-ups (their spans are found
    when a name is)."""

    def __init__(self, text: str, lemmas: Lemmas) -> None:
        self.lemma = lemmas
        self.text = text
        self.lemmas: list[str] = lemmas.of_words(WORD.findall(text))
        self._words: list[re.Match[str]] | None = None

    def find(self, names: Sequence[str]) -> tuple[str, int, int] | None:
        """The first of `names` (in their order) that occurs: the name and its span."""
        lemmas = self.lemmas
        for name in names:
            wanted = self.lemma.of_name(name)
            if not wanted or wanted[0] not in lemmas:
                continue
            size = len(wanted)
            position = lemmas.index(wanted[0])
            while True:
                if size == 1 or tuple(lemmas[position : position + size]) == wanted:
                    return name, *self._span(position, position + size - 1)
                try:
                    position = lemmas.index(wanted[0], position + 1)
                except ValueError:
                    break
        return None

    def _span(self, first: int, last: int) -> tuple[int, int]:
        """From the start of the `first` word to the end of the `last`."""
        if self._words is None:
            self._words = list(WORD.finditer(self.text))
        return self._words[first].start(), self._words[last].end()
