"""LSP positions <-> code-point offsets, in the three encodings LSP allows, and incremental
edits, against a plain character-by-character count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsprotocol import types

from glossary.lsp.positions import LineIndex, apply_changes

TEXT = st.lists(
    st.sampled_from(["a", "艺", "😀", "\n", "\r", "\r\n", "é", "\u2028", "\x0c", " "]),
    max_size=40,
).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-32"])
WIDTH = {
    "utf-8": lambda char: len(char.encode("utf-8")),
    "utf-16": lambda char: 2 if ord(char) > 0xFFFF else 1,
    "utf-32": lambda char: 1,
}


def reference_position(text: str, offset: int, encoding: str) -> tuple[int, int]:
    """Line and character of `offset`, counted one character at a time; lines end at \\n,
    \\r\\n or \\r only."""
    line = character = 0
    index = 0
    while index < offset:
        char = text[index]
        if char == "\r" and text[index + 1 : index + 2] == "\n" and index + 1 < offset:
            line, character, index = line + 1, 0, index + 2
            continue
        if char in "\r\n":
            line, character = line + 1, 0
        else:
            character += WIDTH[encoding](char)
        index += 1
    return line, character


@given(TEXT, ENCODINGS, st.data())
def test_an_offset_and_its_position_give_each_other(
    text: str, encoding: str, data: st.DataObject
) -> None:
    offset = data.draw(st.integers(0, len(text)))
    if text[offset - 1 : offset + 1] == "\r\n" and offset > 0:
        offset -= 1  # inside a CRLF is no position
    lines = LineIndex(text)
    position = lines.position(offset, encoding)
    assert (position.line, position.character) == reference_position(text, offset, encoding)
    assert lines.offset(position, encoding) == offset


def test_a_position_inside_a_character_is_its_start_and_past_the_line_its_end() -> None:
    lines = LineIndex("a😀b\n艺术")
    assert lines.offset(types.Position(0, 2), "utf-16") == 1  # half of 😀
    assert lines.offset(types.Position(0, 3), "utf-8") == 1  # a byte inside 😀
    assert lines.offset(types.Position(0, 99), "utf-16") == 3  # end of line 0, before \n
    assert lines.offset(types.Position(7, 0), "utf-16") == 6  # past the last line: the end
    assert lines.offset(types.Position(1, 3), "utf-8") == 5


def test_incremental_changes_apply_in_order() -> None:
    def change(
        line: int, start: int, end: int, text: str
    ) -> types.TextDocumentContentChangePartial:
        span = types.Range(types.Position(line, start), types.Position(line, end))
        return types.TextDocumentContentChangePartial(range=span, text=text)

    text = "😀推进工作\r\n第二行"
    edited = apply_changes(text, [change(0, 4, 6, "艺术乡建"), change(1, 0, 0, "EOD\n")])
    assert edited == "😀推进艺术乡建\r\nEOD\n第二行"
    whole = types.TextDocumentContentChangeWholeDocument(text="new")
    assert apply_changes(text, [change(0, 0, 1, "x"), whole, change(0, 3, 3, "!")]) == "new!"
