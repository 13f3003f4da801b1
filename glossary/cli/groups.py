"""The command groups: help that gives command summaries in full (wrapped, never cut with
`...`), and commands imported only when they are used."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

import click
from typer.core import TyperGroup

# click 8.2+ suggests a close command itself (NoSuchCommand); typer 0.24 adds its own too.
_CLICK_SUGGESTS = hasattr(click.exceptions, "NoSuchCommand")


class HelpGroup(TyperGroup):
    """A Typer group whose command list gives each command's whole first sentence, and one
    "Did you mean" for a mistyped command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if _CLICK_SUGGESTS:
            kwargs["suggest_commands"] = False
        super().__init__(*args, **kwargs)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            rows.append((name, command.get_short_help_str(limit=10_000)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands by name, in a fixed order, each built when it is first asked for:
    `build(module)` imports the module that defines a command and returns the commands it
    registers. Running one command imports only its module; `--help`, completion of command
    names with their help, and a walk over `items()` build them all (and give the same
    commands, in the same order, as registering every module up front)."""

    def __init__(
        self, modules: Mapping[str, str], build: Callable[[str], Mapping[str, click.Command]]
    ) -> None:
        self._modules = dict(modules)  # command name -> the module that registers it
        self._build = build
        self._built: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._built:
            module = self._modules[name]  # KeyError: no such command (`get` gives None)
            built = self._build(module)
            if name not in built:
                raise LookupError(f"glossary.cli.{module} registers no command {name!r}")
            self._built.update(built)
        return self._built[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._modules.setdefault(name, "")
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._modules[name]
        self._built.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)

    def __contains__(self, name: object) -> bool:
        return name in self._modules


class LazyGroup(HelpGroup):
    """A HelpGroup whose commands are `LazyCommands`, listed without being built."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # TyperGroup's walks items(), which would build them all
