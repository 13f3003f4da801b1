"""Deprecated and forbidden names in text: the findings of one side."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.check.findings import RULES, Finding
from glossary.check.names import NameKeys, unfit_message
from glossary.check.segments import Segment
from glossary.model import Term
from glossary.scan.occurrence import Occurrence


def unfit_findings(
    segment: Segment,
    occurrences: Sequence[Occurrence],
    terms: dict[str, Term],
    keys: NameKeys,
    number: int | None = None,
    side: str | None = None,
) -> list[Finding]:
    """A finding for every occurrence in `segment` of a deprecated or forbidden name."""
    found: list[Finding] = []
    for occurrence in occurrences:
        term = terms.get(occurrence.term_id)
        if term is None or not term.check or segment.silenced(occurrence.start):
            continue
        unfit = keys.unfit_name(term, occurrence.surface)
        if unfit is None:
            continue
        name, status = unfit
        found.append(
            located(
                segment,
                f"{status}-term",
                occurrence.start,
                occurrence.end,
                term,
                unfit_message(term, name, status),
                term.preferred_for(name),
                number,
                side,
            )
        )
    return found


def located(
    segment: Segment,
    rule: str,
    start: int,
    end: int,
    term: Term,
    message: str,
    replacement: str | None,
    number: int | None = None,
    side: str | None = None,
) -> Finding:
    """A finding at segment.text[start:end]."""
    line, column = segment.locate(start)
    return Finding(
        rule=rule,
        severity=RULES[rule].severity,
        file=segment.file,
        line=line,
        column=column,
        start=segment.base + start,
        end=segment.base + end,
        surface=segment.text[start:end],
        term=term.id,
        message=message,
        replacement=replacement,
        segment=number,
        side=side,
    )
