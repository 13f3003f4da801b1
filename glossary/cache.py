"""A cache of derived data (search indexes, scanner tables), keyed by the content of the term
bases it was built from and the program's version.

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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from glossary import __version__
from glossary.errors import GlossaryError
from glossary.fileio import read_bytes, write_atomic

FORMAT = 1


def cache_dir() -> Path:
    explicit = os.environ.get("GLOSSARY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "glossary"


def content_key(kind: str, sources: Sequence[bytes]) -> str:
    digest = hashlib.sha256(f"{kind}\0{__version__}\0{FORMAT}".encode())
    for data in sources:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def load_or_build(
    kind: str, paths: Sequence[Path], build: Callable[[list[bytes]], Any]
) -> Any:
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


def store(entry: Path, key: str, data: Any) -> None:
    payload = json.dumps({"key": key, "data": data}, ensure_ascii=False, separators=(",", ":"))
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, payload)
    except (OSError, GlossaryError):
        pass  # an unwritable cache only costs speed
