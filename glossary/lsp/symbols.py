"""Document symbols: the terms a document uses, in order of first occurrence, as
`glossary annotate --format terms` lists them (headword, pinyin, English, count), each spanning
its first occurrence, with every occurrence as a child. Only the terms of glossaries are listed:
with CC-CEDICT beside them, nearly every word of a Chinese page is a dictionary entry, and an
outline of those would bury the glossary's terms (hover still shows them)."""

from __future__ import annotations

from collections.abc import Set

from lsprotocol import types

from glossary.lsp.positions import LineIndex
from glossary.render.annotate import term_uses
from glossary.scan.document import TermsInText
from glossary.scan.occurrence import Occurrence


def document_symbols(
    found: TermsInText, listed: Set[str], lines: LineIndex, encoding: str
) -> list[types.DocumentSymbol]:
    """The symbols of the terms whose ids are `listed`."""
    occurrences = [o for o in found.occurrences if o.term_id in listed]
    by_term: dict[str, list[Occurrence]] = {}
    for occurrence in occurrences:
        by_term.setdefault(occurrence.term_id, []).append(occurrence)
    symbols = []
    for use in term_uses(occurrences, found.terms):
        term = use.term
        children = [_occurrence_symbol(o, lines, encoding) for o in by_term[term.id]]
        detail = " · ".join(part for part in (term.pinyin, term.en) if part)
        symbols.append(
            types.DocumentSymbol(
                name=term.headword,
                detail=f"{detail} ×{use.count}",
                kind=types.SymbolKind.Key,
                range=children[0].range,
                selection_range=children[0].range,
                children=children,
            )
        )
    return symbols


def _occurrence_symbol(
    occurrence: Occurrence, lines: LineIndex, encoding: str
) -> types.DocumentSymbol:
    span = lines.range(occurrence.start, occurrence.end, encoding)
    return types.DocumentSymbol(
        name=" ".join(occurrence.surface.split()),
        detail=f"line {occurrence.line}",
        kind=types.SymbolKind.String,
        range=span,
        selection_range=span,
    )
