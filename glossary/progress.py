"""Progress reports from long jobs (a whole-dictionary import), without printing anything.

The core calls `progress(stage, done, total)` now and then; the CLI decides whether and how to
show it (a Rich bar on a terminal, nothing in a pipe). Within a stage, `done` only grows and
ends equal to `total`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Progress = Callable[[str, int, int], None]
"""`progress(stage, done, total)`: how far a long job has got."""

EVERY = 2_000
"""How many items pass between two reports: often enough for a bar, rarely enough to cost
nothing."""

T = TypeVar("T")


def counted(items: Iterable[T], total: int, stage: str, progress: Progress | None) -> Iterator[T]:
    """Yield `items`, reporting `stage` to `progress` every EVERY items and once at the end."""
    if progress is None:
        yield from items
        return
    every, done = EVERY, 0
    for item in items:
        yield item
        done += 1
        if done % every == 0:
            progress(stage, done, total)
    if done % every or not done:
        progress(stage, done, total)
