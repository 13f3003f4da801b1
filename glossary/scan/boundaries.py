"""Whether a name found in a text's skeleton stands at word boundaries there (the scanner's rule
4, `glossary.scan.scanner`): a name that starts (ends) with a Latin letter or digit must not have
one just before (after) it, and a glossary's short Chinese name with a Chinese character beside
it must be where jieba's cut of a small window around it starts and ends a word."""

from __future__ import annotations

from typing import Any

from glossary.index.scan_tables import SHORT_NAME, ScanTables
from glossary.text.layout import WORD_CHARS
from glossary.text.pinyin import is_hanzi

WINDOW = 8
"""Characters of context on each side of a candidate given to jieba."""


class Boundaries:
    """The boundary checks over a scanner's names: `trie` (marisa) holds them, `numbers` and
    `asks` are their term numbers and whether they need a check, by key id."""

    def __init__(self, trie: Any, numbers: Any, asks: bytes, tables: ScanTables) -> None:
        self._trie, self._numbers, self._asks = trie, numbers, asks
        self._checked = tables.checked
        self._words = tables.words
        self._segmenter: Any = None

    def shorter(
        self, skel: str, start: int, longest: int, origin: list[int], folded: str
    ) -> tuple[int, int] | None:
        """The longest name at `start` shorter than skel[start:longest] that stands at word
        boundaries: its end and term number."""
        for name in reversed(self._trie.prefixes(skel[start : longest - 1])):
            end, key = start + len(name), self._trie.key_id(name)
            number = self._numbers[key]
            if not self._asks[key] or self.stand(skel, start, end, number, origin, folded):
                return end, number
        return None

    def stand(
        self, skel: str, start: int, end: int, number: int, origin: list[int], folded: str
    ) -> bool:
        """Whether the name skel[start:end] stands at word boundaries in the text."""
        begin, stop = origin[start], origin[end - 1] + 1
        first, last = skel[start], skel[end - 1]
        if first in WORD_CHARS and begin > 0 and folded[begin - 1] in WORD_CHARS:
            return False
        if last in WORD_CHARS and stop < len(folded) and folded[stop] in WORD_CHARS:
            return False
        if end - start > SHORT_NAME or self._checked[number] == "0":
            return True
        before = folded[begin - 1] if begin > 0 else ""
        after = folded[stop] if stop < len(folded) else ""
        chinese_edge = (is_hanzi(first) and before and is_hanzi(before)) or (
            is_hanzi(last) and after and is_hanzi(after)
        )
        return not chinese_edge or self._jieba_agrees(skel, start, end)

    def _jieba_agrees(self, skel: str, start: int, end: int) -> bool:
        """Whether jieba, segmenting a window around skel[start:end], cuts at both ends."""
        if self._segmenter is None:
            from glossary.index.jieba_words import open_dictionary
            from glossary.text.segment import WindowSegmenter

            self._segmenter = WindowSegmenter(open_dictionary(), self._words)
        low = max(0, start - WINDOW)
        cuts = {0}
        offset = 0
        for word in self._segmenter.cut(skel[low : end + WINDOW]):
            offset += len(word)
            cuts.add(offset)
        return start - low in cuts and end - low in cuts
