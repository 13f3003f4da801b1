"""Commands generated from a registry entry: a function given the signature Typer reads its
arguments and options from (shared by `glossary export` and `glossary import`)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence


def as_command(
    call: Callable[..., None], parameters: Sequence[inspect.Parameter], name: str, summary: str
) -> Callable[..., None]:
    """`call` presented to Typer as a command named `name` taking `parameters`, with `summary`
    as its help."""
    call.__signature__ = inspect.Signature(list(parameters))  # type: ignore[attr-defined]
    call.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
    call.__doc__ = summary
    call.__name__ = name
    return call
