"""Whether the term bases in use already have an expression, under any name: their scanner
(`glossary.scan.scanner.Scanner`, built by the caller) finds one term covering the whole of it,
layout, quotes, traditional forms and CC-CEDICT's words (when it is among them) included."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from glossary.extract.candidates import Known


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class TermScanner(Protocol):
    """What extraction needs of a scanner: the occurrences of terms in a text."""

    def scan(self, text: str) -> Sequence[Span]: ...


def known_to(scanner: TermScanner) -> Known:
    def known(text: str) -> bool:
        return any(hit.start == 0 and hit.end == len(text) for hit in scanner.scan(text))

    return known
