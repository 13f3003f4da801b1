"""A real LSP client (pytest-lsp's) driving `glossary lsp` as a subprocess over stdio."""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import LanguageClient
from pytest_lsp.client import make_test_lsp_client


def glossary_command() -> list[str]:
    """The installed `glossary` console script beside this Python (as a user runs it)."""
    beside = Path(sys.executable).parent / "glossary"
    found = str(beside) if beside.exists() else shutil.which("glossary")
    assert found, "the glossary command is not installed (pip install -e .)"
    return [found]


def capabilities(
    encodings: Sequence[str] | None = None, markdown: bool = True
) -> types.ClientCapabilities:
    general = None
    if encodings:
        kinds = [types.PositionEncodingKind(encoding) for encoding in encodings]
        general = types.GeneralClientCapabilities(position_encodings=kinds)
    formats = [types.MarkupKind.Markdown, types.MarkupKind.PlainText] if markdown else None
    return types.ClientCapabilities(
        general=general,
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
        ),
        text_document=types.TextDocumentClientCapabilities(
            hover=types.HoverClientCapabilities(content_format=formats),
            completion=types.CompletionClientCapabilities(
                completion_item=types.ClientCompletionItemOptions(documentation_format=formats)
            ),
        ),
    )


@asynccontextmanager
async def server(
    *args: str,
    encodings: Sequence[str] | None = None,
    options: dict[str, Any] | None = None,
    markdown: bool = True,
    root: Path | None = None,
) -> AsyncIterator[tuple[LanguageClient, types.InitializeResult]]:
    """`glossary lsp ARGS` started, initialized (with `root` as the workspace folder), and
    shut down cleanly on leaving."""
    client = make_test_lsp_client()
    await client.start_io(*glossary_command(), "lsp", *args)
    try:
        result = await client.initialize_session(
            types.InitializeParams(
                capabilities=capabilities(encodings, markdown),
                root_uri=root.as_uri() if root else None,
                initialization_options={"debounce": 50, **(options or {})},
            )
        )
        yield client, result
        await client.shutdown_session()
    finally:
        if client._server is not None and client._server.returncode is None:
            client._server.kill()  # a test that failed half-way did not shut it down
        await client.stop()


def open_document(client: LanguageClient, uri: str, text: str, language: str = "plaintext") -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )


async def hover(client: LanguageClient, uri: str, line: int, character: int) -> types.Hover | None:
    return await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )


def hover_text(found: types.Hover | None) -> str:
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def complete(
    client: LanguageClient, uri: str, line: int, character: int
) -> types.CompletionList:
    found = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    assert isinstance(found, types.CompletionList)
    return found


async def published(
    client: LanguageClient, uri: str, ready: Callable[[Sequence[types.Diagnostic]], bool]
) -> list[types.Diagnostic]:
    """The diagnostics of `uri` once they satisfy `ready` (the last ones seen, after a while)."""
    for _ in range(600):
        found = client.diagnostics.get(uri)
        if found is not None and ready(found):
            return list(found)
        await asyncio.sleep(0.05)
    return list(client.diagnostics.get(uri, []))
