"""`glossary.open()`: the term bases, their index and scanner behind one object, for programs
that use glossary without its command line (the CLI, the checker and the editor server call the
same functions)."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from pathlib import Path

from glossary.check.findings import Finding
from glossary.index.database import open_store
from glossary.index.store import Store
from glossary.progress import Progress
from glossary.scan.document import TermsInText, scanner_of, terms_in
from glossary.scan.occurrence import Occurrence
from glossary.scan.scanner import Scanner
from glossary.search.ranking import Match, SearchResult, search
from glossary.termbase.locations import resolve_paths

PathArg = str | PathLike[str]


class Glossary:
    """Term bases opened for lookup and scanning; the index is opened (built when missing) on
    first use."""

    def __init__(
        self, paths: PathArg | Sequence[PathArg] | None = None, progress: Progress | None = None
    ) -> None:
        if isinstance(paths, str | PathLike):
            paths = [paths]
        self.paths: list[Path] = resolve_paths([Path(p) for p in paths] if paths else None)
        self._progress = progress
        self._store: Store | None = None
        self._scanner: Scanner | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.paths, self._progress)
        return self._store

    @property
    def scanner(self) -> Scanner:
        if self._scanner is None:
            self._scanner = scanner_of(self.store)
        return self._scanner

    def search(self, query: str, limit: int = 5) -> SearchResult:
        """The best matches for `query`, with suggestions when there are none."""
        return search(self.store, query, limit)

    def lookup(self, query: str, limit: int = 5) -> list[Match]:
        """The best matches for `query`, best first; `Match.to_dict()` is what
        `glossary lookup --json` prints for each."""
        return list(self.search(query, limit).matches)

    def terms_in(self, text: str) -> TermsInText:
        """The occurrences of terms in `text` and the terms they are of."""
        return terms_in(self.store, text, self.scanner)

    def annotate(self, text: str) -> list[Occurrence]:
        """Every occurrence of a term in `text`, in order, without overlaps; `to_dict()` is
        the object `glossary annotate --format jsonl` prints for each."""
        return self.scanner.scan(text)

    def check(
        self,
        text: str,
        target: str | None = None,
        *,
        file: str = "<text>",
        target_file: str = "<target>",
    ) -> list[Finding]:
        """The findings of `glossary check` on `text`: deprecated and forbidden names; with a
        `target` (its translation, aligned by line: line i translates line i), also missing
        and inconsistent translations and unfit names on the target side. `file` and
        `target_file` name the texts in the findings. Findings are in file order;
        `Finding.to_dict()` is the object `glossary check --format json` prints for each.
        Different line counts raise `glossary.errors.InputError`."""
        from glossary.check.checker import check_aligned, check_text
        from glossary.check.inputs import line_aligned

        if target is None:
            return check_text(self.store, self.scanner, text, file)
        aligned = line_aligned(text, file, target, target_file)
        return check_aligned(self.store, self.scanner, aligned)
