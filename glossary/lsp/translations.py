"""Which documents are translations, and of what: the pairs of `glossary.toml` in the workspace
root,

    [[translations]]
    source = "report.zh.txt"
    target = "report.en.txt"

and of the initialization option `translations`, a list of `{"source": PATH, "target": PATH}`
(which wins for a target both name). Relative paths are taken from the workspace root. A
target's diagnostics then come from the bilingual check of its source and it, aligned by line
(line i of the target translates line i of the source), not from a check of the target alone.
The source is read from the editor when it is open there, else from disk."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeGuard

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
        return cls(_pairs(options.get("translations"), Path(root or os.getcwd()), [], ""))

    @classmethod
    def configured(
        cls, options: Mapping[str, Any], root: str | None
    ) -> tuple[Translations, list[str]]:
        """The pairs of `glossary.toml` in `root` and of the options, and what is wrong with
        the file (it is read as far as it can be: a broken file gives no pairs, a bad entry is
        left out)."""
        base = Path(root or os.getcwd())
        problems: list[str] = []
        settings = read_config(base / CONFIG, problems)
        where = f"{base / CONFIG}: translations"
        pairs = _pairs(settings.get("translations", []), base, problems, where)
        pairs.update(cls.from_options(options, root)._sources)
        return cls(pairs), problems

    def source_of(self, uri: str) -> Path | None:
        """The source's path when the document at `uri` is a configured translation."""
        key = path_key(uri)
        return self._sources.get(key) if key else None

    def __bool__(self) -> bool:
        return bool(self._sources)


CONFIG = "glossary.toml"
KNOWN = frozenset({"translations"})


def config_stamp(root: str | None) -> tuple[int, int, int] | None:
    """The stat of the workspace's `glossary.toml` (None when there is none), to see a change."""
    try:
        info = os.stat(Path(root or os.getcwd()) / CONFIG)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


def read_config(path: Path, problems: list[str]) -> dict[str, Any]:
    """The settings in `path` (none when it does not exist); why it cannot be read, in
    `problems`."""
    try:
        if path.exists() and not path.is_file():
            raise IsADirectoryError(0, "not a regular file")  # a directory, or a FIFO that blocks
        with path.open("rb") as stream:
            settings = tomllib.load(stream)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        if isinstance(error, RecursionError):
            reason = "nested too deeply"
        problems.append(f"{path}: not read ({reason}); its translations are not used")
        return {}
    for key in sorted(settings.keys() - KNOWN):
        problems.append(f"{path}: unknown setting {key!r} (known: translations)")
    return settings


def _pairs(entries: Any, base: Path, problems: list[str], where: str) -> dict[str, Path]:
    """Target key -> source path of each entry `{source = PATH, target = PATH}`; a bad entry
    is left out (and said in `problems`, as `where`, when `where` is given)."""
    pairs: dict[str, Path] = {}
    if not isinstance(entries, list):
        if where:
            problems.append(f"{where}: give a list of {{source, target}} tables ([[translations]])")
        return pairs
    for number, entry in enumerate(entries, 1):
        source = entry.get("source") if isinstance(entry, dict) else None
        target = entry.get("target") if isinstance(entry, dict) else None
        if _is_path(source) and _is_path(target):
            pairs[_key(base / target)] = base / source
        elif where:
            problems.append(f"{where} entry {number}: give source and target as paths")
    return pairs


def _is_path(value: Any) -> TypeGuard[str]:
    """A non-empty string that can name a file (no NUL character)."""
    return isinstance(value, str) and bool(value) and "\0" not in value


def path_key(uri: str) -> str | None:
    """A file URI's path, resolved, to compare documents by (None for other schemes)."""
    path = to_fs_path(uri)
    return _key(path) if path else None
