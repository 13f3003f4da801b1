"""What the server knows between messages: the open documents (kept in sync by incremental
edits) and, per document version and term-base generation, its analysis: the occurrences the
scanner finds and the check engine's findings. Hover, completion and symbols after a change
reuse one scan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.uris import to_fs_path

from glossary.errors import GlossaryError, InputError
from glossary.library import Glossary
from glossary.lsp.diagnostics import Finding
from glossary.lsp.positions import UTF16, LineIndex, apply_changes
from glossary.lsp.termbases import TermBases
from glossary.lsp.translations import Translations, path_key
from glossary.scan.document import TermsInText
from glossary.text.decoding import decode
from glossary.text.documents import read_document


class UnknownDocument(GlossaryError):
    """A request names a document the client has not opened."""

    def __init__(self, uri: str) -> None:
        super().__init__(f"{uri}: not an open document (send textDocument/didOpen first)")


@dataclass(frozen=True, slots=True)
class Document:
    """An open document's text at one version; `problem` says why it is not analysed."""

    uri: str
    version: int | None
    text: str
    lines: LineIndex
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """The terms in one version of a document and the findings on it."""

    version: int | None
    generation: int
    source: str | None  # the text of the source, for a translation
    found: TermsInText
    findings: tuple[Finding, ...]


Source = tuple[str, str]  # the name and text of a translation's source
Checker = Callable[[Glossary, str, str, Source | None], Sequence[Finding]]
"""check(glossary, text, name, source): the findings on `text` (a translation of `source`,
aligned by line, when there is one), with `name` as their file."""


def _document(uri: str, version: int | None, text: str) -> Document:
    try:  # the same rule as for a file: NUL and other control characters are not text
        decode(text.encode("utf-8", "surrogatepass"), uri)
    except InputError as error:
        return Document(uri, version, text, LineIndex(text), error.message)
    return Document(uri, version, text, LineIndex(text))


class State:
    def __init__(self, termbases: TermBases, checker: Checker) -> None:
        self.termbases = termbases
        self.checker = checker
        self.encoding = UTF16
        self.options: dict[str, Any] = {}
        self.translations = Translations()
        self._documents: dict[str, Document] = {}
        self._analyses: dict[str, Analysis] = {}
        self.problems: list[str] = []  # term-base errors the server has yet to tell the user

    # -- documents --------------------------------------------------------------------------

    def open(self, uri: str, version: int | None, text: str) -> Document:
        self._documents[uri] = document = _document(uri, version, text)
        self._analyses.pop(uri, None)
        return document

    def change(
        self,
        uri: str,
        version: int | None,
        changes: Sequence[types.TextDocumentContentChangeEvent],
    ) -> Document:
        text = apply_changes(self.document(uri).text, changes, self.encoding)
        return self.open(uri, version, text)

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)
        self._analyses.pop(uri, None)

    def document(self, uri: str) -> Document:
        try:
            return self._documents[uri]
        except KeyError:
            raise UnknownDocument(uri) from None

    @property
    def uris(self) -> list[str]:
        return list(self._documents)

    def translations_of(self, uri: str) -> list[str]:
        """The open documents that are translations of the document at `uri`."""
        key = path_key(uri)
        return [
            other
            for other in self._documents
            if (source := self.translations.source_of(other)) and path_key(source.as_uri()) == key
        ]

    def _source(self, document: Document) -> Source | None:
        """The source of a translation: its text in the editor when it is open there, else on
        disk (a source that cannot be read is a problem to report, and no source)."""
        path = self.translations.source_of(document.uri)
        if path is None:
            return None
        key = path_key(path.as_uri())
        for other in self._documents.values():
            if path_key(other.uri) == key:
                return str(path), other.text
        try:
            return str(path), read_document(str(path)).text
        except GlossaryError as error:
            self.problems.append(f"{error.message} (the source of {document.uri})")
            return None

    # -- analysis ---------------------------------------------------------------------------

    def glossary(self) -> Glossary:
        """The term bases as they are on disk now (raises `GlossaryError` when they have never
        loaded; while a term base broken by an edit does not load, the last good one is used and
        the error is added to `problems`)."""
        current, error = self.termbases.usable()
        if error is not None:
            self.problems.append(error.message)
        if current is None:
            assert error is not None
            raise error
        return current

    def analysis(self, document: Document) -> Analysis | None:
        """The analysis of this version of the document (None for one that is not text)."""
        if document.problem is not None:
            return None
        glossary = self.glossary()
        generation = self.termbases.generation
        source = self._source(document) if self.translations else None
        cached = self._analyses.get(document.uri)
        if (
            cached
            and (cached.version, cached.generation) == (document.version, generation)
            and cached.source == (source and source[1])
        ):
            return cached
        found = glossary.terms_in(document.text)
        name = to_fs_path(document.uri) or document.uri
        try:
            findings = tuple(self.checker(glossary, document.text, name, source))
        except InputError as error:  # not aligned with its source: check it alone
            self.problems.append(error.message)
            findings = tuple(self.checker(glossary, document.text, name, None))
        analysis = Analysis(document.version, generation, source and source[1], found, findings)
        self._analyses[document.uri] = analysis
        return analysis
