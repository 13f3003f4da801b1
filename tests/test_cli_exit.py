"""The `glossary` console script (`glossary.cli:run`) ends the process without Python's
teardown: through real processes, it prints and exits exactly as `main()` does, the exit
functions still run, and a thread still running gets the ordinary exit."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points

import pytest

from .conftest import REPO

DRAFT = REPO / "tests" / "fixtures" / "check" / "draft.md"
TERMBASE = REPO / "tests" / "fixtures" / "check" / "termbase.yaml"


def python(code: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        check=False,
        env=dict(os.environ),
    )


RUN = "from glossary.cli import run; run()"
MAIN = "from glossary.cli import main; main()"


def test_the_console_script_is_run() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "glossary"]
    assert script.value == "glossary.cli:run"


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["check", "-t", str(TERMBASE), str(DRAFT), "--format", "json"], 1),  # findings
        (["check", "-t", str(TERMBASE), str(DRAFT), "--format", "sarif"], 1),
        (["lookup", "EOD", "--json"], 0),
        (["lookup", "qxqxqzzv", "--json"], 1),  # found nothing
        (["check", "-t", str(TERMBASE), "/no/such/file.txt"], 2),  # bad input
        (["lookp", "EOD"], 2),  # a usage error
        (["--version"], 0),
        ([], 2),  # help (no_args_is_help)
    ],
)
def test_run_prints_and_exits_as_main_does(args: list[str], status: int) -> None:
    quick, ordinary = python(RUN, *args), python(MAIN, *args)
    assert quick.returncode == ordinary.returncode == status
    assert quick.stdout == ordinary.stdout and quick.stderr == ordinary.stderr
    assert quick.stdout or quick.stderr


def test_run_gives_stdin_findings_and_their_exit_code() -> None:
    done = python(RUN, "check", "-t", str(TERMBASE), "-", stdin=b"the six project ratios\n")
    assert done.returncode == 1
    assert b"<stdin>:1:5: warning deprecated-term:" in done.stdout


def test_exit_functions_still_run() -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('exit function ran', file=sys.stderr))\n" + RUN
    )
    done = python(code, "--version")
    assert done.returncode == 0 and done.stdout.startswith(b"glossary ")
    assert done.stderr == b"exit function ran\n"


def test_a_running_thread_gets_the_ordinary_exit() -> None:
    code = (
        "import threading, time, sys\n"
        "def late():\n"
        "    time.sleep(0.3)\n"
        "    print('thread finished', flush=True)\n"
        "threading.Thread(target=late).start()\n" + RUN
    )
    done = python(code, "--version")
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == b"thread finished"
