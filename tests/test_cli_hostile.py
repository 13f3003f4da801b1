"""Every command, found by walking the real command tree, against hostile input: a binary file,
invalid UTF-8, a term base full of Rich markup and control characters, a closed stdin, an
unwritable stdout. Each run ends in a clean success or one `error:` line with a non-zero exit;
never a traceback. stdin and stdout are broken for real, in subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from glossary.cli import app

from .conftest import BUNDLED, FIXTURES, GOLDEN, SOURCE, TRICKY

GLOSSARY = [sys.executable, "-c", "from glossary.cli import main; main()"]

FINE_FILES = {
    "annotate": SOURCE,
    "validate": TRICKY,
    "import appendix": FIXTURES / "appendix-second.txt",
    "import csv": GOLDEN / "tricky.csv",
    "import tsv": GOLDEN / "tricky.tsv",
    "import tbx": GOLDEN / "tricky.tbx",
    "import cedict": FIXTURES / "cedict-slice.txt",
    "check": FIXTURES / "check" / "draft.md",
    "extract": SOURCE,
}
"""A file each command taking one reads successfully (a new command must be added here)."""

MARKUP_TERMBASE = """version: 1
terms:
- id: markup
  headword: 标记
  pinyin: biāojì
  en: "[bold]bold[/bold] [link=https://example.com]link[/link] [/] \\x1b]8;;https://x\\x07"
  aliases:
  - "[red]红[/red]"
  definition:
    zh: "[/]闭合\\x1b[31m红"
    en: "ESC \\x1b[2J and [pin1 yin1] and \\x9b"
"""


def leaf_commands() -> Iterator[tuple[str, click.Command]]:
    def walk(command: click.Command, path: tuple[str, ...]) -> Iterator[tuple[str, click.Command]]:
        if isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                yield from walk(sub, (*path, name))
        else:
            yield " ".join(path), command

    return walk(typer.main.get_command(app), ())


LEAVES = list(leaf_commands())
NAMES = [name for name, _ in LEAVES]


def arguments(name: str, command: click.Command, tmp: Path, file: Path | None = None) -> list[str]:
    """Arguments that make `command` do its ordinary work (with `file` for its file, if any)."""
    args = name.split()
    for param in command.params:
        if isinstance(param, click.Argument):
            if param.name == "queries":
                args.append("EOD")
            elif param.name in ("term", "key"):
                args.append("eod")
            elif param.name == "headword":
                args.append("新词")
            else:
                assert name in FINE_FILES, f"add a readable file for '{name}' to FINE_FILES"
                args.append(str(file or FINE_FILES[name]))
        elif param.name == "output" and name == "export anki":  # the one required option
            args += ["-o", str(tmp / "deck.apkg")]
    if name in ("add", "edit", "remove"):  # show the change, write nothing
        args += ["--en", "new word"] if name == "add" else ["--note", "x"] if name == "edit" else []
        args.append("--dry-run")
    return args


def assert_clean(code: int, err: str, what: str) -> None:
    assert "Traceback" not in err, f"{what}: {err}"
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    if code == 0:
        assert errors == [], what
    else:
        assert len(errors) == 1 and err.endswith("\n"), f"{what}: {err!r}"


def test_the_walk_finds_every_command() -> None:
    assert {"lookup", "list", "show", "validate", "annotate", "import csv", "export anki"} <= set(
        NAMES
    )


@pytest.mark.parametrize(("name", "command"), LEAVES, ids=NAMES)
@pytest.mark.parametrize("content", [b"\x00\x01binary\x00" * 64, b"caf\xe9 \xff\xfe\n" * 8])
def test_a_binary_or_invalid_utf8_file(
    name: str, command: click.Command, content: bytes, tmp_path: Path
) -> None:
    """The file as the command's file argument and as its term base: refused in one line."""
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(content)
    runner = CliRunner()
    if name in FINE_FILES:
        result = runner.invoke(app, arguments(name, command, tmp_path, hostile))
        assert isinstance(result.exception, SystemExit | None), repr(result.exception)
        assert result.exit_code != 0
        assert_clean(result.exit_code, result.stderr, f"{name} FILE")
    if any(param.name == "termbase" for param in command.params):
        args = ["validate"] if name == "validate" else arguments(name, command, tmp_path)
        result = runner.invoke(app, ["-t", str(hostile), *args])
        assert isinstance(result.exception, SystemExit | None), repr(result.exception)
        assert result.exit_code != 0
        assert_clean(result.exit_code, result.stderr, f"{name} -t")


@pytest.mark.parametrize(("name", "command"), LEAVES, ids=NAMES)
@pytest.mark.parametrize("terminal", ["0", "1"])
def test_a_termbase_of_markup_and_control_characters(
    name: str, command: click.Command, terminal: str, tmp_path: Path
) -> None:
    """A term base that is legitimate YAML full of Rich markup and escapes: no crash (whether
    validate flags the control characters is the term base checker's business)."""
    if not any(param.name == "termbase" for param in command.params):
        pytest.skip(f"{name} takes no term base")
    base = tmp_path / "markup.yaml"
    base.write_text(MARKUP_TERMBASE, encoding="utf-8")
    args = arguments(name, command, tmp_path)
    if name in ("lookup", "show"):
        args[-1] = "标记" if name == "lookup" else "markup"
    result = CliRunner().invoke(
        app, ["-t", str(base), *args], env={"GLOSSARY_TERMINAL": terminal, "COLUMNS": "100"}
    )
    assert isinstance(result.exception, SystemExit | None), repr(result.exception)
    assert_clean(result.exit_code, result.stderr, name)


def _closed_stdin() -> None:
    os.close(0)


@pytest.fixture(scope="module")
def shared_env(tmp_path_factory: pytest.TempPathFactory, _jieba_dictionary: Path) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("hostile-cache")
    (folder / _jieba_dictionary.name).symlink_to(_jieba_dictionary)
    writable = folder / "terms.yaml"  # a copy of the bundled base that add/edit/remove may change
    writable.write_bytes(BUNDLED.read_bytes())
    return {**os.environ, "GLOSSARY_CACHE_DIR": str(folder), "GLOSSARY_TERMBASE": str(writable)}


@pytest.mark.parametrize(("name", "command"), LEAVES, ids=NAMES)
def test_closed_stdin_and_full_stdout(
    name: str, command: click.Command, tmp_path: Path, shared_env: dict[str, str]
) -> None:
    """Both at once, in one process: a command that reads stdin fails on it (exit 2), one that
    prints fails on stdout (exit 4), one that writes a file succeeds."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this platform")
    args = arguments(name, command, tmp_path)
    if name in ("lookup", "annotate", "check"):
        args[-1] = "-"  # read the closed stdin
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*GLOSSARY, *args], stdout=full, stderr=subprocess.PIPE, env=shared_env,
            check=False, preexec_fn=_closed_stdin,
        )  # fmt: skip
    err = result.stderr.decode()
    assert_clean(result.returncode, err, f"{name} <&- >/dev/full")
    if name in ("lookup", "annotate", "check"):
        assert (result.returncode, err.splitlines()[-1]) == (
            2,
            "error: standard input is closed: give a file, or pipe the text in",
        )
    elif name == "lsp":  # the protocol comes on stdin
        assert (result.returncode, err.splitlines()[-1]) == (
            2,
            "error: standard input is closed: an editor starts glossary lsp on a pipe",
        )
    elif name not in ("export anki", "validate", "check"):  # nothing on stdout when all is well
        assert (result.returncode, err.splitlines()[-1]) == (
            4,
            "error: the output could not be written: No space left on device",
        ), name
