"""Turning the bytes of a document into text: UTF-8 (with or without a BOM), UTF-16 or UTF-32
with a BOM, then the legacy Chinese encodings (GB18030 or Big5, told apart by
`glossary.text.legacy`), detected in that order, or the encoding the user names.

Binary input, bytes that no candidate encoding reads, a codec that is not a text encoding and
text with lone surrogates are one `InputError` each, naming the file, the line and what to do,
never a traceback and never mojibake. A UTF-8 text cut inside its last character is read without
that character, with a warning.
"""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from glossary.errors import InputError
from glossary.text.fileio import decode_strictly, reject_binary

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
NOT_TEXT_CODECS = frozenset(
    {"punycode", "unicode-escape", "raw-unicode-escape", "idna", "undefined"}
)
"""Codecs Python counts as text encodings that read escapes or labels, not a document's bytes
(`rot13`, `base64`, `hex`, `zlib`, `bz2`, `uu`, `quopri` Python already marks as not text)."""
# Control characters that do not occur in text (tab, line feed, form feed, carriage return and
# escape, used by some terminal-oriented text, are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
SURROGATE_FREE = frozenset({"utf-8", "utf-8-sig"})
"""Codecs whose strict decoding never yields a lone surrogate (Python's UTF-8 codec refuses
encoded surrogates): their text need not be searched for one (a millisecond a megabyte)."""
_HINT = "give its encoding with --encoding (e.g. --encoding big5 or --encoding gb18030)"


class Decoded(NamedTuple):
    """A document's text and the codec that read it (a named tuple: cheaper to define at
    start-up than a dataclass, and every command that reads a document defines it)."""

    text: str
    encoding: str  # the codec that read it: utf-8, utf-8-sig, utf-16, utf-32, gb18030, big5, ...
    warnings: tuple[str, ...] = ()  # what was accepted but not quite right, for stderr


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """The text of `data`; `name` (a file name or `<stdin>`) is used in error messages."""
    if encoding:
        return _decode_as(data, name, encoding)
    for bom, codec in BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, codec)
    reject_binary(data, name)
    try:
        return checked(data.decode("utf-8"), name, "utf-8")
    except UnicodeDecodeError as utf8_error:
        if _cut_in_last_character(data, utf8_error):
            return _without_partial_character(data, name, utf8_error.start)
        return _legacy(data, name, utf8_error)


def _cut_in_last_character(data: bytes, error: UnicodeDecodeError) -> bool:
    if error.end != len(data) or error.reason != "unexpected end of data":
        return False
    try:
        data[: error.start].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _without_partial_character(data: bytes, name: str, start: int) -> Decoded:
    line = data[:start].count(b"\n") + 1
    warning = (
        f"{name}:{line}: the text ends inside a UTF-8 character "
        f"({len(data) - start} of its bytes); read without it"
    )
    decoded = checked(data[:start].decode("utf-8"), name, "utf-8")
    return Decoded(decoded.text, decoded.encoding, (warning,))


def _legacy(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> Decoded:
    from glossary.text.legacy import guess

    line = data[: utf8_error.start].count(b"\n") + 1
    codec = guess(data)
    if codec is None:
        raise InputError(
            f"{name}:{line}: not UTF-8 (byte 0x{data[utf8_error.start]:02x}), and not clearly "
            f"GB18030 or Big5; {_HINT}"
        )
    return checked(data.decode(codec), name, codec)


def _decode_as(data: bytes, name: str, encoding: str) -> Decoded:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r} (try utf-8, gb18030, big5)") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_TEXT_CODECS:
        raise InputError(
            f"--encoding {encoding}: {info.name} is not a text encoding "
            "(name the document's character set: utf-8, gb18030, big5, ...)"
        )
    codec = info.name
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    text = decode_strictly(data, name, codec, label=encoding, hint="check the encoding")
    return checked(text, name, codec)


def checked(text: str, name: str, encoding: str, first_line: int = 1) -> Decoded:
    """`text` as `Decoded`, unless it has a lone surrogate or a control character (an error
    naming its line, counted from `first_line`)."""
    surrogate = None if encoding in SURROGATE_FREE else _SURROGATE.search(text)
    if surrogate is not None:
        line = text.count("\n", 0, surrogate.start()) + first_line
        raise InputError(
            f"{name}:{line}: not valid {encoding} text (it decodes to a lone surrogate "
            f"U+{ord(surrogate.group()):04X}); check the encoding"
        )
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + first_line
        raise InputError(
            f"{name}:{line}: looks like a binary file, not text "
            f"(control character U+{ord(control.group()):04X})"
        )
    return Decoded(text, encoding)
