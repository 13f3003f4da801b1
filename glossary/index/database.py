"""Where an index database lives and when it is rebuilt: one database per set of term bases, in
the cache folder (`glossary.index.cache`), named after a hash of the term bases' names and bytes,
the program's version and the formats in `glossary.index.versions`. A file's hash is remembered by
its stat (`cache.file_digests`), so a warm run hashes nothing. The database is built into a
temporary file in the same folder and renamed into place, so concurrent builders each write a
whole file and readers never see half of one; older databases of the same term-base paths are
then removed. A stale database is rebuilt; a damaged one (any SQLite error, or a directory
where the file should be) is discarded and rebuilt, with a note; when the cache folder cannot be
written, the database is built in memory and used for this run only, with a note. The notes
are the store's `notes`, for the caller to show. Temporary files that a killed build left
(`.store-*.tmp`, older than `STALE_SECONDS`) are removed by the next build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from glossary.index.store import Store
from glossary.index.versions import SCAN_TABLES_FORMAT, STORE_FORMAT
from glossary.progress import Progress
from glossary.version import __version__

OPENED: list[Path] = []
"""The cached database opened last, for `discard_opened` (the CLI calls it when a query meets a
damaged database, then runs the command once more; a command opens one index)."""


def open_store(paths: Sequence[Path], progress: Progress | None = None) -> Store:
    """The index of these term bases, built first (reporting `progress`) when it is missing."""
    from glossary.index.cache import cache_dir, file_digests

    report = progress or _silent
    names = [Path(path).stem for path in paths]
    key = store_key(names, file_digests(paths))
    folder = cache_dir()
    target = _database(folder, paths, key)
    notes: list[str] = []
    if os.path.lexists(target):
        try:
            return _checked(_open_read_only(target), key)
        except (KeyError, ValueError):
            pass  # stale or half-read: rebuilt below, and the old file replaced
        except sqlite3.DatabaseError as exc:
            notes.append(discard(target, str(exc)))
    store = _build(paths, folder, report, notes)
    store.notes = tuple(notes)
    return store


def discard(path: Path, why: str) -> str:
    """Remove a damaged cached database (a file, or a directory in its place); say so."""
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            import shutil

            shutil.rmtree(path)
        else:
            path.unlink()
    return f"the cached index {path} could not be read ({why}); rebuilding it"


def discard_opened(why: str) -> list[str]:
    """Discard the cached database opened last (a query found it damaged)."""
    notes = [discard(path, why) for path in OPENED]
    OPENED.clear()
    return notes


def store_key(names: Sequence[str], digests: Sequence[str]) -> str:
    """The content key: format, program version, each term base's name and sha256."""
    stamp = f"store\0{STORE_FORMAT}\0{SCAN_TABLES_FORMAT}\0{__version__}"
    digest = hashlib.sha256(stamp.encode())
    for name, file_digest in zip(names, digests, strict=True):
        digest.update(f"\0{name}\0{file_digest}".encode())
    return digest.hexdigest()


def _database(folder: Path, paths: Sequence[Path], key: str) -> Path:
    """store-<hash of the paths>-<content key>.sqlite: the paths part lets a rebuild find and
    remove the databases of the same files' earlier contents."""
    joined = "\0".join(str(Path(path).resolve()) for path in paths)
    return folder / f"store-{hashlib.sha256(joined.encode()).hexdigest()[:12]}-{key[:32]}.sqlite"


def _open_read_only(path: Path) -> sqlite3.Connection:
    # immutable: a database file is never changed once renamed into place (a rebuild renames
    # a new file over it), so SQLite need not lock it.
    if path.is_dir():
        raise sqlite3.DatabaseError("a directory, not a database")
    OPENED[:] = [path]
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _checked(db: sqlite3.Connection, key: str) -> Store:
    store = Store(db)
    if store.key != key:
        db.close()
        raise KeyError("stale index")
    return store


def _silent(_stage: str, _done: int, _total: int) -> None:
    pass


def _build(paths: Sequence[Path], folder: Path, progress: Progress, notes: list[str]) -> Store:
    import tempfile

    from glossary.index.build import build
    from glossary.text.fileio import remove_stale

    bases, key = _load(paths, progress)
    target = _database(folder, paths, key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(fd)
    except OSError as exc:
        notes.append(_in_memory(folder, exc.strerror or str(exc)))
        return _build_in_memory(key, bases, progress)
    remove_stale(folder, ".store-*.tmp", keep=Path(temporary))
    try:
        db = sqlite3.connect(temporary)
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        build(db, key, bases, progress)
        db.close()
        _fsync(temporary)  # synchronous=OFF wrote without syncing: sync once, before the rename
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as exc:  # a full disk, a file size limit, a folder in the way
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        notes.append(_in_memory(folder, str(exc)))
        return _build_in_memory(key, bases, progress)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _remove_older(target)
    return Store(_open_read_only(target))


def _in_memory(folder: Path, why: str) -> str:
    return (
        f"the cache folder {folder} cannot be written ({why}); the index is built in memory "
        "for this run (set GLOSSARY_CACHE_DIR to a writable folder to keep it)"
    )


def _build_in_memory(key: str, bases: list[Any], progress: Progress) -> Store:
    from glossary.index.build import build

    db = sqlite3.connect(":memory:", check_same_thread=False)
    build(db, key, bases, progress)
    return Store(db)


def _fsync(name: str) -> None:
    descriptor = os.open(name, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _load(paths: Sequence[Path], progress: Progress) -> tuple[list[Any], str]:
    """Load the term bases, reporting bytes read, and the key of the bytes actually parsed."""
    from glossary.termbase.load import load_bytes
    from glossary.text.fileio import read_bytes

    contents = []
    total = sum(_size(path) for path in paths)
    done = 0
    progress("reading term bases", 0, total)
    bases = []
    for path in paths:
        data = read_bytes(path)
        contents.append(hashlib.sha256(data).hexdigest())
        bases.append(load_bytes(path, data))
        done += len(data)
        progress("reading term bases", done, max(total, done))
    return bases, store_key([base.name for base in bases], contents)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _remove_older(target: Path) -> None:
    """Remove the databases of earlier contents of the same term-base paths."""
    prefix = target.name.rsplit("-", 1)[0] + "-"
    for other in target.parent.glob(f"{prefix}*.sqlite"):
        if other != target:
            with contextlib.suppress(OSError):
                other.unlink()
