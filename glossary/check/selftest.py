"""A term's self-tests (`examples: {match: [...], no_match: [...]}`), as textlint's prh rules
have: contexts where the scanner must find the term and where it must not. Run by
`glossary validate`; each failure is a `Problem` at the term's line."""

from __future__ import annotations

from glossary.index.scan_tables import build_tables
from glossary.model import TermBase
from glossary.scan.scanner import Scanner
from glossary.termbase.validate import Problem


def self_test(base: TermBase) -> list[Problem]:
    """Every failing example of the terms of `base`, scanned with that base's scanner."""
    tested = [t for t in base.terms if t.examples_match or t.examples_no_match]
    if not tested:
        return []
    scanner = Scanner(build_tables([base]))
    problems: list[Problem] = []
    for term in tested:
        line = base.lines.get(term.id, 1)
        for text in term.examples_match:
            if not any(o.term_id == term.id for o in scanner.scan(text)):
                found = ", ".join(f"'{o.surface}' ({o.term_id})" for o in scanner.scan(text))
                problems.append(
                    Problem(
                        base.path,
                        line,
                        term.id,
                        "examples.match",
                        f"{text!r}: the term is not found here"
                        + (f" (found instead: {found})" if found else ""),
                    )
                )
        for text in term.examples_no_match:
            hits = [o for o in scanner.scan(text) if o.term_id == term.id]
            if hits:
                problems.append(
                    Problem(
                        base.path,
                        line,
                        term.id,
                        "examples.no_match",
                        f"{text!r}: the term is found here, as '{hits[0].surface}'",
                    )
                )
    return problems
