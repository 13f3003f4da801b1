"""What the checker reports: one `Finding` per problem, and the rules it can come from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

SEVERITIES = ("error", "warning", "note")
"""Most severe first."""


class Rule(NamedTuple):
    """A kind of finding: its id, severity and a one-line description. (A named tuple, as the
    other records of this package that no caller builds: cheaper to define at start-up than a
    dataclass.)"""

    id: str
    severity: str
    description: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("deprecated-term", "warning", "A deprecated name of a glossary term is used."),
        Rule("forbidden-term", "error", "A forbidden name of a glossary term is used."),
        Rule(
            "missing-translation",
            "error",
            "A glossary term occurs in the source but none of its approved English names "
            "occurs in the translation.",
        ),
        Rule(
            "inconsistent-translation",
            "warning",
            "A source term is rendered by different approved names across the document.",
        ),
    )
}


def at_least(severity: str, threshold: str) -> bool:
    """Whether `severity` is as severe as `threshold` or more."""
    return SEVERITIES.index(severity) <= SEVERITIES.index(threshold)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by `glossary check`.

    `line` and `column` are 1-based (columns in code points) in `file`; `start` and `end` are
    code-point offsets into that side's text (the whole file for plain and line-aligned files;
    the segment's text for TSV, XLIFF, PO and TMX), as annotate's. `term` is the term's id,
    `replacement` the name to use instead (None when there is none). Bilingual findings carry
    the 1-based `segment` and the `side` ("source" or "target") they are on.
    """

    rule: str
    severity: str
    file: str
    line: int
    column: int
    start: int
    end: int
    surface: str
    term: str
    message: str
    replacement: str | None
    segment: int | None = None
    side: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The object `glossary check --format json` prints for this finding."""
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "term": self.term,
            "message": self.message,
            "replacement": self.replacement,
        }
        if self.segment is not None:
            data["segment"] = self.segment
            data["side"] = self.side
        return data

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)
