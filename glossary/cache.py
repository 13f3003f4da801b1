"""A cache of derived data (the scanner's tables), keyed by the content of the term bases it was
built from and the program's version, and the digests of term-base files (`file_digests`) that
store.py names its index databases by.

The cache is JSON in the user's cache folder ($GLOSSARY_CACHE_DIR, else $XDG_CACHE_HOME/glossary,
else ~/.cache/glossary). Nothing is ever unpickled. A corrupt or stale entry is rebuilt silently;
entries are written atomically, so two processes building the same entry at once each write a
complete file and the last rename wins. When the folder cannot be written, the data is built in
memory and used without caching.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from glossary import __version__
from glossary.errors import GlossaryError
from glossary.fileio import read_bytes, write_atomic

FORMAT = 1
DIGESTS = "digests.json"
MAX_DIGESTS = 200
SETTLE_NS = 2_000_000_000


def cache_dir() -> Path:
    explicit = os.environ.get("GLOSSARY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "glossary"


def file_digests(paths: Sequence[Path]) -> list[str]:
    """The sha256 of each file's bytes, remembered by (path, size, mtime, ctime, inode) in a
    side file of the cache folder, so that an unchanged 25 MB term base is not hashed on every
    run. A file whose stat differs from the remembered one is hashed again; one changed less
    than `SETTLE_NS` ago is not remembered (an edit in the same clock tick keeps the mtime)."""
    remembered = _read_digests()
    changed = False
    digests: list[str] = []
    for path in paths:
        name = str(Path(path).resolve())
        try:
            info = os.stat(path)
        except OSError:
            info = None
        stamp = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino] if info else None
        known = remembered.get(name)
        if stamp is not None and isinstance(known, list) and known[:-1] == stamp:
            digests.append(str(known[-1]))
            continue
        digests.append(hashlib.sha256(read_bytes(path)).hexdigest())
        if stamp is not None and time.time_ns() - max(stamp[1], stamp[2]) > SETTLE_NS:
            remembered.pop(name, None)
            remembered[name] = [*stamp, digests[-1]]
            changed = True
    if changed:
        _write_digests(remembered)
    return digests


def _read_digests() -> dict[str, Any]:
    try:
        with open(cache_dir() / DIGESTS, encoding="utf-8") as handle:
            found = json.load(handle)
        return found if isinstance(found, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_digests(digests: dict[str, Any]) -> None:
    if len(digests) > MAX_DIGESTS:  # forget the oldest entries (dicts keep insertion order)
        digests = dict(list(digests.items())[-MAX_DIGESTS:])
    store(cache_dir() / DIGESTS, None, digests)


def content_key(kind: str, sources: Sequence[bytes]) -> str:
    digest = hashlib.sha256(f"{kind}\0{__version__}\0{FORMAT}".encode())
    for data in sources:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def load_or_build(kind: str, paths: Sequence[Path], build: Callable[[list[bytes]], Any]) -> Any:
    """The cached `kind` data for these files, built by `build(contents)` when missing."""
    contents = [read_bytes(path) for path in paths]
    key = content_key(kind, contents)
    entry = cache_dir() / f"{kind}-{key[:40]}.json"
    try:
        with open(entry, encoding="utf-8") as handle:
            cached = json.load(handle)
        if isinstance(cached, dict) and cached.get("key") == key:
            return cached["data"]
    except (OSError, ValueError, KeyError):
        pass
    data = build(contents)
    store(entry, key, data)
    return data


def store(entry: Path, key: str | None, data: Any) -> None:
    """Write `data` (with its `key`, or bare when key is None) to a cache entry, atomically."""
    content = data if key is None else {"key": key, "data": data}
    payload = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, payload)
    except (OSError, GlossaryError):
        pass  # an unwritable cache only costs speed
