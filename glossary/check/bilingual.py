"""The rules over a source and its translation, segment by segment: unfit names on both sides,
source terms whose approved English is missing from the target, and terms rendered by
different approved names across the document."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from glossary.check.english import EnglishText, Lemmas
from glossary.check.findings import Finding
from glossary.check.monolingual import located, unfit_findings
from glossary.check.names import NameKeys
from glossary.check.segments import Aligned, Segment
from glossary.model import Term
from glossary.scan.occurrence import Occurrence
from glossary.text.pinyin import has_hanzi


class Rendering(NamedTuple):
    """Where a source term's English name was found in a target segment."""

    name: str
    number: int
    segment: Segment
    start: int
    end: int


def aligned_findings(
    aligned: Aligned,
    source_found: list[list[Occurrence]],
    target_found: list[list[Occurrence]],
    terms: dict[str, Term],
    keys: NameKeys,
) -> list[Finding]:
    """Every finding over the aligned segments."""
    findings: list[Finding] = []
    renderings: dict[str, list[Rendering]] = {}
    lemmas = Lemmas()
    approved = {term_id: english_names(term) for term_id, term in terms.items() if term.check}
    pairs = zip(aligned.source, aligned.target, source_found, target_found, strict=True)
    for number, (source, target, in_source, in_target) in enumerate(pairs, 1):
        if in_source:
            findings += unfit_findings(source, in_source, terms, keys, number, "source")
            findings += _translations(
                number, source, target, in_source, (terms, approved), renderings, lemmas
            )
        if in_target:
            findings += unfit_findings(target, in_target, terms, keys, number, "target")
    lemmas.save()
    findings += _inconsistencies(renderings, terms)
    return findings


def english_names(term: Term) -> tuple[str, ...]:
    """The approved names a translation may use: preferred first, none with a hanzi."""
    return tuple(name for name in term.approved_names() if not has_hanzi(name))


def _translations(
    number: int,
    source: Segment,
    target: Segment,
    in_source: list[Occurrence],
    judged: tuple[dict[str, Term], dict[str, tuple[str, ...]]],
    renderings: dict[str, list[Rendering]],
    lemmas: Lemmas,
) -> list[Finding]:
    """missing-translation for each source term without an approved English name in the
    target segment (`judged`: the terms, and the English names of those checked); the names
    found are kept in `renderings`."""
    terms, approved = judged
    findings: list[Finding] = []
    english: EnglishText | None = None
    seen: set[str] = set()
    for occurrence in in_source:
        term_id = occurrence.term_id
        names = approved.get(term_id)
        if not names or term_id in seen:
            continue
        seen.add(term_id)
        english = english or EnglishText(target.text, lemmas)
        hit = english.find(names)
        if hit is not None:
            renderings.setdefault(term_id, []).append(Rendering(hit[0], number, target, *hit[1:]))
            continue
        if not (source.silenced(occurrence.start) or target.silenced(0)):
            findings.append(_missing(number, source, occurrence, terms[term_id], names[0]))
    return findings


def _missing(
    number: int, source: Segment, occurrence: Occurrence, term: Term, expected: str
) -> Finding:
    message = (
        f"'{occurrence.surface}' ({term.id}) is not translated by an approved name in "
        f"segment {number}: expected '{expected}'"
    )
    return located(
        source,
        "missing-translation",
        occurrence.start,
        occurrence.end,
        term,
        message,
        None,
        number,
        "source",
    )


def _inconsistencies(
    renderings: dict[str, list[Rendering]], terms: dict[str, Term]
) -> list[Finding]:
    """inconsistent-translation where a term's rendering differs from its usual one (the most
    used; on a tie, the one listed first in the term base)."""
    findings: list[Finding] = []
    for term_id, found in renderings.items():
        counts = Counter(rendering.name for rendering in found)
        if len(counts) < 2:
            continue
        term = terms[term_id]
        order = english_names(term)
        usual = min(counts, key=lambda name: (-counts[name], order.index(name)))
        for rendering in found:
            if rendering.name == usual or rendering.segment.silenced(rendering.start):
                continue
            message = (
                f"{term.headword} is rendered '{rendering.name}' here but '{usual}' in "
                f"{counts[usual]} other segment{'s' if counts[usual] > 1 else ''}"
            )
            findings.append(
                located(
                    rendering.segment,
                    "inconsistent-translation",
                    rendering.start,
                    rendering.end,
                    term,
                    message,
                    None,
                    rendering.number,
                    "target",
                )
            )
    return findings
