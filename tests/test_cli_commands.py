"""The command table: every command is listed, built from the module that registers it, and a
command that runs imports no other command's module."""

from __future__ import annotations

import importlib
import subprocess
import sys

import typer
from typer.testing import CliRunner

from glossary.cli import COMMANDS, app


def test_each_module_registers_exactly_the_commands_the_table_gives_it() -> None:
    for module in sorted(set(COMMANDS.values())):
        eager = typer.Typer()
        importlib.import_module(f"glossary.cli.{module}").register(eager)
        registered = list(typer.main.get_group(eager).commands)
        assert registered == [name for name, owner in COMMANDS.items() if owner == module]


def test_help_lists_the_commands_in_the_tables_order(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    section = result.stdout.split("Commands:\n")[1].split("\n\n")[0]
    listed = [line.split()[0] for line in section.splitlines() if not line.startswith("   ")]
    assert (result.exit_code, listed) == (0, list(COMMANDS))


def test_an_unknown_command_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["lookp", "EOD"])
    assert result.exit_code == 2
    assert "No such command 'lookp'" in result.stderr and "Did you mean 'lookup'?" in result.stderr
    assert result.stderr.count("Did you mean") == 1


def test_a_lookup_imports_no_other_commands_module() -> None:
    script = (
        "import sys\n"
        "from glossary.cli import main\n"
        "sys.argv = ['glossary', 'lookup', 'EOD']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print(' '.join(m for m in sys.modules if m.startswith('glossary.cli.')),"
        " file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0 and "EOD" in done.stdout
    loaded = {name.removeprefix("glossary.cli.") for name in done.stderr.split()}
    assert "lookup" in loaded
    assert not loaded & (set(COMMANDS.values()) - {"lookup"})
