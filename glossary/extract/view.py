"""A document without its layout: line breaks, page breaks and spaces inside a phrase removed
(`glossary.text.layout`, quote marks kept), so that a phrase broken across lines or pages is
seen whole; and the way back to the original text for lines and keyword-in-context snippets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from glossary.text.layout import LAYOUT_SPACE, Skeleton

CONTEXT = 12
"""Characters of context on each side of a keyword-in-context snippet."""


@dataclass(frozen=True, slots=True)
class FlatText:
    """`flat` is `original` without layout; `origin[i]` is the offset in `original` of flat
    character i."""

    original: str
    flat: str
    origin: tuple[int, ...]
    newlines: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> FlatText:
        skeleton = Skeleton.of(text, LAYOUT_SPACE)
        newlines = tuple(match.start() for match in re.finditer("\n", text))
        return cls(text, skeleton.text, tuple(skeleton.offsets()), newlines)

    def line(self, flat_start: int) -> int:
        """The 1-based line of the original text that flat character `flat_start` is on."""
        return bisect.bisect_left(self.newlines, self.origin[flat_start]) + 1

    def context(self, flat_start: int, flat_end: int) -> str:
        """The expression with CONTEXT characters either side: `…before[text]after…`."""
        before = self.flat[max(0, flat_start - CONTEXT) : flat_start]
        after = self.flat[flat_end : flat_end + CONTEXT]
        lead = "…" if flat_start > CONTEXT else ""
        tail = "…" if flat_end + CONTEXT < len(self.flat) else ""
        return f"{lead}{before}[{self.flat[flat_start:flat_end]}]{after}{tail}"
