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


def diagnostics(
    findings: Iterable[Finding], lines: LineIndex, encoding: str
) -> list[types.Diagnostic]:
    return [diagnostic(finding, lines, encoding) for finding in findings]


def diagnostic(finding: Finding, lines: LineIndex, encoding: str) -> types.Diagnostic:
    data: dict[str, Any] = {"term": finding.term}
    if finding.replacement is not None:
        data["replacement"] = finding.replacement
    return types.Diagnostic(
        range=lines.range(finding.start, finding.end, encoding),
        message=finding.message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Information),
        code=finding.rule,
        source=SOURCE,
        data=data,
    )
