"""What the error seam needs to know about the process's standard streams and arguments: a
closed stdin or stdout, output that cannot be written, arguments that are not UTF-8."""

from __future__ import annotations

import atexit
import contextlib
import errno
import io
import os
import sys
import threading
from collections.abc import Sequence
from typing import NoReturn

from glossary.errors import ExitCode, GlossaryError, InputError


class OutputError(GlossaryError):
    """Standard output could not be written (a full disk, a file size limit, a closed stream)."""

    exit_code = ExitCode.IO


class ClosedOutput(io.TextIOBase):
    """Stands in for a standard output that was closed (`>&-`): writing to it is an error, so
    a command that only writes files (`export -o`) still works."""

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False


def replace_closed_stdout() -> None:
    if sys.stdout is None:
        sys.stdout = ClosedOutput()


def output_error(error: OSError) -> GlossaryError:
    """The one-line error for an OSError that reached the seam: one naming a file is about that
    file; one without is standard output failing."""
    reason = error.strerror or str(error)
    if error.filename is not None:
        return GlossaryError(f"{error.filename}: {reason}", exit_code=ExitCode.IO)
    return OutputError(f"the output could not be written: {reason}")


def flush_stdout() -> None:
    """Flush now, so that a write that fails does so here and not at interpreter exit."""
    if sys.stdout is not None:
        sys.stdout.flush()


def silence_stdout() -> None:
    """After a failed write (or the reader of a pipe has gone), send whatever Python would
    still flush to /dev/null, so nothing is reported twice at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def check_arguments(args: Sequence[str]) -> None:
    """Arguments that are not valid UTF-8 reach Python as lone surrogates; refuse them here,
    naming the argument with its bytes escaped, rather than fail later while encoding them."""
    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raw = arg.encode("utf-8", "surrogateescape") if _escapable(arg) else None
            shown = repr(raw)[2:-1] if raw is not None else ascii(arg)[1:-1]
            raise InputError(
                f"argument '{shown}' is not valid UTF-8 text; give the argument in UTF-8"
            ) from None


def _escapable(arg: str) -> bool:
    return all(not 0xD800 <= ord(ch) <= 0xDFFF or 0xDC80 <= ord(ch) <= 0xDCFF for ch in arg)


def leave(code: int) -> NoReturn:
    """End the process with `code` the quick way, once a command is done: what Python's exit
    does that a command needs (the exit functions, the standard streams flushed), without
    tearing down every module and object one by one (10-15 ms of each run). Where that
    cannot be done safely (another thread still running, a stream that fails to flush), the
    ordinary `sys.exit`, which behaves as before."""
    if threading.active_count() > 1 or not _flushed():
        sys.exit(code)
    atexit._run_exitfuncs()
    if not _flushed():
        sys.exit(code)
    os._exit(code)


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return False
    return True
