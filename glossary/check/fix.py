"""`glossary check --fix`: deprecated and forbidden names replaced by the preferred one, in
place, atomically, every other byte of the file kept as it was."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from glossary.check.findings import Finding
from glossary.errors import InputError
from glossary.text.fileio import write_atomic

FIXABLE = ("deprecated-term", "forbidden-term")
WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class Change:
    """One replacement made: where, what was there, and what is there now."""

    file: str
    line: int
    column: int
    before: str
    after: str


def fixable(findings: Sequence[Finding], file: str) -> list[Finding]:
    """The findings in `file` that --fix replaces."""
    return [
        f for f in findings if f.file == file and f.rule in FIXABLE and f.replacement is not None
    ]


def fix_file(
    path: str, data: bytes, text: str, encoding: str, findings: Sequence[Finding]
) -> list[Change]:
    """Replace each fixable finding's span in the file at `path` (whose bytes are `data`,
    decoded as `text` with `encoding`) and write it atomically; the changes made."""
    chosen = fixable(findings, path)
    if not chosen:
        return []
    encode = _encoder(data, encoding)
    if encode(text) != data:
        raise InputError(
            f"{path}: cannot fix: writing it back as {encoding} would change more than the "
            "replaced names (fix it by hand, or convert it to UTF-8 first)"
        )
    pieces: list[str] = []
    position = 0
    for finding in sorted(chosen, key=lambda f: f.start):
        if finding.start < position:
            continue
        pieces += [text[position : finding.start], finding.replacement or ""]
        position = finding.end
    pieces.append(text[position:])
    write_atomic(Path(path), encode("".join(pieces)))
    return [Change(f.file, f.line, f.column, f.surface, f.replacement or "") for f in chosen]


def _encoder(data: bytes, encoding: str) -> Callable[[str], bytes]:
    """Text to bytes as the file was written: with the BOM it had, in its byte order."""
    if encoding in ("utf-16", "utf-32"):
        for bom, codec in WIDE_BOMS:
            if data.startswith(bom):
                return lambda text: bom + text.encode(codec)
    return lambda text: text.encode(encoding)
