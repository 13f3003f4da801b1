"""Diagnostics: the findings of the check engine (`glossary.check`) as LSP diagnostics. The rule
id is the diagnostic's code, the term id and the preferred name travel in `data` (the code
actions read them back), and the span is the finding's code-point span converted to the
client's position encoding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from lsprotocol import types

from glossary.lsp.positions import LineIndex

SOURCE = "glossary"
SOURCE_ONLY = ("deprecated-term", "forbidden-term")
"""Rules whose findings on a source side are about the source's own text."""
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "note": types.DiagnosticSeverity.Information,
}


class Finding(Protocol):
    """What a diagnostic needs of `glossary.check.Finding`."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def term(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def replacement(self) -> str | None: ...
    @property
    def segment(self) -> int | None: ...
    @property
    def side(self) -> str | None: ...


def diagnostics(
    findings: Iterable[Finding], lines: LineIndex, encoding: str
) -> list[types.Diagnostic]:
    """The diagnostics of the findings on a document. For a translation checked against its
    source, the findings on the source side that concern the translation (a term without an
    approved English name in it) are shown on the whole aligned line of the translation; the
    source's own unfit names are left to the source's diagnostics."""
    shown = []
    for finding in findings:
        if finding.side == "source":
            if finding.rule in SOURCE_ONLY or finding.segment is None:
                continue
            line = min(finding.segment - 1, len(lines.starts) - 1)
            span = lines.range(lines.starts[line], lines.ends[line], encoding)
        else:
            span = lines.range(finding.start, finding.end, encoding)
        shown.append(diagnostic(finding, span))
    return shown


def diagnostic(finding: Finding, span: types.Range) -> types.Diagnostic:
    data: dict[str, Any] = {"term": finding.term}
    if finding.replacement is not None:
        data["replacement"] = finding.replacement
    return types.Diagnostic(
        range=span,
        message=finding.message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.rule,
        source=SOURCE,
        data=data,
    )
