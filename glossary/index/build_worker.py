"""One independent part of an index build run in a forked process, on the second core, while
the building process goes on with the rest (`glossary.index.build`).

The worker fills tables of its own in a separate SQLite file (beside the database being built,
or in the system's temporary folder for an in-memory build) and creates their indexes there;
`Part.finish` creates the same indexes on the database's (empty) tables and copies each table
with `INSERT INTO t SELECT * FROM part.t`, which SQLite runs as its transfer optimisation: the
records of the table and of each index are copied as they are, in order, with their rowids, so
the index holds exactly what a build in one process stores and the building process neither
decodes the rows nor sorts them into indexes. Without `fork` (Windows, macOS' default), for a
small base (`FORK_MIN` terms: a fork costs more than it saves) or when the worker fails, the
part runs in the building process instead, on the database itself, when it is finished (so
that its progress comes after what the builder did meanwhile, as in a forked build).

Memory is per process: the worker starts as a copy of the builder (the loaded term bases'
pages shared until touched) and holds only its own tables' pending rows (for the index build:
the packed entries of the reading keys, some 30 MB beside CC-CEDICT, until they are written).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from glossary.progress import Progress

FORK_MIN = 20_000
"""Fewest terms whose build forks a worker (a fork and a copy cost some 50 ms)."""

Work = Callable[[sqlite3.Connection, Progress], Any]
"""`work(connection, progress)`: fills the part's tables; reports to `progress` (a silent one
in the worker: a forked process must not write to the terminal)."""


@dataclass(slots=True)
class Part:
    """A part of the build: started by `start_part`, its result (and tables) got by `finish`."""

    db: sqlite3.Connection
    work: Work
    tables: Sequence[str]
    indexes: str = ""  # the script that indexes `tables`, run once they are filled
    path: str = ""
    process: Any = None
    pipe: Any = None

    @property
    def forked(self) -> bool:
        """Whether the part runs in a worker (else `finish` runs it)."""
        return self.process is not None

    def finish(self, progress: Progress | None = None) -> Any:
        """Wait for the worker and copy its tables into the database, or run the part here,
        reporting to `progress`; return `work`'s result."""
        report = progress or _silent
        if self.process is None:
            return _filled(self.db, self.work, self.indexes, report)
        try:
            outcome = self.pipe.recv()
        except EOFError:  # the worker died (killed, out of memory): run the part here
            outcome = None
        finally:
            self.pipe.close()
            self.process.join()
        try:
            if outcome is None or self.process.exitcode != 0:
                return _filled(self.db, self.work, self.indexes, report)
            self._copy()
            return outcome[0]
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self.path)

    def _copy(self) -> None:
        self.db.executescript(self.indexes)  # first, on the empty tables: copied, not sorted
        self.db.commit()  # a database is attached outside a transaction
        self.db.execute("ATTACH DATABASE ? AS part", (self.path,))
        try:
            for table in self.tables:  # no ORDER BY, no WHERE: the transfer optimisation
                self.db.execute(f"INSERT INTO main.{table} SELECT * FROM part.{table}")
            self.db.commit()
        finally:
            self.db.execute("DETACH DATABASE part")


def start_part(
    db: sqlite3.Connection,
    schema: str,
    tables: Sequence[str],
    work: Work,
    size: int,
    indexes: str = "",
) -> Part:
    """Run `work` (it fills `tables`, created by `schema` in the database already) then the
    `indexes` script, in a forked worker when `size` terms make it worth it, else when the
    part is finished (`Part.finish`)."""
    part = Part(db, work, tables, indexes)
    if size < FORK_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return part
    try:
        fd, part.path = tempfile.mkstemp(prefix=".store-part-", suffix=".tmp", dir=_folder(db))
        os.close(fd)
    except OSError:
        return part
    receiver, sender = multiprocessing.get_context("fork").Pipe(duplex=False)
    part.process = multiprocessing.get_context("fork").Process(
        target=_run, args=(part.path, schema, work, indexes, sender), daemon=True
    )
    part.process.start()
    sender.close()
    part.pipe = receiver
    return part


def _filled(db: sqlite3.Connection, work: Work, indexes: str, progress: Progress) -> Any:
    """Run the part on `db` and index its tables; return `work`'s result."""
    result = work(db, progress)
    db.executescript(indexes)
    return result


def _silent(_stage: str, _done: int, _total: int) -> None:
    pass


def _run(path: str, schema: str, work: Work, indexes: str, sender: Any) -> None:
    """The worker: fill a fresh database at `path`, send (result,), or nothing when it fails
    (the builder then runs the part itself; no traceback is printed). It ends with `os._exit`,
    flushing no stream and running no exit handler: a lock another thread of the builder held
    when it forked (a progress display writing to the terminal) is never released here."""
    try:
        db = sqlite3.connect(path)
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + schema)
        result = _filled(db, work, indexes, _silent)
        db.commit()
        db.close()
        sender.send((result,))
    except BaseException:  # reported by the missing result
        pass
    finally:
        sender.close()
        os._exit(0)


def _folder(db: sqlite3.Connection) -> str | None:
    """The folder of the database being built (None, the temporary folder, when in memory)."""
    for _, name, file in db.execute("PRAGMA database_list"):
        if name == "main" and file:
            return str(os.path.dirname(file))
    return None
