"""The cache folder ($GLOSSARY_CACHE_DIR, else $XDG_CACHE_HOME/glossary, else
~/.cache/glossary), where store.py keeps its index databases and jieba_dict.py its copy of
jieba's dictionary, and the digests of term-base files (`file_digests`) that the databases are
named by.

The digests are remembered in a JSON side file, written atomically; a corrupt one is ignored and
an unwritable folder only costs speed. Nothing is ever unpickled.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from glossary.errors import GlossaryError

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
        digests.append(_hashed(path))
        if stamp is not None and time.time_ns() - max(stamp[1], stamp[2]) > SETTLE_NS:
            remembered.pop(name, None)
            remembered[name] = [*stamp, digests[-1]]
            changed = True
    if changed:
        _write_digests(remembered)
    return digests


def _hashed(path: Path) -> str:
    from glossary.text.fileio import read_bytes  # only when a file is hashed: not on a warm run

    return hashlib.sha256(read_bytes(path)).hexdigest()


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
    store(cache_dir() / DIGESTS, digests)


def store(entry: Path, data: Any) -> None:
    """Write `data` as JSON to a cache file, atomically; an unwritable cache is no error."""
    from glossary.text.fileio import write_atomic

    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, payload)
    except (OSError, GlossaryError):
        pass  # an unwritable cache only costs speed
