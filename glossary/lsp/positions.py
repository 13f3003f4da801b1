"""Positions in a document: the library speaks code-point offsets into the text, LSP speaks
(line, character) with the character counted in the negotiated encoding's code units (UTF-16 by
default, UTF-8 or UTF-32 when the client and server agree on it).

Lines end at `\\n`, `\\r\\n` or `\\r`, as the LSP specification says (not at the other breaks
`str.splitlines` knows, such as U+2028 or a form feed). Conversions encode one line's prefix,
so they cost per character of one line, not of the document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
_CODECS = {UTF8: ("utf-8", 1), UTF16: ("utf-16-le", 2)}
_BREAK = re.compile(r"\r\n|\n|\r")


class LineIndex:
    """Where each line of `text` starts and ends (before its line break), in code points."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends: list[int] = []
        for found in _BREAK.finditer(text):
            self.ends.append(found.start())
            self.starts.append(found.end())
        self.ends.append(len(text))

    def position(self, offset: int, encoding: str = UTF16) -> types.Position:
        """The LSP position of the code-point `offset` (clamped to the text)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        return types.Position(line, units(self.text[start:offset], encoding))

    def range(self, start: int, end: int, encoding: str = UTF16) -> types.Range:
        return types.Range(self.position(start, encoding), self.position(end, encoding))

    def offset(self, position: types.Position, encoding: str = UTF16) -> int:
        """The code-point offset of an LSP position. A line past the end is the end of the text;
        a character past the end of its line is the end of the line; a position inside a
        character (half of a surrogate pair, a byte inside a UTF-8 sequence) is the start of
        that character."""
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self.ends[position.line]
        line = self.text[start:end]
        if encoding == UTF32 or line.isascii():
            return start + min(position.character, len(line))
        codec, width = _CODECS.get(encoding, _CODECS[UTF16])
        data = line.encode(codec, "surrogatepass")[: position.character * width]
        return start + _whole_characters(data, codec, line)


def units(text: str, encoding: str = UTF16) -> int:
    """The length of `text` in the encoding's code units."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    codec, width = _CODECS.get(encoding, _CODECS[UTF16])
    return len(text.encode(codec, "surrogatepass")) // width


def _whole_characters(data: bytes, codec: str, line: str) -> int:
    """How many characters of `line` the prefix `data` of its encoding holds whole."""
    try:
        decoded = data.decode(codec, "surrogatepass")
    except UnicodeDecodeError as error:  # cut inside a UTF-8 sequence
        decoded = data[: error.start].decode(codec, "surrogatepass")
    count = len(decoded)
    if count and decoded[-1] != line[count - 1]:  # cut inside a UTF-16 surrogate pair
        count -= 1
    return count


def negotiated(encoding: str | None) -> str:
    """The encoding name pygls settled on in `initialize` (UTF-16 when none was)."""
    return encoding if encoding in (UTF8, UTF16, UTF32) else UTF16


@dataclass(frozen=True, slots=True)
class Edit:
    """Where a text changed: `old[:start] == new[:start]` and `old[old_end:] == new[new_end:]`
    (the span between may hold unchanged characters too)."""

    start: int
    old_end: int
    new_end: int

    @property
    def delta(self) -> int:
        """How far the text after the edit moved."""
        return self.new_end - self.old_end

    @property
    def spans(self) -> tuple[int, int, int]:
        """Where it starts, where it ends before and how long the new text is."""
        return self.start, self.old_end, self.new_end - self.start

    def then(self, start: int, end: int, length: int) -> Edit:
        """This edit followed by the replacement of `end - start` characters at `start` (in the
        text this edit made) with `length` others."""
        changed_end = max(self.new_end, end)
        return Edit(
            min(self.start, start),
            self.old_end + changed_end - self.new_end,
            changed_end + length - (end - start),
        )


def apply_changes(
    text: str,
    changes: Sequence[types.TextDocumentContentChangeEvent],
    encoding: str = UTF16,
    lines: LineIndex | None = None,
) -> str:
    """`text` after a didChange's content changes, in order: a change with a range replaces
    that range (positions in the text as the earlier changes left it), one without replaces
    the whole text. `lines`: the text's index, when the caller has it."""
    return edited(text, changes, encoding, lines)[0]


def edited(
    text: str,
    changes: Sequence[types.TextDocumentContentChangeEvent],
    encoding: str = UTF16,
    lines: LineIndex | None = None,
) -> tuple[str, Edit]:
    """`apply_changes`, and where the text changed."""
    edit: Edit | None = None
    for change in changes:
        if isinstance(change, types.TextDocumentContentChangePartial):
            if lines is None or lines.text is not text:
                lines = LineIndex(text)
            start = lines.offset(change.range.start, encoding)
            end = max(start, lines.offset(change.range.end, encoding))
            replaced = Edit(start, end, start + len(change.text))
            text = text[:start] + change.text + text[end:]
        else:
            replaced = Edit(0, len(text), len(change.text))
            text = change.text
        edit = replaced if edit is None else edit.then(*replaced.spans)
    return text, edit or Edit(0, 0, 0)
