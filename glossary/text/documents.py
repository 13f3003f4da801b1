"""Reading a document: a file or standard input, as bytes, decoded by the rules of
`glossary.text.decoding` (BOMs, UTF-8, GB18030, or the encoding given)."""

from __future__ import annotations

from dataclasses import dataclass

from glossary.text.decoding import decode
from glossary.text.fileio import read_bytes, read_stdin

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Document:
    """A document's text and the name errors and reports use (`<stdin>` for standard input)."""

    name: str
    text: str
    warnings: tuple[str, ...] = ()  # e.g. a character cut off at the end; for stderr
    encoding: str = "utf-8"  # the codec that read it (utf-8-sig: the text had a UTF-8 BOM)

    @property
    def is_stdin(self) -> bool:
        return self.name == "<stdin>"


def read_document(source: str, encoding: str | None = None) -> Document:
    """The document at `source` (a path, or `-` for standard input), decoded."""
    if source == STDIN:
        data, name = read_stdin(), "<stdin>"
    else:
        data, name = read_bytes(source), source
    decoded = decode(data, name, encoding)
    return Document(name, decoded.text, decoded.warnings, decoded.encoding)
