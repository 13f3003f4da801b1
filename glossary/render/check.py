"""The output formats of `glossary check`: a Rich report grouped by file and rule for a
terminal, `FILE:LINE:COL: SEVERITY rule-id: message` lines for a pipe, a JSON array, SARIF 2.1.0
(GitHub code scanning) and rdjsonl (reviewdog). All but `report` are pure functions of the
findings (text in, text out), so golden files pin them down."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from itertools import groupby
from typing import Any
from urllib.parse import quote

from glossary.check.findings import RULES, Finding
from glossary.version import __version__

LineText = Callable[[str, int], str | None]
"""The text of a line of a file (None when it is not known), for byte columns."""
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {"error": "error", "warning": "warning", "note": "note"}
RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "note": "INFO"}
STYLES = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def plain(findings: Sequence[Finding]) -> str:
    """One `FILE:LINE:COL: SEVERITY rule-id: message` line per finding."""
    return "".join(
        f"{f.file}:{f.line}:{f.column}: {f.severity} {f.rule}: {_one_line(f.message)}\n"
        for f in findings
    )


def as_json(findings: Sequence[Finding]) -> str:
    """One JSON array of the findings' `to_dict()`."""
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n"


def end_of(finding: Finding) -> tuple[int, int]:
    """The line and (exclusive) column where the finding's surface ends."""
    lines = finding.surface.split("\n")
    if len(lines) == 1:
        return finding.line, finding.column + len(finding.surface)
    return finding.line + len(lines) - 1, len(lines[-1]) + 1


def sarif(findings: Sequence[Finding], inexact: Collection[str] = ()) -> str:
    """A SARIF 2.1.0 log: one run, a rule per rule id, a result per finding with a
    partial fingerprint and, where there is a replacement, a fix. For the files in `inexact`
    (XLIFF, PO, TMX: columns count within a segment, not the file's line) regions give lines
    only, and there are no fixes."""
    rule_ids = list(RULES)
    results = [
        _sarif_result(f, rule_ids.index(f.rule), fp, f.file not in inexact)
        for f, fp in _fingerprinted(findings)
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "glossary",
                        "version": __version__,
                        "rules": [_sarif_rule(rule_id) for rule_id in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _sarif_rule(rule_id: str) -> dict[str, Any]:
    rule = RULES[rule_id]
    return {
        "id": rule.id,
        "name": "".join(word.capitalize() for word in rule.id.split("-")),
        "shortDescription": {"text": rule.description},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
    }


def _region(finding: Finding, exact: bool = True) -> dict[str, int]:
    end_line, end_column = end_of(finding)
    if not exact:
        return {"startLine": finding.line, "endLine": end_line}
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _sarif_result(
    finding: Finding, rule_index: int, fingerprint: str, exact: bool
) -> dict[str, Any]:
    artifact = {"uri": _uri(finding.file)}
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": _region(finding, exact),
                }
            }
        ],
        "partialFingerprints": {"glossaryFinding/v1": fingerprint},
    }
    if finding.replacement is not None and exact:
        result["fixes"] = [
            {
                "description": {"text": f"Replace with '{finding.replacement}'"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": _region(finding),
                                "insertedContent": {"text": finding.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _fingerprinted(findings: Sequence[Finding]) -> list[tuple[Finding, str]]:
    """Each finding with a fingerprint that survives edits elsewhere in the file: its rule,
    file, term, surface and how many such findings came before it."""
    from hashlib import sha256  # SARIF only

    seen: dict[tuple[str, ...], int] = {}
    result = []
    for finding in findings:
        key = (finding.rule, finding.file, finding.term, finding.surface, finding.side or "")
        seen[key] = seen.get(key, 0) + 1
        digest = sha256("\0".join((*key, str(seen[key]))).encode()).hexdigest()
        result.append((finding, digest[:32]))
    return result


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:@-._~")


def rdjsonl(
    findings: Sequence[Finding], line_text: LineText | None = None, inexact: Collection[str] = ()
) -> str:
    """One reviewdog Diagnostic per line. reviewdog counts columns in UTF-8 bytes: they are
    computed from `line_text` where it knows the line, else code points are given. For the
    files in `inexact` (see `sarif`) ranges give lines only, and there are no suggestions."""
    lines = []
    for finding in findings:
        end_line, end_column = end_of(finding)
        exact = finding.file not in inexact
        span: dict[str, Any] = {
            "start": {
                "line": finding.line,
                "column": _bytes(finding, finding.line, finding.column, line_text),
            },
            "end": {"line": end_line, "column": _bytes(finding, end_line, end_column, line_text)},
        }
        if not exact:
            span = {"start": {"line": finding.line}, "end": {"line": end_line}}
        diagnostic: dict[str, Any] = {
            "message": finding.message,
            "location": {"path": finding.file, "range": span},
            "severity": RDJSON_SEVERITIES[finding.severity],
            "source": {"name": "glossary"},
            "code": {"value": finding.rule},
        }
        if finding.replacement is not None and exact:
            diagnostic["suggestions"] = [{"range": span, "text": finding.replacement}]
        lines.append(json.dumps(diagnostic, ensure_ascii=False) + "\n")
    return "".join(lines)


def _bytes(finding: Finding, line: int, column: int, line_text: LineText | None) -> int:
    text = line_text(finding.file, line) if line_text else None
    if text is None:
        return column
    return len(text[: column - 1].encode("utf-8")) + 1


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def summary(findings: Sequence[Finding]) -> str:
    """`3 findings: 1 error, 2 warnings` (or `no findings`)."""
    if not findings:
        return "no findings"
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "note")}
    parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    total = len(findings)
    return f"{total} finding{'s' if total != 1 else ''}: {', '.join(parts)}"


def report(findings: Sequence[Finding]) -> Any:
    """A Rich renderable: the findings grouped by file, then by rule (all data escaped: the
    report builds Text objects, never markup)."""
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = []
    for file, in_file in groupby(findings, key=lambda f: f.file):
        parts.append(Text(file, style="bold underline"))
        by_rule = sorted(in_file, key=lambda f: (list(RULES).index(f.rule), f.line, f.column))
        for rule, in_rule in groupby(by_rule, key=lambda f: f.rule):
            listed = list(in_rule)
            heading = Text("  ")
            heading.append(rule, style=STYLES[RULES[rule].severity])
            heading.append(f" ({len(listed)})", style="dim")
            parts.append(heading)
            for finding in listed:
                line = Text("    ")
                line.append(f"{finding.line}:{finding.column}", style="dim")
                line.append("  " + _one_line(finding.message))
                parts.append(line)
        parts.append(Text(""))
    parts.append(Text(summary(findings), style="bold"))
    return Group(*parts)
