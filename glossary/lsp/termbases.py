"""The term bases the server uses, reopened when one of them changes on disk: each request
compares the files' stat (size, modification time, inode) with the one they were opened at,
which costs a few microseconds, so an edit to a term base shows in the next hover without a
restart and without a file watcher the client may not offer."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from glossary.errors import GlossaryError
from glossary.library import Glossary
from glossary.progress import Progress

Stamp = tuple[int, int, int] | None


def _stamps(paths: Sequence[Path]) -> list[Stamp]:
    stamps: list[Stamp] = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            stamps.append(None)
        else:
            stamps.append((info.st_size, info.st_mtime_ns, info.st_ino))
    return stamps


class TermBases:
    """A `Glossary` of the selected term bases, with its index and scanner loaded, and a
    generation number that grows each time it is reopened."""

    def __init__(self, paths: Sequence[Path] | None = None) -> None:
        self.paths = Glossary(paths or None).paths
        self.generation = 0
        self._stamps: list[Stamp] = []
        self._glossary: Glossary | None = None

    def open_index(self, progress: Progress | None = None) -> None:
        """Open the index now (building it when it is missing, reporting `progress`), so that a
        term base that does not load is an error before the server starts; the scanner is
        loaded on first use."""
        glossary = Glossary(self.paths, progress)
        stamps = _stamps(self.paths)
        glossary.store  # noqa: B018 - raises GlossaryError for a term base that does not load
        self._glossary, self._stamps = glossary, stamps
        self.generation += 1

    def current(self) -> Glossary:
        """The glossary as the files are now. When a file changed and no longer loads (say, a
        YAML error half-way through an edit), the `GlossaryError` is raised and the previous
        glossary stays in use for the next call."""
        stamps = _stamps(self.paths)
        if self._glossary is not None and stamps == self._stamps:
            self._glossary.scanner  # noqa: B018 - loaded once, on first use
            return self._glossary
        fresh = Glossary(self.paths)
        try:
            fresh.scanner  # noqa: B018 - opens (or builds) the index and loads the scan tables
        finally:
            self._stamps = stamps  # a broken file is reported once, not on every request
        self._glossary = fresh
        self.generation += 1
        return fresh

    def usable(self) -> tuple[Glossary | None, GlossaryError | None]:
        """The current glossary, or the last one that loaded and the error the files give."""
        try:
            return self.current(), None
        except GlossaryError as error:
            return self._glossary, error
