"""`glossary lsp` end to end: pytest-lsp's client drives the real server over stdio."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pytest_lsp import LanguageClient

from glossary.model import Term

from .conftest import TRICKY
from .lsp_client import (
    complete,
    glossary_command,
    hover,
    hover_text,
    open_document,
    server,
)

pytestmark = [pytest.mark.asyncio(loop_scope="module"), pytest.mark.usefixtures("warm_cache")]
URI = "file:///tmp/draft.txt"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def shared(_warm_cache: Path) -> AsyncIterator[LanguageClient]:
    """One server on the bundled term base for the tests that only read (each opens its own
    document), so the suite starts a few processes, not one per test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(_warm_cache))
        patch.delenv("GLOSSARY_TERMBASE", raising=False)
        async with server() as (client, _):
            yield client


def uri(name: str) -> str:
    return f"file:///tmp/{name}.txt"


async def test_hover_shows_the_card_of_the_term_under_the_cursor(
    shared: LanguageClient, bundled_terms: tuple[Term, ...]
) -> None:
    (term,) = [term for term in bundled_terms if term.headword == "艺术乡建"]
    client, doc = shared, uri("hover_shows_the_card")
    open_document(client, doc, "今年推进艺术乡建。\n")
    found = await hover(client, doc, 0, 5)
    card = hover_text(found)
    assert card.startswith("**艺术乡建** yìshù xiāngjiàn  \n*art-led rural revitalization*")
    assert f"\n\n{term.definition_zh}\n\n" in card
    assert f"\n\n{term.definition_en}\n\n" in card
    assert card.endswith("`complete` · term base `terms` · id `yishuxiangjian`")
    assert found is not None and found.range == types.Range(
        types.Position(0, 4), types.Position(0, 8)
    )
    assert await hover(client, doc, 0, 1) is None


async def test_a_client_that_reads_no_markdown_gets_plain_text_cards() -> None:
    async with server(markdown=False) as (client, _):
        doc = uri("plain_cards")
        open_document(client, doc, "今年推进艺术乡建。\n")
        found = await hover(client, doc, 0, 5)
        assert found is not None and isinstance(found.contents, types.MarkupContent)
        assert found.contents.kind == types.MarkupKind.PlainText
        assert found.contents.value.startswith("艺术乡建 yìshù xiāngjiàn\nart-led rural")
        assert "**" not in found.contents.value
        typed = uri("plain_completion")
        open_document(client, typed, "ysxj")
        first = (await complete(client, typed, 0, 4)).items[0]
        assert first.label == "艺术乡建" and isinstance(first.documentation, str)
        assert first.documentation.startswith("艺术乡建 yìshù xiāngjiàn\n")


async def test_hover_finds_a_term_broken_by_a_line_break_or_in_quotes_or_in_english(
    shared: LanguageClient,
) -> None:
    text = "推进艺术\n乡建和“EOD模式”。\nWe pursue art-led rural revitalization."
    client, doc = shared, uri("hover_finds_a_term_b")
    open_document(client, doc, text)
    broken = await hover(client, doc, 1, 0)
    assert "**艺术乡建**" in hover_text(broken)
    assert broken is not None and broken.range.start == types.Position(0, 2)
    assert broken.range.end == types.Position(1, 2)
    alias = await hover(client, doc, 1, 5)  # EOD模式 is an alias of EOD
    assert hover_text(alias).startswith("**EOD**")
    assert alias is not None
    assert alias.range == types.Range(types.Position(1, 4), types.Position(1, 9))
    assert "**艺术乡建**" in hover_text(await hover(client, doc, 2, 15))


async def test_an_astral_character_before_a_term_counts_in_utf16_by_default(
    shared: LanguageClient,
) -> None:
    # "😀" is 2 UTF-16 units: 艺术乡建 spans UTF-16 columns 3 to 7, code points 2 to 6.
    client, doc = shared, uri("astral_utf16")
    open_document(client, doc, "😀 艺术乡建")
    found = await hover(client, doc, 0, 3)
    assert "**艺术乡建**" in hover_text(found)
    assert found is not None
    assert found.range == types.Range(types.Position(0, 3), types.Position(0, 7))
    assert await hover(client, doc, 0, 2) is None


