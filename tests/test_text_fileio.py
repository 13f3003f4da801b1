"""The one-line errors for binary and undecodable input, word for word, from both readers:
`fileio.decode_utf8` (term bases, imports, stdin) and `decoding.decode` (annotate)."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from glossary.errors import InputError
from glossary.text import fileio
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


def test_a_file_read_whole_is_refused_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fileio, "READ_LIMIT", 2**20)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2**20 + 1))
    assert (
        message(fileio.read_bytes, big)
        == f"{big}: larger than 1 MB, more than glossary reads whole"
    )
    big.write_bytes(b"x" * 2**20)
    assert fileio.read_bytes(big) == b"x" * 2**20


def test_a_pipe_or_device_is_read_in_blocks_and_refused_past_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fileio, "READ_LIMIT", 3 * 2**20)
    endless = io.BufferedReader(io.BytesIO(b"\0" * (4 * 2**20)))  # stands for /dev/zero
    assert message(fileio.read_limited, endless, "/dev/zero") == (
        "/dev/zero: larger than 3 MB, more than glossary reads whole"
    )
    short = io.BufferedReader(io.BytesIO("术语\n".encode() * 1000))
    assert fileio.read_limited(short, "<stdin>") == "术语\n".encode() * 1000


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_check_of_dev_zero_is_a_one_line_error_not_all_of_memory() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from glossary.cli import main; main()", "check", "/dev/zero"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == "error: /dev/zero: larger than 256 MB, more than glossary reads whole\n"
