"""The one-line errors for binary and undecodable input, word for word, from both readers:
`fileio.decode_utf8` (term bases, imports, stdin) and `decoding.decode` (annotate)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from glossary.errors import InputError
from glossary.text.decoding import decode
from glossary.text.fileio import decode_utf8, write_atomic_chunks


def message(call: Callable[..., object], *args: object) -> str:
    with pytest.raises(InputError) as caught:
        call(*args)
    return caught.value.message


def test_decode_utf8_reads_utf8_with_or_without_a_bom() -> None:
    assert decode_utf8("术语\n".encode(), "a.txt") == "术语\n"
    assert decode_utf8("\ufeff术语\n".encode(), "a.txt") == "术语\n"


def test_binary_input_is_the_same_error_in_both_readers() -> None:
    data = b"PK\x03\x04\x00\x00binary"
    expected = "a.bin: looks like a binary file, not text"
    assert message(decode_utf8, data, "a.bin") == expected
    assert message(decode, data, "a.bin") == expected


def test_undecodable_bytes_name_the_line_the_byte_and_the_fix() -> None:
    data = "第一行\n".encode() + b"abc\xff\n"
    assert message(decode_utf8, data, "a.txt") == (
        "a.txt:2: not valid UTF-8 (byte 0xff); convert the file to UTF-8"
    )
    assert message(decode, data, "a.txt", "ascii") == (
        "a.txt:1: not valid ascii (byte 0xe7); check the encoding"
    )


def test_write_atomic_chunks_writes_the_pieces_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "out.yaml"
    write_atomic_chunks(path, ["第一", b" and ", "second\n"])
    assert path.read_text(encoding="utf-8") == "第一 and second\n"

    def failing() -> Iterator[str]:
        yield "half of it"
        raise RuntimeError("the producer broke")

    with pytest.raises(RuntimeError):
        write_atomic_chunks(path, failing())
    assert path.read_text(encoding="utf-8") == "第一 and second\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]  # no temp file left behind
