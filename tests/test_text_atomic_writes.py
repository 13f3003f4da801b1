"""Atomic writes meet what is already at the path: a symlink (written through), a device or a
FIFO (written directly), a read-only file (refused), a folder that cannot be written, and the
temporary files a killed run left (removed when stale)."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from glossary.errors import FileAccessError
from glossary.text.fileio import STALE_SECONDS, write_atomic


def test_a_symlink_is_written_through_to_its_target(tmp_path: Path) -> None:
    target = tmp_path / "data" / "terms.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["terms.json"]


def test_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "made.json")
    write_atomic(link, "new")
    assert link.is_symlink() and (tmp_path / "made.json").read_text(encoding="utf-8") == "new"


def test_a_device_is_written_directly_not_replaced() -> None:
    write_atomic("/dev/null", "anything")
    assert Path("/dev/null").is_char_device()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_is_written_directly(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(5)
    assert received == [b"through the pipe"] and fifo.is_fifo()


def test_a_read_only_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "terms.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(FileAccessError) as caught:
        write_atomic(target, "new")
    assert caught.value.message == (
        f"{target}: cannot write: the file is read-only (make it writable, or remove it first)"
    )
    assert target.read_text(encoding="utf-8") == "old"


def test_a_folder_that_exists_but_cannot_be_written() -> None:
    with pytest.raises(FileAccessError) as caught:
        write_atomic("/proc/x.csv", "x")
    assert caught.value.message == "/proc/x.csv: cannot write: folder /proc is not writable"


def test_a_missing_folder_is_said_to_be_missing(tmp_path: Path) -> None:
    with pytest.raises(FileAccessError, match=r"folder .* does not exist"):
        write_atomic(tmp_path / "nowhere" / "x.csv", "x")


def test_stale_temporary_files_of_ours_are_removed_by_a_later_write(tmp_path: Path) -> None:
    target = tmp_path / "terms.yaml"
    old = time.time() - STALE_SECONDS - 60
    stale = tmp_path / ".terms.yaml.abc123.tmp"
    fresh = tmp_path / ".terms.yaml.def456.tmp"  # perhaps another writer, at work right now
    other = tmp_path / ".notes.txt.abc123.tmp"  # another file's: not ours to judge here
    for path in (stale, fresh, other):
        path.write_bytes(b"x" * 10)
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_atomic(target, "terms: []\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [fresh.name, other.name, "terms.yaml"]
    )
