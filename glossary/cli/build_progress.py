"""A Rich progress bar on stderr for the index build that `lookup` may trigger: only where
progressbar.wanted says a bar belongs, and only once the build has taken `DELAY` seconds, so a
lookup with a ready index (the usual case) neither draws nor imports Rich."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from glossary.progress import Progress

DELAY = 0.5


class BuildProgress:
    """A `progress(stage, done, total)` callback that draws a bar once the build has run for
    `DELAY` seconds (a timer thread starts it, since one stage, parsing a large YAML file, may
    report nothing for a long while)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = ("", 0, 0)
        self._bar: Any = None
        self._task: Any = None
        self._timer: threading.Timer | None = None
        self._closed = False
        self._began = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        with self._lock:
            self._state = (stage, done, total)
            if self._timer is None and not self._closed:
                self._began = time.monotonic()
                self._timer = threading.Timer(DELAY, self._start)
                self._timer.daemon = True
                self._timer.start()
            if self._bar is None and time.monotonic() - self._began >= DELAY:
                self._start_locked()  # the timer thread may not have run yet
            elif self._bar is not None:
                self._bar.update(self._task, description=stage, completed=done, total=total)

    def _start(self) -> None:
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._closed or self._bar is not None:
            return
        from rich import progress as rich

        from glossary.render import terms as render

        self._bar = rich.Progress(
            rich.TextColumn("building the index: {task.description}"),
            rich.BarColumn(),
            rich.TextColumn("{task.percentage:>3.0f}%"),
            rich.TimeElapsedColumn(),
            console=render.console(stderr=True),
            transient=True,
        )
        stage, done, total = self._state
        self._task = self._bar.add_task(stage, completed=done, total=total)
        self._bar.start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()


@contextmanager
def build_progress() -> Iterator[Progress | None]:
    """A progress callback for open_store: a delayed bar on a terminal's stderr, else None."""
    from glossary.cli.progressbar import wanted

    if not wanted():
        yield None
        return
    reporter = BuildProgress()
    try:
        yield reporter
    finally:
        reporter.close()
