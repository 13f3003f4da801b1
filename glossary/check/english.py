"""Finding a term's English names in a translation, tolerant of case, inflection (plurals,
-ed, -ing: simplemma's English lemmas, not suffix rules), hyphens and line breaks: both sides
are cut into words, each word lower-cased and lemmatised, and a name is found where its lemmas
occur in a row."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:['’][A-Za-z]+)?")
"""A Latin word; hyphens, dashes, quotes and whitespace (line breaks too) separate words."""


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The English lemma of one word, lower-cased (simplemma, imported on first use)."""
    import simplemma

    lowered = word.lower().replace("’", "'")
    return str(simplemma.lemmatize(lowered, lang="en")).lower()


def name_lemmas(name: str) -> tuple[str, ...]:
    return tuple(lemma(word) for word in WORD.findall(name))


class EnglishText:
    """A translation segment's words, as lemmas with their spans, for name look-ups."""

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        self.lemmas: list[str] = []
        for match in WORD.finditer(text):
            self.spans.append(match.span())
            self.lemmas.append(lemma(match.group()))
        self._where: dict[str, list[int]] = {}
        for position, word in enumerate(self.lemmas):
            self._where.setdefault(word, []).append(position)

    def find(self, names: Sequence[str]) -> tuple[str, int, int] | None:
        """The first of `names` (in their order) that occurs: the name and its span."""
        for name in names:
            wanted = name_lemmas(name)
            if not wanted:
                continue
            size = len(wanted)
            for position in self._where.get(wanted[0], ()):
                if tuple(self.lemmas[position : position + size]) == wanted:
                    return name, self.spans[position][0], self.spans[position + size - 1][1]
        return None
