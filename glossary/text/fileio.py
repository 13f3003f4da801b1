"""Reading text safely and writing files atomically."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from glossary.errors import FileAccessError, InputError


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise FileAccessError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise FileAccessError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise FileAccessError(f"{path}: cannot read: {exc.strerror}") from None


def read_stdin() -> bytes:
    """All of standard input; a closed or unreadable one is a one-line error."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is closed: give a file, or pipe the text in")
    try:
        data: bytes = stream.read()
    except OSError as exc:
        raise InputError(f"standard input cannot be read: {exc.strerror}") from None
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
    whole of it is never in memory at once."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise FileAccessError(f"{target}: cannot write: folder {folder} does not exist") from None
    except OSError as exc:
        raise FileAccessError(f"{target}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except OSError as exc:
        _remove_quietly(tmp_name)
        raise FileAccessError(f"{target}: cannot write: {exc.strerror}") from None
    except BaseException:
        _remove_quietly(tmp_name)
        raise


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)
