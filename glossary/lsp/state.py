"""What the server knows between messages: the open documents (kept in sync by incremental
edits) and, per document version and term-base generation, its analysis: the occurrences the
scanner finds and the check engine's findings. Hover, completion and symbols after a change
reuse one scan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lsprotocol import types

from glossary.errors import GlossaryError, InputError
from glossary.library import Glossary
from glossary.lsp.diagnostics import Finding
from glossary.lsp.positions import UTF16, LineIndex, apply_changes
from glossary.lsp.termbases import TermBases
from glossary.scan.document import TermsInText
from glossary.text.decoding import decode


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
    found: TermsInText
    findings: tuple[Finding, ...]


Checker = Callable[[Glossary, str], Sequence[Finding]]


def _document(uri: str, version: int | None, text: str) -> Document:
    try:  # the same rule as for a file: NUL and other control characters are not text
        decode(text.encode("utf-8", "surrogatepass"), uri)
    except InputError as error:
        return Document(uri, version, text, LineIndex(text), error.message)
    return Document(uri, version, text, LineIndex(text))


class State:
    def __init__(self, termbases: TermBases, checker: Checker | None = None) -> None:
        self.termbases = termbases
        self.checker = checker
        self.encoding = UTF16
        self.options: dict[str, Any] = {}
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
        cached = self._analyses.get(document.uri)
        if cached and cached.version == document.version and cached.generation == generation:
            return cached
        found = glossary.terms_in(document.text)
        findings = tuple(self.checker(glossary, document.text)) if self.checker else ()
        analysis = Analysis(document.version, generation, found, findings)
        self._analyses[document.uri] = analysis
        return analysis
