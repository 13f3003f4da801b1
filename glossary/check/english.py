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

    def __call__(self, word: str) -> str:
        lowered = word.lower().replace("’", "'")
        found = self.known.get(lowered)
        if found is None:
            if self._lemmatize is None:
                import simplemma

                self._lemmatize = simplemma.lemmatize
            found = self.known[lowered] = str(self._lemmatize(lowered, lang="en")).lower()
            self.learned += 1
        return found

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
        return tuple(self(word) for word in WORD.findall(name))


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
    """A translation segment's words, as lemmas with their spans, for name look-ups."""

    def __init__(self, text: str, lemmas: Lemmas) -> None:
        self.lemma = lemmas
        self.spans: list[tuple[int, int]] = []
        self.lemmas: list[str] = []
        for match in WORD.finditer(text):
            self.spans.append(match.span())
            self.lemmas.append(lemmas(match.group()))
        self._where: dict[str, list[int]] = {}
        for position, word in enumerate(self.lemmas):
            self._where.setdefault(word, []).append(position)

    def find(self, names: Sequence[str]) -> tuple[str, int, int] | None:
        """The first of `names` (in their order) that occurs: the name and its span."""
        for name in names:
            wanted = self.lemma.of_name(name)
            if not wanted:
                continue
            size = len(wanted)
            for position in self._where.get(wanted[0], ()):
                if tuple(self.lemmas[position : position + size]) == wanted:
                    return name, self.spans[position][0], self.spans[position + size - 1][1]
        return None
