"""The standard streams and arguments as a shell can break them, through real processes: a full
disk on stdout (/dev/full), a closed stdout or stdin, a file size limit, arguments that are not
UTF-8. Each is one `error:` line and a non-zero exit, never a traceback."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import SOURCE, TRICKY

GLOSSARY = [sys.executable, "-c", "from glossary.cli import run; run()"]  # the console script
FULL = Path("/dev/full")
needs_dev_full = pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this platform")


@pytest.fixture(scope="module", autouse=True)
def shared_cache(
    tmp_path_factory: pytest.TempPathFactory, _jieba_dictionary: Path
) -> Iterator[None]:
    """One cache folder for the module's processes, so the index is built once, not per test."""
    folder = tmp_path_factory.mktemp("streams-cache")
    (folder / _jieba_dictionary.name).symlink_to(_jieba_dictionary)
    SHARED["GLOSSARY_CACHE_DIR"] = str(folder)
    yield
    SHARED.clear()


SHARED: dict[str, str] = {}


def glossary(
    *args: str | bytes,
    stdin: int | None = None,
    stdout: int | None = None,
    env: dict[str, str] | None = None,
    **options: object,
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*GLOSSARY, *args],
        stdin=stdin,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        check=False,
        env={**(env or os.environ), **SHARED},
        **options,  # type: ignore[call-overload]
    )


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, err
    return lines[0]


@needs_dev_full
@pytest.mark.parametrize(
    "command",
    [
        ["lookup", "EOD"],
        ["list"],
        ["show", "eod"],
        ["export", "json"],
        ["export", "csv"],
        ["annotate", str(SOURCE)],
        ["import", "csv", str(Path(__file__).parent / "golden" / "tricky.csv")],
        ["--version"],
        ["--help"],
        ["lookup", "--help"],
    ],
    ids=" ".join,
)
def test_a_full_disk_on_stdout_is_one_error_line(command: list[str]) -> None:
    with FULL.open("wb") as full:
        result = glossary(*command, stdout=full.fileno())
    assert result.returncode == 4
    assert one_error_line(result) == (
        "error: the output could not be written: No space left on device"
    )


def test_a_closed_stdout_is_an_error_but_a_file_is_still_written(tmp_path: Path) -> None:
    closed = glossary("list", stdout=subprocess.DEVNULL, pass_fds=(), close_fds=True,
                      preexec_fn=lambda: os.close(1))  # fmt: skip
    assert closed.returncode == 4
    assert one_error_line(closed) == (
        "error: the output could not be written: standard output is closed"
    )
    target = tmp_path / "terms.json"
    written = glossary("export", "json", "-o", str(target), preexec_fn=lambda: os.close(1))
    assert written.returncode == 0 and target.read_text(encoding="utf-8").startswith("[")


@pytest.mark.parametrize("command", [["lookup", "-"], ["annotate"], ["annotate", "-"]])
def test_a_closed_stdin_is_one_error_line(command: list[str]) -> None:
    result = glossary(*command, preexec_fn=lambda: os.close(0))
    assert result.returncode == 2
    assert one_error_line(result) == (
        "error: standard input is closed: give a file, or pipe the text in"
    )


@pytest.mark.parametrize(
    ("argument", "shown"),
    [
        (["lookup", b"\xff\xfe"], r"\xff\xfe"),
        (["show", b"\xff"], r"\xff"),
        (["lookup", b"EOD\xed\xa0\x80"], r"EOD\xed\xa0\x80"),
    ],
)
def test_arguments_that_are_not_utf8(argument: list[str | bytes], shown: str) -> None:
    result = glossary(*argument)
    assert result.returncode == 2 and result.stdout == b""
    assert one_error_line(result) == (
        f"error: argument '{shown}' is not valid UTF-8 text; give the argument in UTF-8"
    )


def _file_size_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


@pytest.mark.parametrize(("fmt", "name"), [("anki", "deck.apkg"), ("json", "terms.json")])
def test_a_file_size_limit_keeps_the_previous_file(tmp_path: Path, fmt: str, name: str) -> None:
    target = tmp_path / name
    target.write_text("previous\n", encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    result = glossary("export", fmt, "-o", str(target), env=env, preexec_fn=_file_size_limit)
    assert result.returncode == 4
    assert "File too large" in one_error_line(result) or "disk I/O error" in one_error_line(result)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == [name]  # nothing left behind


def test_export_anki_leaves_no_temporary_database(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    result = glossary("export", "anki", "-o", str(tmp_path / "deck.apkg"), env=env)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_closed_pipe_stays_quiet() -> None:
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert reader.stdin is not None
    result = glossary("-t", str(TRICKY), "export", "json", stdout=reader.stdin.fileno())
    reader.stdin.close()
    reader.wait()
    assert result.returncode == 0 and result.stderr == b""
