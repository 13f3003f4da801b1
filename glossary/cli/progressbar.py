"""A Rich progress bar for long jobs, on stderr and only when stderr is a terminal.

The core reports `progress(stage, done, total)` (see glossary.progress); each stage becomes a
row of the bar. In a pipe, or under a test runner, there is no bar and nothing changes.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from glossary.progress import Progress


def wanted(beside_stdout: bool = False) -> bool:
    """A bar only when stderr is a terminal (GLOSSARY_TERMINAL=1/0 overrides, as for all
    output), and not when data is being written to stdout on that same terminal."""
    from glossary.render.terms import Mode, choose_mode

    if beside_stdout and sys.stdout.isatty():
        return False
    return choose_mode(False, sys.stderr) is Mode.TERMINAL


@contextmanager
def progress_bar(beside_stdout: bool = False) -> Iterator[Progress | None]:
    """A `progress` callback drawing a bar while the block runs, or None when there is no
    terminal to draw on (see `wanted`). Lines printed to `sys.stderr` meanwhile appear above
    the bar (`typer.echo` would bypass Rich's redirection and be drawn over)."""
    if not wanted(beside_stdout):
        yield None
        return
    from rich import progress as rich

    from glossary.render.terms import console

    columns = (
        rich.TextColumn("{task.description:<10}"),
        rich.BarColumn(),
        rich.MofNCompleteColumn(),
        rich.TimeElapsedColumn(),
    )
    with rich.Progress(*columns, console=console(stderr=True), redirect_stdout=False) as bar:
        rows: dict[str, rich.TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in rows:
                rows[stage] = bar.add_task(stage, total=total)
            bar.update(rows[stage], completed=done, total=total)

        yield report
