"""`glossary lsp` diagnostics end to end: the check engine's findings published on open and
after incremental changes, the replace action applied, and a translation checked against its
source. The term base is the checker's test base (names of every status)."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient

from glossary.lsp.positions import apply_changes

from .conftest import FIXTURES, new_cache
from .lsp_client import open_document, published, server

pytestmark = pytest.mark.asyncio(loop_scope="module")
TERMBASE = FIXTURES / "check" / "termbase.yaml"
Diagnostics = Sequence[types.Diagnostic]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def checking(
    tmp_path_factory: pytest.TempPathFactory, _jieba_dictionary: Path
) -> AsyncIterator[LanguageClient]:
    cache = tmp_path_factory.mktemp("lsp-check-cache")
    (cache / _jieba_dictionary.name).symlink_to(_jieba_dictionary)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(cache))
        async with server("--termbase", str(TERMBASE)) as (client, _):
            yield client


def codes(found: Diagnostics) -> list[str]:
    return [str(diagnostic.code) for diagnostic in found]


def change(
    client: LanguageClient, uri: str, version: int, span: types.Range, text: str
) -> types.TextDocumentContentChangePartial:
    edit = types.TextDocumentContentChangePartial(range=span, text=text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[edit],
        )
    )
    return edit


def span(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))


async def test_findings_are_published_on_open_with_rule_term_and_replacement(
    checking: LanguageClient,
) -> None:
    uri = "file:///tmp/open.md"
    open_document(checking, uri, "😀推进项目六比率考核。\n")
    (diagnostic,) = await published(checking, uri, lambda found: bool(found))
    assert diagnostic.code == "forbidden-term"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.source == "glossary"
    assert diagnostic.range == span(0, 4, 9)  # 😀 is two UTF-16 units
    assert diagnostic.data == {"term": "xiangmuliulv", "replacement": "项目六率"}
    assert "项目六比率" in diagnostic.message


async def test_diagnostics_follow_incremental_changes(checking: LanguageClient) -> None:
    uri = "file:///tmp/changes.md"
    open_document(checking, uri, "推进项目六率考核。\n")
    assert await published(checking, uri, lambda found: True) == []
    change(checking, uri, 2, span(1, 0, 0), "We count six project ratios.")
    found = await published(checking, uri, lambda found: bool(found))
    assert codes(found) == ["deprecated-term"]
    assert found[0].range == span(1, 9, 27)
    change(checking, uri, 3, span(0, 2, 6), "项目六比率")
    found = await published(checking, uri, lambda found: len(found) == 2)
    assert codes(found) == ["forbidden-term", "deprecated-term"]
    assert found[0].range == span(0, 2, 7)


async def test_the_replace_action_fixes_the_finding(checking: LanguageClient) -> None:
    uri = "file:///tmp/fix.md"
    text = "推进项目六比率考核。"
    open_document(checking, uri, text)
    found = await published(checking, uri, lambda found: bool(found))
    actions = await checking.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=found[0].range,
            context=types.CodeActionContext(diagnostics=list(found)),
        )
    )
    assert actions is not None
    action = actions[0]
    assert isinstance(action, types.CodeAction)
    assert action.title == "Replace with 项目六率"
    assert action.edit is not None and action.edit.document_changes
    (edit,) = action.edit.document_changes
    assert isinstance(edit, types.TextDocumentEdit)
    (replace,) = edit.edits
    assert isinstance(replace, types.TextEdit)
    applied = change(checking, uri, 2, replace.range, replace.new_text)
    assert apply_changes(text, [applied]) == "推进项目六率考核。"
    assert await published(checking, uri, lambda found: not found) == []


async def test_a_translation_is_checked_against_its_source(tmp_path: Path) -> None:
    source, target = tmp_path / "report.zh.txt", tmp_path / "report.en.txt"
    source.write_text("推进项目六率考核。\n抓好增值化改革。\n", encoding="utf-8")
    target.write_text("", encoding="utf-8")
    pair = {"source": str(source), "target": str(target)}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(tmp_path / "cache")))
        async with server("--termbase", str(TERMBASE), options={"translations": [pair]}) as (
            client,
            _,
        ):
            uri = target.as_uri()
            open_document(client, uri, "We assess the six project rates.\nWe push it.\n")
            found = await published(client, uri, lambda found: bool(found))
    assert codes(found) == ["missing-translation"]
    assert found[0].range == span(1, 0, 11)  # the aligned line of the translation
    assert "增值化改革" in found[0].message


async def test_an_edited_term_base_checks_the_open_documents_again(tmp_path: Path) -> None:
    termbase = tmp_path / "names.yaml"
    shutil.copy(TERMBASE, termbase)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(tmp_path / "cache")))
        async with server("--termbase", str(termbase)) as (client, _):
            uri = "file:///tmp/edited.md"
            open_document(client, uri, "We count six project ratios.")
            found = await published(client, uri, lambda found: bool(found))
            assert codes(found) == ["deprecated-term"]
            text = termbase.read_text(encoding="utf-8")
            admitted = text.replace("  - name: six project ratios\n    status: deprecated\n", "")
            termbase.write_text(admitted, encoding="utf-8")
            # no request: the server notices the change by itself and publishes again
            assert await published(client, uri, lambda found: not found) == []
