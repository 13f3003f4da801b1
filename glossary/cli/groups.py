"""The command groups: help that gives command summaries in full (wrapped, never cut with
`...`), and commands imported only when they are used."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping

import click
from typer.core import TyperGroup


class HelpGroup(TyperGroup):
    """A Typer group whose command list gives each command's whole first sentence."""

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
