"""Reading text safely and writing files atomically."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from glossary.errors import FileAccessError, InputError

READ_LIMIT = 256 * 2**20
"""The most bytes read whole from one file or standard input (term bases, documents to check,
files to import): past it a file is refused, so /dev/zero or an endless pipe cannot exhaust
memory. CC-CEDICT's term base is 25 MB."""


def read_bytes(path: str | Path) -> bytes:
    """All of the file at `path`, at most READ_LIMIT bytes; what stops it is a one-line error."""
    with open_for_reading(path) as handle:
        try:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return read_limited(handle, str(path))
            if info.st_size > READ_LIMIT:
                raise _too_large(path)
            return handle.read()
        except OSError as exc:
            raise _unreadable(path, exc) from None


def read_limited(handle: BinaryIO, name: str) -> bytes:
    """What is left in `handle` (a pipe, a device, a file), refused past READ_LIMIT bytes."""
    blocks: list[bytes] = []
    size = 0
    while block := handle.read(2**20):
        size += len(block)
        if size > READ_LIMIT:
            raise _too_large(name)
        blocks.append(block)
    return b"".join(blocks)


def _too_large(name: str | Path) -> InputError:
    return InputError(f"{name}: larger than {READ_LIMIT >> 20} MB, more than glossary reads whole")


def open_for_reading(path: str | Path) -> BinaryIO:
    """The file at `path` opened for reading bytes; what stops it is a FileAccessError."""
    try:
        return open(path, "rb")
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: str | Path, exc: OSError) -> FileAccessError:
    if isinstance(exc, FileNotFoundError):
        return FileAccessError(f"{path}: no such file")
    if isinstance(exc, IsADirectoryError):
        return FileAccessError(f"{path}: is a directory, not a file")
    return FileAccessError(f"{path}: cannot read: {exc.strerror}")


_STDIN_READ: list[tuple[object, bytes]] = []


def read_stdin() -> bytes:
    """All of standard input; a closed or unreadable one is a one-line error. Read once: a
    second call (a command run again after its index was rebuilt) gets the same bytes."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is closed: give a file, or pipe the text in")
    for seen, earlier in _STDIN_READ:
        if seen is stream:
            return earlier
    try:
        data = read_limited(stream, "<stdin>")
    except OSError as exc:
        raise InputError(f"standard input cannot be read: {exc.strerror}") from None
    _STDIN_READ[:] = [(stream, data)]
    return data


def reject_binary(data: bytes, name: str) -> None:
    """A NUL byte in the first 8 KiB means binary, not text: a one-line error."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not text")


def decode_strictly(data: bytes, name: str, codec: str, *, label: str, hint: str) -> str:
    """Decode with `codec`; a bad byte is a one-line error naming the line, the byte and `hint`.

    `label` is how the message names the encoding (e.g. "UTF-8", or the user's own spelling).
    """
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"{name}:{line}: not valid {label} (byte 0x{data[exc.start]:02x}); {hint}"
        ) from None
    except (UnicodeError, ValueError) as exc:  # a codec that fails in its own way
        raise InputError(f"{name}: cannot be read as {label} ({exc}); {hint}") from None


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed); binary or other encodings are a one-line error."""
    reject_binary(data, name)
    return decode_strictly(data, name, "utf-8-sig", label="UTF-8", hint="convert the file to UTF-8")


def read_utf8(path: str | Path) -> str:
    return decode_utf8(read_bytes(path), str(path))


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename it over `path`.

    A failure at any point leaves the old file as it was.
    """
    write_atomic_chunks(path, (data,))


def write_atomic_chunks(path: str | Path, chunks: Iterable[str | bytes]) -> None:
    """`write_atomic` for data that comes in pieces (text is written as UTF-8), so that the
    whole of it is never in memory at once.

    A symlink is written through: its target is replaced, atomically, beside the target. What is
    not a regular file (a device, a FIFO, /dev/stdout) is written directly, as there is nothing
    to replace. A read-only file is refused, as `cp` refuses it.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    info = _stat(target)
    if info is not None and not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        _write_directly(target, chunks)
        return
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise FileAccessError(f"{path}: cannot write: is a directory")
    if info is not None and not info.st_mode & 0o222:
        raise FileAccessError(
            f"{path}: cannot write: the file is read-only (make it writable, or remove it first)"
        )
    import glob  # only when writing (reading is what a check does)

    folder = target.parent if str(target.parent) else Path(".")
    temporary = _temporary_beside(target, folder)
    remove_stale(folder, f".{glob.escape(target.name)}.*.tmp", keep=Path(temporary))
    try:
        with open(temporary, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(temporary, info.st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except OSError as exc:
        _remove_quietly(temporary)
        raise FileAccessError(f"{path}: cannot write: {exc.strerror}") from None
    except BaseException:
        _remove_quietly(temporary)
        raise


def _stat(target: Path) -> os.stat_result | None:
    try:
        return target.stat()
    except OSError:
        return None


def _temporary_beside(target: Path, folder: Path) -> str:
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        if not folder.is_dir():
            raise FileAccessError(
                f"{target}: cannot write: folder {folder} does not exist"
            ) from None
        raise FileAccessError(
            f"{target}: cannot write: folder {folder} is not writable{_reason(exc)}"
        ) from None
    os.close(fd)
    return name


def _write_directly(target: Path, chunks: Iterable[str | bytes]) -> None:
    try:
        with open(target, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
    except OSError as exc:
        raise FileAccessError(f"{target}: cannot write: {exc.strerror}") from None


STALE_SECONDS = 3600
"""A temporary file of ours older than this is left from a killed run, not being written."""


def remove_stale(folder: Path, pattern: str, *, keep: Path, age: float = STALE_SECONDS) -> None:
    """Remove files in `folder` named by `pattern` (one of our temporary-file patterns) that
    were last changed more than `age` seconds ago, except `keep`."""
    now = time.time()
    for candidate in folder.glob(pattern):
        with contextlib.suppress(OSError):
            if candidate != keep and now - candidate.lstat().st_mtime > age:
                candidate.unlink()


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def _reason(exc: OSError) -> str:
    """` (why)`, unless the reason would only confuse (ENOENT for a folder that exists)."""
    return "" if exc.errno == errno.ENOENT or not exc.strerror else f" ({exc.strerror})"
