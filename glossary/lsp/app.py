"""The pygls server wired to a `Session`: one handler per LSP method, served over stdio."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from typing import Any, BinaryIO, cast

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from glossary.check.findings import Finding
from glossary.library import Glossary
from glossary.lsp import drafts
from glossary.lsp.protocol import Protocol, Unclosed
from glossary.lsp.server import Session
from glossary.lsp.state import Source, State
from glossary.lsp.termbases import TermBases
from glossary.scan.scanner import Scanner
from glossary.version import __version__


def check(
    glossary: Glossary, scanner: Scanner, text: str, name: str, source: Source | None
) -> list[Finding]:
    """The check engine's findings on a document (its terms found by `scanner`), or on a
    translation and its source."""
    if source is None:
        from glossary.check.checker import check_text

        return check_text(glossary.store, scanner, text, name)
    return glossary.check(source[1], text, file=source[0], target_file=name)


def build(termbases: TermBases) -> tuple[LanguageServer, Session]:
    """A server for these term bases, and the session that answers it."""
    server = LanguageServer("glossary", __version__, protocol_cls=Protocol)
    session = Session(server, State(termbases, check))
    handlers: dict[str, Callable[..., Any]] = {
        types.INITIALIZE: session.initialize,
        types.INITIALIZED: session.initialized,
        types.SHUTDOWN: session.shutdown,
        types.EXIT: session.exit,
        types.TEXT_DOCUMENT_DID_OPEN: session.did_open,
        types.TEXT_DOCUMENT_DID_CHANGE: session.did_change,
        types.TEXT_DOCUMENT_DID_CLOSE: session.did_close,
        types.TEXT_DOCUMENT_HOVER: session.hover,
        types.TEXT_DOCUMENT_DOCUMENT_SYMBOL: session.document_symbol,
        types.TEXT_DOCUMENT_CODE_ACTION: session.code_action,
    }
    for method, handler in handlers.items():
        server.feature(method)(_function(handler))
    server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions())(
        _function(session.completion)
    )
    server.command(drafts.COMMAND)(_function(session.add_draft))
    return server, session


def _function(handler: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A plain function calling `handler` (pygls marks its handlers with attributes, which a
    bound method cannot carry); a coroutine function for a coroutine method."""
    if inspect.iscoroutinefunction(handler):

        async def wait(params: Any) -> Any:
            return await handler(params)

        return wait

    def call(params: Any) -> Any:
        return handler(params)

    return call


def serve(termbases: TermBases) -> int:
    """Serve over stdin/stdout until the client sends `exit` or closes stdin; the exit status
    (`Session.exit_status`)."""
    stdout = cast(BinaryIO, Unclosed(sys.stdout.buffer))
    server, session = build(termbases)
    server.start_io(sys.stdin.buffer, stdout)
    return session.exit_status()
