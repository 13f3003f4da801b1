"""`check`: the findings over a draft or over aligned segments, each with its place, sorted and
with suppressed ones left out."""

from __future__ import annotations

from glossary.check.findings import Finding
from glossary.check.monolingual import unfit_findings
from glossary.check.names import NameKeys
from glossary.check.segments import JOINER, Aligned, Segment, scan_segments
from glossary.check.suppress import suppressed_lines
from glossary.index.store import Store
from glossary.scan.occurrence import Occurrence
from glossary.scan.scanner import Scanner


def check_text(store: Store, scanner: Scanner, text: str, file: str) -> list[Finding]:
    """Deprecated and forbidden names in one text (Chinese or English)."""
    keys = NameKeys(scanner.translation)
    if not keys.may_occur(store.unfit_names, text):
        return []  # the only findings of a draft are unfit names, and none can be there
    segment = Segment(text, file, suppressed=suppressed_lines(text))
    (found,) = scan_segments(scanner, [segment], store.glossary_ids)
    terms = store.terms_by_id({occurrence.term_id for occurrence in found})
    return _kept(unfit_findings(segment, found, terms, keys))


def check_aligned(store: Store, scanner: Scanner, aligned: Aligned) -> list[Finding]:
    """Every finding over a source and its translation."""
    from glossary.check.bilingual import aligned_findings  # and English matching: not for a draft

    keys = NameKeys(scanner.translation)
    source_found = scan_segments(scanner, aligned.source, store.glossary_ids)
    target_found = _unfit_in(store, scanner, keys, aligned.target)
    terms = store.terms_by_id(
        {o.term_id for found in (*source_found, *target_found) for o in found}
    )
    return _kept(aligned_findings(aligned, source_found, target_found, terms, keys))


def _unfit_in(
    store: Store, scanner: Scanner, keys: NameKeys, targets: list[Segment]
) -> list[list[Occurrence]]:
    """The occurrences in the target segments, where only unfit names are judged: none when
    no deprecated or forbidden name can be there (no scan needed)."""
    if keys.may_occur(store.unfit_names, JOINER.join(segment.text for segment in targets)):
        return scan_segments(scanner, targets, store.glossary_ids)
    return [[] for _ in targets]


def _kept(findings: list[Finding]) -> list[Finding]:
    """The findings in file order (suppressed ones were never made)."""
    return sorted(findings, key=Finding.sort_key)
