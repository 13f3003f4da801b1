"""An occurrence of a term in a text, as the scanner (`glossary.scan.scanner`) finds it."""

from __future__ import annotations

from operator import itemgetter
from typing import Any, NamedTuple


class Occurrence(NamedTuple):
    """One occurrence of a term: `text[start:end] == surface`, offsets in code points. (A named
    tuple: a page of Chinese with a dictionary beside the glossary has 100,000 of them.)"""

    start: int
    end: int
    surface: str
    term_id: str
    headword: str
    en: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "id": self.term_id,
            "headword": self.headword,
            "en": self.en,
            "line": self.line,
        }


TERM_ID = itemgetter(3)
"""An occurrence's term id, read in C (over 100,000 occurrences a lambda, an attribute or a
generator expression would run Python code for each)."""