@pytest.mark.parametrize(("encodings", "start", "end"), [(["utf-32"], 2, 6), (["utf-8"], 5, 17)])
async def test_an_astral_character_before_a_term_counts_in_the_negotiated_encoding(
    encodings: list[str], start: int, end: int
) -> None:
    # "😀" is 1 code point and 4 UTF-8 bytes; each hanzi 1 and 3.
    async with server(encodings=[*encodings, "utf-16"]) as (client, result):
        assert result.capabilities.position_encoding == encodings[0]
        open_document(client, URI, "😀 艺术乡建")
        found = await hover(client, URI, 0, start)
        assert "**艺术乡建**" in hover_text(found)
        assert found is not None
        assert found.range == types.Range(types.Position(0, start), types.Position(0, end))
        assert await hover(client, URI, 0, start - 1) is None


async def test_completion_from_pinyin_initials_and_english(shared: LanguageClient) -> None:
    client, doc = shared, uri("completion_from_piny")
    open_document(client, doc, "推进ysxj\n推进yishuxiang\nart-led\nWe pursue art-led")
    by_initials = await complete(client, doc, 0, 6)
    first = by_initials.items[0]
    assert first.label == "艺术乡建"
    assert first.detail == "art-led rural revitalization · yìshù xiāngjiàn"
    assert first.text_edit == types.TextEdit(
        range=types.Range(types.Position(0, 2), types.Position(0, 6)), new_text="艺术乡建"
    )
    by_pinyin = await complete(client, doc, 1, 13)
    assert by_pinyin.items[0].label == "艺术乡建"
    in_english = await complete(client, doc, 3, 17)
    assert in_english.items[0].label == "art-led rural revitalization"
    assert in_english.items[0].detail == "艺术乡建 · yìshù xiāngjiàn"
    nothing = await complete(client, doc, 0, 2)
    assert list(nothing.items) == []


async def test_completion_while_typing_fast_answers_the_last_keystroke(
    shared: LanguageClient,
) -> None:
    """Keystrokes sent faster than they are answered: each change and completion request is
    sent before any answer comes. A request that a newer keystroke has made stale may be
    answered with an empty incomplete list (the client asks again); the last one is answered
    in full."""
    client, doc = shared, uri("completion_while_typ")
    open_document(client, doc, "推进y")
    asked = []
    for version, char in enumerate("ishuxiang", 2):
        column = version + 1
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(0, column), types.Position(0, column)),
                        text=char,
                    )
                ],
            )
        )
        position = types.Position(0, column + 1)
        params = types.CompletionParams(types.TextDocumentIdentifier(doc), position)
        asked.append(asyncio.wrap_future(client.text_document_completion(params)))
    answers = [await answer for answer in asked]
    assert all(isinstance(answer, types.CompletionList) for answer in answers)
    assert all(answer.items or answer.is_incomplete for answer in answers)  # type: ignore[union-attr]
    last = answers[-1]
    assert isinstance(last, types.CompletionList) and last.items[0].label == "艺术乡建"
    assert last.items[0].text_edit == types.TextEdit(
        range=types.Range(types.Position(0, 2), types.Position(0, 12)), new_text="艺术乡建"
    )


async def test_completion_follows_lookups_order(shared: LanguageClient) -> None:
    import glossary

    client, doc = shared, uri("completion_follows_l")
    open_document(client, doc, "推进gongcheng")
    offered = await complete(client, doc, 0, 11)
    looked_up = [match.term for match in glossary.open().lookup("gongcheng", 20)]
    assert len(looked_up) > 1
    assert [item.label for item in offered.items] == [term.headword for term in looked_up]
    assert [(item.data or {})["id"] for item in offered.items] == [t.id for t in looked_up]
    assert [item.sort_text for item in offered.items] == sorted(
        item.sort_text or "" for item in offered.items
    )


