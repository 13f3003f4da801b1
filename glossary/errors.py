"""Exit codes and the error classes that carry them; nowhere else defines exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit code the command line uses."""

    OK = 0
    NOT_FOUND = 1  # a query or a term found nothing (as grep does)
    PROBLEMS = 1  # validation ran and found problems
    USAGE = 2  # bad arguments or unreadable input
    DATA = 3  # a term base or an import file is malformed
    IO = 4  # a file could not be read or written


class GlossaryError(Exception):
    """The one domain exception; the CLI turns it into `error: <message>` and its exit code."""

    exit_code: ExitCode = ExitCode.DATA

    def __init__(self, message: str, *, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code

    @property
    def message(self) -> str:
        return str(self.args[0])


class TermBaseError(GlossaryError):
    """A term base could not be loaded: malformed YAML, a missing field, a duplicate id."""

    exit_code = ExitCode.DATA


class InputError(GlossaryError):
    """Input that is not what the command needs: not UTF-8, binary, empty, a bad option value."""

    exit_code = ExitCode.USAGE


class FileAccessError(GlossaryError):
    """A file that does not exist, cannot be read or cannot be written."""

    exit_code = ExitCode.IO


class TermNotFoundError(GlossaryError):
    """A term asked for by id or headword is not in the term base."""

    exit_code = ExitCode.NOT_FOUND
