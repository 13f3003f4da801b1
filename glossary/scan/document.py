"""The terms in a text: the occurrences the scanner finds and the terms they are of, as
`annotate` prints them and `check` and the editor server judge them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary.index.database import open_store
from glossary.index.store import Store
from glossary.model import Term
from glossary.scan.occurrence import Found, Occurrence, TermsOf
from glossary.scan.scanner import Scanner
from glossary.scan.stream import Part, scan_pieces


@dataclass(frozen=True, slots=True)
class TermsInText:
    """Every occurrence of a term in a text, in order, and each term found, by id."""

    occurrences: list[Occurrence]
    terms: dict[str, Term]


def scanner_of(store: Store) -> Scanner:
    """A scanner for the term bases of `store`, from the tables built with its index."""
    return Scanner(store.scan_tables())


def terms_in(store: Store, text: str, scanner: Scanner | None = None) -> TermsInText:
    """The terms of `store` in `text` (pass `scanner` to reuse one across texts)."""
    occurrences = (scanner or scanner_of(store)).scan(text)
    terms = store.terms_by_id({occurrence.term_id for occurrence in occurrences})
    return TermsInText(occurrences, terms)


def parts_in(
    store: Store, pieces: Iterable[str], scanner: Scanner | None = None
) -> Iterator[tuple[Part, dict[str, Term]]]:
    """`terms_in` for a text that comes in pieces: each part of it (`glossary.scan.stream`)
    with the terms found so far, by id, in memory bounded by a piece. The terms are read from
    the index when first asked for, all of a part's at once (jsonl asks for none)."""
    terms = _TermsFound(store)
    for part in scan_pieces(scanner or scanner_of(store), pieces):
        terms.expect(part.found)
        yield part, terms


class _TermsFound(dict[str, Term]):
    """The terms of the occurrences seen so far, by id, each read from the index once: those
    `expect`ed are read together when the first of them is asked for. (Kept as the scanner's
    term numbers until then: jsonl asks for none, and needs no occurrence made.)"""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self._expected: set[int] = set()
        self._terms_of: TermsOf | None = None

    def expect(self, found: Found) -> None:
        self._expected.update(found.numbers)
        self._terms_of = found.terms_of

    def __missing__(self, term_id: str) -> Term:
        wanted = {term_id}
        if self._terms_of is not None and self._expected:
            wanted.update(row[0] for row in self._terms_of(list(self._expected)))
        self._expected = set()
        self.update(self._store.terms_by_id(wanted - self.keys()))
        return dict.__getitem__(self, term_id)


def scanner_for(paths: Sequence[Path]) -> Scanner:
    """A scanner for the term bases at these paths, its tables from their index (built, parsing
    the term bases, only when they changed)."""
    return scanner_of(open_store(paths))