async def test_an_incremental_change_is_applied_before_the_next_hover(
    shared: LanguageClient,
) -> None:
    client, doc = shared, uri("an_incremental_chang")
    open_document(client, doc, "😀推进工作。\n第二行")
    assert await hover(client, doc, 0, 4) is None
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(0, 4), types.Position(0, 6)),
                    text="艺术乡建",
                ),
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(1, 0), types.Position(1, 0)),
                    text="EOD ",
                ),
            ],
        )
    )
    assert "**艺术乡建**" in hover_text(await hover(client, doc, 0, 5))
    assert "**EOD**" in hover_text(await hover(client, doc, 1, 1))


async def test_a_change_past_the_end_of_the_last_line_is_made_at_its_end(
    shared: LanguageClient,
) -> None:
    """As the specification says (a character past the line's end is its end); pygls moves such
    a position back by one character in place, which the server's text must not follow."""
    client, doc = shared, uri("a_change_past_the_en")
    open_document(client, doc, "推进艺术乡建")
    past = types.Position(0, 99)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=types.Range(past, past), text="。EOD")
            ],
        )
    )
    assert "**艺术乡建**" in hover_text(await hover(client, doc, 0, 3))  # 推进艺术乡建。EOD
    assert "**EOD**" in hover_text(await hover(client, doc, 0, 8))


async def test_document_symbols_list_the_terms_used_in_order(shared: LanguageClient) -> None:
    client, doc = shared, uri("document_symbols_lis")
    open_document(client, doc, "EOD和艺术乡建。\n再说EOD。")
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=doc))
    )
    assert found is not None
    names = [(s.name, s.detail) for s in found if isinstance(s, types.DocumentSymbol)]
    assert names == [
        ("EOD", "EOD · Eco-environment-Oriented Development ×2"),
        ("艺术乡建", "yìshù xiāngjiàn · art-led rural revitalization ×1"),
    ]
    (eod, _) = found
    assert isinstance(eod, types.DocumentSymbol) and eod.children
    assert [child.range.start for child in eod.children] == [
        types.Position(0, 0),
        types.Position(1, 2),
    ]


async def test_a_replace_action_edits_the_diagnostics_span(shared: LanguageClient) -> None:
    diagnostic = types.Diagnostic(
        range=types.Range(types.Position(0, 2), types.Position(0, 5)),
        message="deprecated",
        code="deprecated",
        source="glossary",
        data={"term": "eod", "replacement": "GEP"},
    )
    client, doc = shared, uri("a_replace_action_edi")
    open_document(client, doc, "推进EOD模式")
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=doc),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert found is not None
    titles = [action.title for action in found]
    assert titles == ["Replace with GEP", "Add 'EOD' to the term base as a draft"]
    action = found[0]
    assert isinstance(action, types.CodeAction)
    assert action.edit is not None and action.edit.document_changes
    (change,) = action.edit.document_changes
    assert isinstance(change, types.TextDocumentEdit)
    assert change.text_document.version == 1
    assert list(change.edits) == [types.TextEdit(range=diagnostic.range, new_text="GEP")]


async def test_a_term_base_edited_on_disk_is_used_without_a_restart_and_shutdown_exits_0(
    tmp_path: Path,
) -> None:
    termbase = tmp_path / "mine.yaml"
    shutil.copy(TRICKY, termbase)
    async with server("--termbase", str(termbase)) as (client, _):
        open_document(client, URI, "推进艺术乡建")
        assert "art-led rural revitalization" in hover_text(await hover(client, URI, 0, 3))
        text = termbase.read_text(encoding="utf-8")
        termbase.write_text(text.replace("art-led rural", "art-driven rural"), encoding="utf-8")
        card = hover_text(await hover(client, URI, 0, 3))
        assert "art-driven rural revitalization" in card
        assert "term base `mine`" in card
        termbase.write_text("terms: [", encoding="utf-8")  # broken half-way through an edit
        card = hover_text(await hover(client, URI, 0, 3))
        assert "art-driven rural revitalization" in card  # the last term base that loaded
        assert any("mine.yaml" in message.message for message in client.messages)
    assert client._server is not None
    assert client._server.returncode == 0  # after shutdown and exit


