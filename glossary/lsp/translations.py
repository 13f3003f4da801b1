"""Which documents are translations, and of what. The initialization option `translations` is a
list of `{"source": PATH, "target": PATH}` (relative paths are taken from the workspace root):
a target's diagnostics then come from the bilingual check of its source and it, aligned by line
(line i of the target translates line i of the source), not from a check of the target alone.
The source is read from the editor when it is open there, else from disk."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pygls.uris import to_fs_path


def _key(path: str | Path) -> str:
    """A path resolved (symbolic links, `..`) and in the file system's case, to compare."""
    return os.path.normcase(os.path.realpath(path))


class Translations:
    def __init__(self, pairs: Mapping[str, Path] | None = None) -> None:
        self._sources: dict[str, Path] = dict(pairs or {})  # target key -> source path

    @classmethod
    def from_options(cls, options: Mapping[str, Any], root: str | None) -> Translations:
        """The pairs of the `translations` option; an entry without a source and a target path
        is left out."""
        base = Path(root or os.getcwd())
        pairs: dict[str, Path] = {}
        entries = options.get("translations")
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                source, target = entry.get("source"), entry.get("target")
                if isinstance(source, str) and isinstance(target, str):
                    pairs[_key(base / target)] = base / source
        return cls(pairs)

    def source_of(self, uri: str) -> Path | None:
        """The source's path when the document at `uri` is a configured translation."""
        key = path_key(uri)
        return self._sources.get(key) if key else None

    def __bool__(self) -> bool:
        return bool(self._sources)


def path_key(uri: str) -> str | None:
    """A file URI's path, resolved, to compare documents by (None for other schemes)."""
    path = to_fs_path(uri)
    return _key(path) if path else None
