"""Turning the bytes of a document into text: UTF-8 (with or without a BOM), UTF-16 or UTF-32
with a BOM, and GB18030, detected in that order, or the encoding the user names.

Binary input and bytes that no candidate encoding reads are one `InputError` each, naming the
file, the line and what to do, never a traceback and never mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from glossary.errors import InputError
from glossary.text.fileio import decode_strictly, reject_binary

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that do not occur in text (tab, line feed, form feed, carriage return and
# escape, used by some terminal-oriented text, are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_HINT = "give its encoding with --encoding (e.g. --encoding big5)"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the codec that read it: utf-8, utf-8-sig, utf-16, utf-32, gb18030, or given


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """The text of `data`; `name` (a file name or `<stdin>`) is used in error messages."""
    if encoding:
        return _decode_as(data, name, encoding)
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, codec)
    reject_binary(data, name)
    try:
        return _checked(data.decode("utf-8"), name, "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return _checked(data.decode("gb18030"), name, "gb18030")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise InputError(
                f"{name}:{line}: not UTF-8, UTF-16 or GB18030 text "
                f"(byte 0x{data[utf8_error.start]:02x}); {_HINT}"
            ) from None


def _decode_as(data: bytes, name: str, encoding: str) -> Decoded:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, gb18030, big5)") from None
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    text = decode_strictly(data, name, codec, label=encoding, hint="check the encoding")
    return _checked(text, name, codec)


def _checked(text: str, name: str, encoding: str) -> Decoded:
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        raise InputError(
            f"{name}:{line}: looks like a binary file, not text "
            f"(control character U+{ord(control.group()):04X})"
        )
    return Decoded(text, encoding)
