"""What the server knows between messages: the open documents (kept in sync by incremental
edits) and, per document version and term-base generation, the occurrences the scanner finds
(for hover and symbols) and, apart, the check engine's findings (for diagnostics), each
computed once when first asked for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lsprotocol import types
from pygls.uris import to_fs_path

from glossary.errors import GlossaryError, InputError
from glossary.library import Glossary
from glossary.lsp.diagnostics import Finding
from glossary.lsp.occurrences import Occurrences
from glossary.lsp.positions import UTF16, Edit, LineIndex, edited
from glossary.lsp.rescan import Known, rescan
from glossary.lsp.termbases import TermBases
from glossary.lsp.translations import Translations, path_key
from glossary.model import Term
from glossary.scan.document import TermsInText
from glossary.scan.scanner import Scanner
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
class Terms:
    """The terms in one version of a document (its `text`), with the term bases they were
    found with: every occurrence, and the terms they are of by id (perhaps a few more: those
    an edit has taken out of the text)."""

    version: int | None
    generation: int
    text: str
    occurrences: Occurrences
    terms: dict[str, Term]

    def listed(self) -> TermsInText:
        """The terms as the library lists them (every occurrence in one list)."""
        return TermsInText(self.occurrences.listed(), self.terms)


@dataclass(frozen=True, slots=True)
class Findings:
    """The findings on one version of a document (and of its source, for a translation)."""

    version: int | None
    generation: int
    source: str | None  # the text of the source, for a translation
    findings: tuple[Finding, ...]


Source = tuple[str, str]  # the name and text of a translation's source
Checker = Callable[[Glossary, Scanner, str, str, Source | None], Sequence[Finding]]
"""check(glossary, scanner, text, name, source): the findings on `text` (a translation of
`source`, aligned by line, when there is one), with `name` as their file; `scanner` knows the
terms in `text`."""


def _problem(text: str, name: str) -> str | None:
    """Why `text` is not text, by the rule for a file (NUL and other control characters)."""
    try:
        decode(text.encode("utf-8", "surrogatepass"), name)
    except InputError as error:
        return error.message
    return None


def _document(uri: str, version: int | None, text: str, checked: bool = False) -> Document:
    """The document; `checked`: its text is known to be text."""
    problem = None if checked else _problem(text, uri)
    return Document(uri, version, text, LineIndex(text), problem)


class State:
    def __init__(self, termbases: TermBases, checker: Checker) -> None:
        self.termbases = termbases
        self.checker = checker
        self.encoding = UTF16
        self.options: dict[str, Any] = {}
        self.translations = Translations()
        self._documents: dict[str, Document] = {}
        self._terms: dict[str, Terms] = {}
        self._edits: dict[str, Edit] = {}  # how each document changed since its terms were found
        self._findings: dict[str, Findings] = {}
        self.problems: list[str] = []  # term-base errors the server has yet to tell the user

    # -- documents --------------------------------------------------------------------------

    def open(self, uri: str, version: int | None, text: str) -> Document:
        return self._put(_document(uri, version, text))

    def _put(self, document: Document) -> Document:
        self._documents[document.uri] = document
        self._terms.pop(document.uri, None)
        self._edits.pop(document.uri, None)
        self._findings.pop(document.uri, None)
        return document

    def change(
        self,
        uri: str,
        version: int | None,
        changes: Sequence[types.TextDocumentContentChangeEvent],
    ) -> Document:
        before = self.document(uri)
        text, edit = edited(before.text, changes, self.encoding, before.lines)
        # a text stays text when what is typed into it is text: only that need be looked at
        checked = before.problem is None and not any(_problem(c.text, uri) for c in changes)
        terms, since = self._terms.get(uri), self._edits.get(uri)
        document = self._put(_document(uri, version, text, checked))
        if terms is not None:  # kept, to find the new version's terms from by a rescan
            self._terms[uri] = terms
            self._edits[uri] = edit if since is None else since.then(*edit.spans)
        return document

    def close(self, uri: str) -> None:
        self._documents.pop(uri, None)
        self._terms.pop(uri, None)
        self._edits.pop(uri, None)
        self._findings.pop(uri, None)

    def document(self, uri: str) -> Document:
        try:
            return self._documents[uri]
        except KeyError:
            raise UnknownDocument(uri) from None

    def version(self, uri: str) -> int | None:
        """The version of the open document at `uri` (None when it is not open)."""
        document = self._documents.get(uri)
        return document.version if document else None

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
            if path.exists() and not path.is_file():  # a FIFO would block the server for ever
                raise InputError(f"{path}: not a regular file")
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

    def terms(self, document: Document) -> Terms | None:
        """The terms in this version of the document (None for one that is not text): after an
        edit, from those of the version before by a scan of the lines around the edit."""
        if document.problem is not None:
            return None
        glossary = self.glossary()
        generation = self.termbases.generation
        cached = self._terms.get(document.uri)
        if cached and (cached.version, cached.generation) == (document.version, generation):
            return cached
        edit = self._edits.pop(document.uri, None)
        if cached and cached.generation == generation and edit is not None:
            occurrences, scanned = rescan(
                glossary.scanner, cached.occurrences, cached.text, document.text, edit
            )
            terms = cached.terms
            missing = {occurrence.term_id for occurrence in scanned} - terms.keys()
            if missing:
                terms = {**terms, **glossary.store.terms_by_id(missing)}
        else:
            found = glossary.terms_in(document.text)
            occurrences, terms = Occurrences.scanned(found.occurrences), found.terms
        fresh = Terms(document.version, generation, document.text, occurrences, terms)
        self._terms[document.uri] = fresh
        return fresh

    def _scanner(self, glossary: Glossary, document: Document) -> Scanner:
        """The scanner, knowing the terms in this version of the document (after an edit,
        found by a rescan of the lines around it) so that the check need not scan it again."""
        terms = self.terms(document)
        if terms is None:
            return glossary.scanner
        listed = Occurrences.scanned(terms.occurrences.listed())  # in one piece from now on
        self._terms[document.uri] = replace(terms, occurrences=listed)
        return Known(glossary.scanner, document.text, listed)

    def findings(self, document: Document) -> tuple[Finding, ...]:
        """The check's findings on this version of the document (none for one that is not
        text); a translation is checked with its source."""
        if document.problem is not None:
            return ()
        glossary = self.glossary()
        generation = self.termbases.generation
        source = self._source(document) if self.translations else None
        cached = self._findings.get(document.uri)
        if (
            cached
            and (cached.version, cached.generation) == (document.version, generation)
            and cached.source == (source and source[1])
        ):
            return cached.findings
        name = to_fs_path(document.uri) or document.uri
        scanner = self._scanner(glossary, document)
        try:
            findings = tuple(self.checker(glossary, scanner, document.text, name, source))
        except InputError as error:  # not aligned with its source: check it alone
            self.problems.append(error.message)
            findings = tuple(self.checker(glossary, scanner, document.text, name, None))
        self._findings[document.uri] = Findings(
            document.version, generation, source and source[1], findings
        )
        return findings
