"""Reading a document: a file or standard input, as bytes, decoded by the rules of
`glossary.text.decoding` (BOMs, UTF-8, GB18030 or Big5, or the encoding given), whole
(`read_document`) or a piece at a time (`stream_document`, for documents of any size)."""

from __future__ import annotations

import codecs
import itertools
import sys
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from glossary.errors import FileAccessError, InputError
from glossary.text.decoding import BOMS, checked, decode
from glossary.text.fileio import open_for_reading, read_bytes, read_stdin

STDIN = "-"
PIECE = 1 << 20
"""Bytes read at a time by `stream_document`; a document shorter than this is read whole."""


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


@dataclass(frozen=True, slots=True)
class DocumentStream:
    """A document read a piece at a time: `pieces` yields its text in order; `warnings` is
    complete once they have all been read."""

    name: str
    encoding: str
    pieces: Iterator[str]
    warnings: list[str] = field(default_factory=list)


def read_document(source: str, encoding: str | None = None) -> Document:
    """The document at `source` (a path, or `-` for standard input), decoded."""
    if source == STDIN:
        data, name = read_stdin(), "<stdin>"
    else:
        data, name = read_bytes(source), source
    decoded = decode(data, name, encoding)
    return Document(name, decoded.text, decoded.warnings, decoded.encoding)


def stream_document(
    source: str, encoding: str | None = None, piece: int | None = None
) -> DocumentStream:
    """The document at `source`, decoded a piece at a time, so that memory does not grow with
    its size. The encoding is decided on the first piece. A file is checked to its end before
    its first piece is given, so that a bad byte is an error before any output; standard
    input, read once, reports a bad byte where it meets it."""
    name = "<stdin>" if source == STDIN else source
    piece = piece or PIECE
    blocks = _stdin_blocks(piece) if source == STDIN else _file_blocks(source, piece)
    head = next(blocks, b"")
    following = next(blocks, None)
    if following is None:  # the whole document is one piece
        decoded = decode(head, name, encoding)
        return DocumentStream(name, decoded.encoding, iter([decoded.text]), list(decoded.warnings))
    codec = _sniffed(head, name, encoding)
    text_blocks: Iterable[bytes]
    if source != STDIN:
        blocks.close()
        for _ in _decoded(_file_blocks(source, piece), codec, name, []):
            pass  # the check: the whole file decodes
        text_blocks = _file_blocks(source, piece)
    else:
        text_blocks = itertools.chain([head, following], blocks)
    warnings: list[str] = []
    return DocumentStream(name, codec, _decoded(text_blocks, codec, name, warnings), warnings)


def _sniffed(head: bytes, name: str, encoding: str | None) -> str:
    """The codec of a document that begins with `head`, by the rules of `decode`."""
    if encoding:
        codec = decode(b"", name, encoding).encoding
        return "utf-8-sig" if codec == "utf-8" and head.startswith(codecs.BOM_UTF8) else codec
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec
    cut = head.rfind(b"\n") + 1  # not inside a character
    return decode(head[: cut or len(head)], name).encoding


def _decoded(blocks: Iterable[bytes], codec: str, name: str, warnings: list[str]) -> Iterator[str]:
    """The text of `blocks`, checked as `decode` checks a whole text, lines counted across."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    line = 1
    for block in blocks:
        try:
            text = decoder.decode(block)
        except UnicodeDecodeError as exc:
            seen = exc.object  # what the decoder held from before, then the block
            at = line + seen[: exc.start].count(b"\n")
            raise InputError(
                f"{name}:{at}: not valid {codec} (byte 0x{seen[exc.start]:02x}); "
                "check the encoding (give it with --encoding)"
            ) from None
        yield checked(text, name, codec, line).text
        line += text.count("\n")
    try:
        yield checked(decoder.decode(b"", final=True), name, codec, line).text
    except UnicodeDecodeError:
        if not codec.startswith("utf-8"):
            raise InputError(f"{name}:{line}: the text ends inside a character") from None
        warnings.append(f"{name}:{line}: the text ends inside a UTF-8 character; read without it")


def _file_blocks(path: str, piece: int) -> Generator[bytes, None, None]:
    handle = open_for_reading(path)
    with handle:
        yield from _blocks(handle, piece, path)


def _stdin_blocks(piece: int) -> Generator[bytes, None, None]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is closed: give a file, or pipe the text in")
    yield from _blocks(stream, piece, "<stdin>")


def _blocks(handle: BinaryIO, piece: int, name: str) -> Iterator[bytes]:
    while True:
        try:
            block = handle.read(piece)
        except OSError as exc:
            raise FileAccessError(f"{name}: cannot read: {exc.strerror}") from None
        if not block:
            return
        yield block
