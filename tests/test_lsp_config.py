"""`glossary.toml` in the workspace root names the source of a translation, as the
initialization option `translations` does; a broken file is said in the editor (a message and a
log line) and the server goes on serving."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytest_lsp import LanguageClient

from .conftest import FIXTURES
from .lsp_client import hover, open_document, published, server

pytestmark = pytest.mark.asyncio(loop_scope="function")
TERMBASE = FIXTURES / "check" / "termbase.yaml"
PAIR = '[[translations]]\nsource = "report.zh.txt"\ntarget = "out/report.en.txt"\n'
TRANSLATION = "We assess the six project rates.\nWe push it.\n"


@pytest.fixture(scope="module")
def _cache(tmp_path_factory: pytest.TempPathFactory, _jieba_dictionary: Path) -> Path:
    """One cache for the module's servers (the index of the term base is built once)."""
    cache = tmp_path_factory.mktemp("lsp-config-cache")
    (cache / _jieba_dictionary.name).symlink_to(_jieba_dictionary)
    return cache


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _cache: Path) -> Path:
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(_cache))
    root = tmp_path / "project"
    (root / "out").mkdir(parents=True)
    (root / "report.zh.txt").write_text("推进项目六率考核。\n抓好增值化改革。\n", encoding="utf-8")
    return root


def said(client: LanguageClient) -> list[str]:
    """What the server showed the user, each also in its log."""
    shown = [message.message for message in client.messages]
    logged = {message.message for message in client.log_messages}
    assert all(message in logged for message in shown)
    return shown


async def test_a_translation_named_in_glossary_toml_is_checked_with_its_source(
    workspace: Path,
) -> None:
    (workspace / "glossary.toml").write_text(PAIR, encoding="utf-8")
    async with server("--termbase", str(TERMBASE), root=workspace) as (client, _):
        uri = (workspace / "out" / "report.en.txt").as_uri()
        open_document(client, uri, TRANSLATION)
        found = await published(client, uri, bool)
        assert said(client) == []
    assert [str(diagnostic.code) for diagnostic in found] == ["missing-translation"]
    assert found[0].range.start.line == 1  # the aligned line of the translation
    assert "增值化改革" in found[0].message


async def test_without_glossary_toml_a_translation_is_checked_alone(workspace: Path) -> None:
    async with server("--termbase", str(TERMBASE), root=workspace) as (client, _):
        uri = (workspace / "out" / "report.en.txt").as_uri()
        open_document(client, uri, TRANSLATION + "Count the six project ratios.\n")
        found = await published(client, uri, bool)
    assert [str(diagnostic.code) for diagnostic in found] == ["deprecated-term"]


BAD = [
    (
        "[[translations]\nsource = 1",
        "not read (Expected ']]' at the end of an array declaration (at line 1, column 15))",
    ),
    (b"\xff\xfe[[", "not read ("),
    ('translations = "report.zh.txt"', "translations: give a list of {source, target} tables"),
    ('[[translations]]\nsource = "report.zh.txt"\n', "entry 1: give source and target as paths"),
    ('[[translation]]\nsource = "a"', "unknown setting 'translation' (known: translations)"),
    ('[[translations]]\nsource = "a"\ntarget = "b\\u0000c"\n', "entry 1: give source and target"),
    ("x = " + "[" * 5_000 + "]" * 5_000, "not read (nested too deeply)"),
]


async def test_a_bad_glossary_toml_is_said_and_the_server_goes_on(workspace: Path) -> None:
    """Each bad file in turn (the server reads the file again when a document is opened after
    it changed): one message about it, naming the file, and hover still answered."""
    config = workspace / "glossary.toml"

    def write(content: str | bytes) -> None:
        config.write_bytes(content.encode() if isinstance(content, str) else content)

    write(BAD[0][0])  # read as the server starts
    async with server("--termbase", str(TERMBASE), root=workspace) as (client, _):
        for number, (content, message) in enumerate(BAD):
            if number:
                write(content)
            uri = (workspace / f"draft{number}.txt").as_uri()
            open_document(client, uri, "推进项目六率考核。")
            card = await hover(client, uri, 0, 3)
            assert card is not None  # still serving
            shown = said(client)
            assert len(shown) == number + 1, shown
            assert shown[-1].startswith(f"{config}: ") and message in shown[-1], shown[-1]


async def test_glossary_toml_edited_while_running_is_read_again(workspace: Path) -> None:
    async with server("--termbase", str(TERMBASE), root=workspace) as (client, _):
        (workspace / "glossary.toml").write_text(PAIR, encoding="utf-8")
        uri = (workspace / "out" / "report.en.txt").as_uri()
        open_document(client, uri, TRANSLATION)
        found = await published(client, uri, bool)
    assert [str(diagnostic.code) for diagnostic in found] == ["missing-translation"]


async def test_a_glossary_toml_that_is_no_regular_file_is_said_not_waited_on(
    workspace: Path,
) -> None:
    """A FIFO would block the server's start for ever (nothing writes to it)."""
    config = workspace / "glossary.toml"
    os.mkfifo(config)
    async with server("--termbase", str(TERMBASE), root=workspace) as (client, _):
        uri = (workspace / "draft.txt").as_uri()
        open_document(client, uri, "推进项目六率考核。")
        assert await hover(client, uri, 0, 3) is not None
        assert said(client) == [
            f"{config}: not read (not a regular file); its translations are not used"
        ]
