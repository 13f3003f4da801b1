"""`glossary check FILE [--target FILE] [--fix]` as a library call: the inputs read and
classified (a draft, two files aligned by line, a TSV or a translation file), checked, and the
fixes written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from glossary.check.checker import check_aligned, check_text
from glossary.check.findings import Finding
from glossary.check.inputs import (
    TSV_SUFFIXES,
    bilingual_file,
    is_bilingual_file,
    line_aligned,
    tsv,
)
from glossary.errors import InputError
from glossary.index.store import Store
from glossary.scan.scanner import Scanner
from glossary.text.decoding import Decoded, decode
from glossary.text.fileio import read_bytes, read_stdin

if TYPE_CHECKING:
    from glossary.check.fix import Change

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Checked:
    """The findings left after any fixes, the fixes made, the text of each plain file read
    (for formats that count columns in bytes), and the files whose findings' columns count
    within a segment rather than the file's line (XLIFF, PO, TMX)."""

    findings: list[Finding]
    changes: list[Change] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    inexact: frozenset[str] = frozenset()


def combined(results: list[Checked]) -> Checked:
    """The results of several files as one, in their order."""
    return Checked(
        [finding for each in results for finding in each.findings],
        [change for each in results for change in each.changes],
        {name: text for each in results for name, text in each.texts.items()},
        frozenset(name for each in results for name in each.inexact),
    )


class Input(NamedTuple):
    name: str
    data: bytes
    decoded: Decoded


def read_input(source: str, encoding: str | None) -> Input:
    """A file or standard input (`-`), decoded by the rules annotate uses."""
    if source == STDIN:
        data, name = read_stdin(), "<stdin>"
    else:
        data, name = read_bytes(source), source
    return Input(name, data, decode(data, name, encoding))


def check_files(
    store: Store,
    scanner: Scanner,
    source: str,
    target: str | None = None,
    encoding: str | None = None,
    fix: bool = False,
) -> Checked:
    """Check `source` (with its translation `target`, when given) and, with `fix`, replace
    unfit names in the draft or in the target of line-aligned files."""
    _refuse_bad_combinations(source, target, fix)
    if target is None and is_bilingual_file(source):
        data = read_bytes(source)
        if source.lower().endswith(TSV_SUFFIXES):  # read and decoded once
            text = decode(data, source, encoding).text
            return Checked(check_aligned(store, scanner, tsv(text, source)), texts={source: text})
        findings = check_aligned(store, scanner, bilingual_file(data, source, encoding))
        return Checked(findings, inexact=frozenset([source]))
    first = read_input(source, encoding)
    if target is None:
        findings = check_text(store, scanner, first.decoded.text, first.name)
        return _fixed(findings, first, fix, {first.name: first.decoded.text})
    second = read_input(target, encoding)
    aligned = line_aligned(first.decoded.text, first.name, second.decoded.text, second.name)
    texts = {first.name: first.decoded.text, second.name: second.decoded.text}
    return _fixed(check_aligned(store, scanner, aligned), second, fix, texts)


def _refuse_bad_combinations(source: str, target: str | None, fix: bool) -> None:
    if target is not None and is_bilingual_file(source):
        raise InputError(f"{source} holds its own translation: leave out --target")
    if target == STDIN and source == STDIN:
        raise InputError("only one of FILE and --target can be '-' (standard input)")
    if not fix:
        return
    if STDIN in (source, target):
        raise InputError("--fix rewrites files in place and cannot fix standard input: give a file")
    if target is None and is_bilingual_file(source):
        raise InputError(
            f"--fix works on a draft or on the target of line-aligned files, not on {source}"
        )


def _fixed(findings: list[Finding], document: Input, fix: bool, texts: dict[str, str]) -> Checked:
    if not fix:
        return Checked(findings, texts=texts)
    from glossary.check.fix import fix_file

    text = document.decoded.text
    changes = fix_file(document.name, document.data, text, document.decoded.encoding, findings)
    fixed = {(c.file, c.line, c.column) for c in changes}
    left = [
        f for f in findings if (f.file, f.line, f.column) not in fixed or f.file != document.name
    ]
    return Checked(left, changes, texts)
