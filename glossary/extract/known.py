"""Whether the term bases in use already have an expression, under any name: the scanner of
their index finds one term covering the whole of it (layout, quotes, traditional forms and
CC-CEDICT's words, when it is among them, included)."""

from __future__ import annotations

from glossary.extract.candidates import Known
from glossary.scan.scanner import Scanner


def known_to(scanner: Scanner) -> Known:
    def known(text: str) -> bool:
        return any(hit.start == 0 and hit.end == len(text) for hit in scanner.scan(text))

    return known