async def test_bad_input_gets_an_error_or_a_message_and_the_server_goes_on(
    shared: LanguageClient,
) -> None:
    client, doc = shared, uri("bad_input_gets_an_er")
    with pytest.raises(JsonRpcInvalidParams, match="not an open document"):
        await hover(client, "file:///nowhere.txt", 0, 0)
    open_document(client, "file:///tmp/binary.bin", "PK\x03\x04\x00\x00艺术乡建")
    assert await hover(client, "file:///tmp/binary.bin", 0, 8) is None
    assert any("binary.bin" in message.message for message in client.log_messages)
    open_document(client, doc, "艺术乡建")
    assert "**艺术乡建**" in hover_text(await hover(client, doc, 0, 1))
    client.text_document_did_change(  # a NUL typed into a text: it is not text any more
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=doc, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(0, 4), types.Position(0, 4)), text="\x00"
                )
            ],
        )
    )
    assert await hover(client, doc, 0, 1) is None
    assert any(doc in m.message and "binary" in m.message for m in client.log_messages)


def _framed(message: dict[str, Any] | bytes) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def _responses(stdout: bytes) -> dict[int, dict[str, Any]]:
    bodies = re.split(rb"Content-Length: \d+\r\n(?:[^\r\n]+\r\n)*\r\n", stdout)
    found = [json.loads(body) for body in bodies if body]
    return {message["id"]: message for message in found if "id" in message}


async def _talk(*messages: dict[str, Any] | bytes, close: bool = True) -> tuple[int, bytes]:
    """Write raw messages to `glossary lsp`, close its stdin, and wait for it to end."""
    process = await asyncio.create_subprocess_exec(
        *glossary_command(),
        "lsp",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, _ = await asyncio.wait_for(
        process.communicate(b"".join(_framed(message) for message in messages)), 60
    )
    assert process.returncode is not None
    return process.returncode, stdout


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}


async def test_a_malformed_request_gets_an_error_response() -> None:
    hover_without_position = {
        "jsonrpc": "2.0",
        "id": 2,
        "method": "textDocument/hover",
        "params": {"textDocument": {"uri": "file:///x.txt"}},
    }
    code, stdout = await _talk(
        INITIALIZE,
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        hover_without_position,
        b"{not json",
        {"jsonrpc": "2.0", "id": 3, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    )
    responses = _responses(stdout)
    assert "capabilities" in responses[1]["result"]
    assert responses[2]["error"]["code"] == -32602  # invalid params
    assert "position" in responses[2]["error"]["message"]
    assert responses[3]["result"] is None  # still answering after the garbage
    assert code == 0


async def test_exit_without_shutdown_first_is_exit_status_1() -> None:
    code, _ = await _talk(INITIALIZE, {"jsonrpc": "2.0", "method": "exit"})
    assert code == 1  # the protocol: 0 only if a shutdown request came first


async def test_the_server_exits_when_the_client_closes_its_stdin() -> None:
    code, stdout = await _talk(INITIALIZE)  # and no shutdown or exit: stdin just ends
    assert "capabilities" in _responses(stdout)[1]["result"]
    assert code == 0


async def test_the_selection_is_added_to_the_term_base_as_a_draft(tmp_path: Path) -> None:
    termbase = tmp_path / "mine.yaml"
    shutil.copy(TRICKY, termbase)
    async with server("--termbase", str(termbase)) as (client, _):
        open_document(client, URI, "推进五水共治。")
        selection = types.Range(types.Position(0, 2), types.Position(0, 6))
        assert await hover(client, URI, 0, 3) is None
        found = await client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=URI),
                range=selection,
                context=types.CodeActionContext(diagnostics=[]),
            )
        )
        assert found is not None
        (action,) = found
        assert isinstance(action, types.Command)
        assert action.title == "Add '五水共治' to the term base as a draft"
        await client.workspace_execute_command_async(
            types.ExecuteCommandParams(command=action.command, arguments=action.arguments)
        )
        card = hover_text(await hover(client, URI, 0, 3))  # the term base was reloaded
    assert card.startswith("**五水共治**")
    assert "`draft` · term base `mine`" in card
    written = termbase.read_text(encoding="utf-8")
    assert "headword: 五水共治" in written and "status: draft" in written
    assert "headword: 艺术乡建" in written  # the rest of the term base is kept
