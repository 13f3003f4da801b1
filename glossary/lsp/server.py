"""The language server's wiring: one handler per LSP method, each turning the message into a
call on the library (through `state`) and the result into lsprotocol types (through the feature
modules). Diagnostics are published on open at once and after changes once typing pauses."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcInternalError, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer

from glossary.errors import GlossaryError
from glossary.lsp import actions, completion, diagnostics, drafts, hover, symbols
from glossary.lsp.client import ClientTraits
from glossary.lsp.positions import negotiated
from glossary.lsp.state import Document, State, UnknownDocument
from glossary.lsp.translations import Translations, config_stamp

DEBOUNCE = 0.3  # seconds without a change before a document is checked again
POLL = 2.0  # seconds between looks at the term bases' stat while nothing else asks
PRESCAN = 0.05  # seconds after publishing diagnostics before scanning for hovers
STALE = (0.002, 0.1, 0.02)  # a completion waits for a newer keystroke: 2 ms or a tenth of the
# last one's time, up to 20 ms (for the messages sent after it to be read on a busy machine)
T = TypeVar("T")


class Session:
    """One editor's session: the state and the handlers registered on the pygls server."""

    def __init__(self, server: LanguageServer, state: State) -> None:
        self.server = server
        self.state = state
        self.debounce = DEBOUNCE
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._generation = -1  # of the term bases the published diagnostics were made with
        self._config: tuple[int, int, int] | None = None  # glossary.toml's stat when read
        self._asked: dict[str, int] = {}  # completion requests received, by document
        self._completing = 0.0  # seconds the last completion took
        self.client = ClientTraits()
        self.shut_down = self.exited = False  # what the client asked, for the exit status

    # -- lifecycle --------------------------------------------------------------------------

    def initialize(self, params: types.InitializeParams) -> None:
        self.state.encoding = negotiated(self.server.workspace.position_encoding)
        options = params.initialization_options
        self.state.options = options if isinstance(options, dict) else {}
        self._read_config()
        delay = self.state.options.get("debounce")
        if isinstance(delay, int | float) and not isinstance(delay, bool) and delay >= 0:
            self.debounce = delay / 1000
        self.client = ClientTraits.of(params.capabilities)

    def _read_config(self) -> None:
        """The translations of `glossary.toml` and the options; its problems to be said."""
        root = self.server.workspace.root_path
        self._config = config_stamp(root)
        translations, problems = Translations.configured(self.state.options, root)
        self.state.translations = translations
        self.state.problems.extend(problems)

    def initialized(self, _params: types.InitializedParams) -> None:
        """Open the index (building it if it is missing) and load the scanner now, after
        `initialize` is answered and before the requests that follow are handled."""
        try:
            self.state.glossary()
        except GlossaryError as error:
            self._log(types.MessageType.Error, error.message)
        self._say_problems()
        asyncio.get_running_loop().call_later(POLL, self._poll)

    def shutdown(self, _params: None) -> None:
        self.shut_down = True
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()

    def exit(self, _params: None) -> None:
        self.exited = True

    def exit_status(self) -> int:
        """The server's exit status: 1 after an `exit` that no `shutdown` came before, as the
        protocol says; else 0 (a client that closes stdin has simply gone)."""
        return 1 if self.exited and not self.shut_down else 0

    # -- documents --------------------------------------------------------------------------

    def did_open(self, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        if config_stamp(self.server.workspace.root_path) != self._config:
            self._read_config()  # glossary.toml edited (or made, or removed) meanwhile
            self._say_problems()
        document = self.state.open(item.uri, item.version, item.text)
        self._said_problem(document)
        for changed in (item.uri, *self.state.translations_of(item.uri)):
            self._schedule(changed, 0)

    def did_change(self, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        try:
            document = self.state.change(uri, params.text_document.version, params.content_changes)
        except UnknownDocument as error:
            self._log(types.MessageType.Warning, error.message)
            return
        self._said_problem(document)
        for changed in (uri, *self.state.translations_of(uri)):
            self._schedule(changed, self.debounce)

    def did_close(self, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        self.state.close(uri)
        self._asked.pop(uri, None)
        if (timer := self._timers.pop(uri, None)) is not None:
            timer.cancel()
        self._publish_diagnostics(uri, [], None)

    # -- requests ---------------------------------------------------------------------------

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        return self._answer(lambda: self._hover(params))

    def _hover(self, params: types.HoverParams) -> types.Hover | None:
        document = self.state.document(params.text_document.uri)
        found = self.state.terms(document)
        if found is None:
            return None
        offset = document.lines.offset(params.position, self.state.encoding)
        occurrence = found.occurrences.at(offset)
        if occurrence is None:
            return None
        term = found.terms[occurrence.term_id]
        origin = self.state.glossary().store.find(term.id)
        termbase = origin[1] if origin else ""
        return types.Hover(
            contents=hover.content(term, termbase, markdown=self.client.hover_markdown),
            range=document.lines.range(occurrence.start, occurrence.end, self.state.encoding),
        )

    async def completion(self, params: types.CompletionParams) -> types.CompletionList | None:
        """Completion, unless typing goes on meanwhile: a request that a newer keystroke (a
        change or another request for the document) has made stale while it waited gets an
        empty incomplete list at once (the client asks again), so requests made while typing
        fast do not queue behind each other, and one the client cancels is dropped."""
        uri = params.text_document.uri
        asked = self._asked[uri] = self._asked.get(uri, 0) + 1
        version = self.state.version(uri)
        least, share, most = STALE
        await asyncio.sleep(min(most, max(least, share * self._completing)))
        if self._asked.get(uri) != asked or self.state.version(uri) != version:
            return types.CompletionList(is_incomplete=True, items=[])
        started = time.perf_counter()
        try:
            return self._answer(lambda: self._completion(params))
        finally:
            self._completing = time.perf_counter() - started

    def _completion(self, params: types.CompletionParams) -> types.CompletionList | None:
        document = self.state.document(params.text_document.uri)
        if document.problem is not None:
            return None
        lines, encoding = document.lines, self.state.encoding
        offset = lines.offset(params.position, encoding)
        line = min(params.position.line, len(lines.starts) - 1)
        line_start, line_end = lines.starts[line], lines.ends[line]
        start, word = completion.word_before(document.text, offset, line_start)
        if not word:
            return types.CompletionList(is_incomplete=True, items=[])
        matches = self.state.glossary().lookup(word, completion.LIMIT)
        english = completion.is_english(document.text, start, offset, line_start, line_end)
        replaced = lines.range(start, offset, encoding)
        return types.CompletionList(
            is_incomplete=True,
            items=completion.items(
                matches, word, replaced, english, markdown=self.client.completion_markdown
            ),
        )

    def document_symbol(
        self, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol] | None:
        def answer() -> list[types.DocumentSymbol] | None:
            document = self.state.document(params.text_document.uri)
            found = self.state.terms(document)
            if found is None:
                return None
            terms = found.listed()
            listed = self.state.glossary().store.glossary_ids(
                {occurrence.term_id for occurrence in terms.occurrences}
            )
            return symbols.document_symbols(terms, listed, document.lines, self.state.encoding)

        return self._answer(answer)

    def code_action(
        self, params: types.CodeActionParams
    ) -> list[types.CodeAction | types.Command] | None:
        def answer() -> list[types.CodeAction | types.Command]:
            document = self.state.document(params.text_document.uri)
            found = actions.replacements(
                document.uri,
                document.version,
                params.context.diagnostics,
                self.client.versioned_edits,
            )
            lines, encoding = document.lines, self.state.encoding
            start, end = (lines.offset(p, encoding) for p in (params.range.start, params.range.end))
            return [*found, *drafts.offer(document.text[start:end])]

        return self._answer(answer)

    def add_draft(self, headword: Any) -> None:
        """The command `glossary.addDraft HEADWORD`: add it to the term base as a draft."""

        def answer() -> None:
            if not isinstance(headword, str):
                raise JsonRpcInvalidParams(f"{drafts.COMMAND}: give one headword")
            done = drafts.add(headword, self.state.termbases.paths)
            self._log(types.MessageType.Info, done)
            self.server.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Info, message=done)
            )

        return self._answer(answer)

    # -- diagnostics ------------------------------------------------------------------------

    def _schedule(self, uri: str, delay: float) -> None:
        if (timer := self._timers.pop(uri, None)) is not None:
            timer.cancel()
        self._timers[uri] = asyncio.get_running_loop().call_later(delay, self._check, uri)

    def _check(self, uri: str) -> None:
        """Publish the document's diagnostics (and soon after, scan it for hovers)."""
        self._timers.pop(uri, None)
        try:
            document = self.state.document(uri)
            findings = self.state.findings(document)
        except UnknownDocument:
            return  # closed meanwhile
        except GlossaryError as error:
            self._log(types.MessageType.Error, error.message)
            return
        finally:
            self._say_problems()
        self._generation = self.state.termbases.generation
        published = diagnostics.diagnostics(findings, document.lines, self.state.encoding)
        self._publish_diagnostics(uri, published, document.version)
        loop = asyncio.get_running_loop()
        loop.call_later(PRESCAN, self._prescan, uri, document.version)

    def _prescan(self, uri: str, version: int | None) -> None:
        """Scan the document for the hovers to come, unless typing has gone on meanwhile."""
        with contextlib.suppress(GlossaryError):
            document = self.state.document(uri)
            if document.version == version and uri not in self._timers:
                self.state.terms(document)

    def _publish_diagnostics(
        self, uri: str, published: Sequence[types.Diagnostic], version: int | None
    ) -> None:
        self.server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=list(published), version=version)
        )

    def _poll(self) -> None:
        """Pick up a term base edited on disk while the client is idle."""
        self.state.termbases.usable()
        self._after_request()
        asyncio.get_running_loop().call_later(POLL, self._poll)

    # -- errors and messages ----------------------------------------------------------------

    def _answer(self, compute: Callable[[], T]) -> T:
        """`compute()`, with a glossary error as an LSP error response."""
        try:
            return compute()
        except UnknownDocument as error:
            raise JsonRpcInvalidParams(error.message) from None
        except GlossaryError as error:
            raise JsonRpcInternalError(error.message) from None
        finally:
            self._after_request()

    def _after_request(self) -> None:
        self._say_problems()
        if self.state.termbases.generation != self._generation and self._generation >= 0:
            for uri in self.state.uris:  # the term bases changed: check the documents again
                self._schedule(uri, 0)
            self._generation = self.state.termbases.generation

    def _said_problem(self, document: Document) -> None:
        if document.problem is not None:
            self._log(types.MessageType.Warning, f"glossary: {document.problem}; not checked")

    def _say_problems(self) -> None:
        while self.state.problems:
            message = self.state.problems.pop(0)
            self._log(types.MessageType.Error, message)
            self.server.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=message)
            )

    def _log(self, kind: types.MessageType, message: str) -> None:
        self.server.window_log_message(types.LogMessageParams(type=kind, message=message))
