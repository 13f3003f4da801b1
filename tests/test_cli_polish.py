"""What a new user meets in the help and at the prompt: whole command summaries, the
environment variables, shell completion (with term ids for `show`), and an option a command
would ignore refused."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app

from .conftest import TRICKY


@pytest.mark.parametrize("group", [[], ["import"], ["export"]])
def test_command_summaries_are_whole(runner: CliRunner, group: list[str]) -> None:
    result = runner.invoke(app, [*group, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:")[1]
    assert "..." not in commands and "…" not in commands


def test_the_top_level_help_lists_the_environment(runner: CliRunner) -> None:
    out = runner.invoke(app, ["--help"]).stdout
    for variable in ("GLOSSARY_TERMBASE", "GLOSSARY_CACHE_DIR", "GLOSSARY_TERMINAL", "NO_COLOR"):
        assert f"  {variable}  " in out
    assert "--install-completion" in out and "--show-completion" in out


def test_lookup_help_says_dash_reads_stdin_and_how_it_exits(runner: CliRunner) -> None:
    out = " ".join(runner.invoke(app, ["lookup", "--help"]).stdout.split())
    assert "'-' reads one query per line from stdin" in out
    assert "Exits 0 when any query found something" in out and "--strict" in out


def test_every_argument_has_a_description(runner: CliRunner) -> None:
    import click
    import typer

    def leaves(command: click.Command) -> list[click.Command]:
        if isinstance(command, click.Group):
            return [leaf for sub in command.commands.values() for leaf in leaves(sub)]
        return [command]

    for command in leaves(typer.main.get_command(app)):
        for param in command.params:
            assert getattr(param, "help", None), f"{command.name}: {param.name} has no help"


def test_a_termbase_given_to_import_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["-t", str(TRICKY), "import", "csv", "x.csv"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("error: --termbase does not apply to import")


def test_show_completes_term_ids_from_the_index(runner: CliRunner) -> None:
    assert runner.invoke(app, ["-t", str(TRICKY), "list"]).exit_code == 0
    env = {
        **os.environ,
        "_GLOSSARY_COMPLETE": "complete_bash",
        "COMP_WORDS": f"glossary -t {TRICKY} show yi",
        "COMP_CWORD": "4",
    }
    command = [str(Path(sys.executable).with_name("glossary"))]  # completion knows it by name
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert (result.stdout.split(), result.stderr) == (["yishu-xiangjian"], "")
