"""Where term bases are: those named, $GLOSSARY_TERMBASE, or the bundled one. Kept apart from
termbase.py so that finding the files does not import the YAML parser."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from glossary.errors import InputError

ENV_VAR = "GLOSSARY_TERMBASE"


def bundled_path() -> Path:
    """The term base that ships with the package (the repo's data/terms.yaml when editable)."""
    from importlib.util import find_spec

    spec = find_spec("glossary.data")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / "terms.yaml"
        if candidate.is_file():
            return candidate
    return Path(__file__).resolve().parents[2] / "data" / "terms.yaml"


def resolve_paths(paths: Sequence[str | Path] | None) -> list[Path]:
    """The term bases to use: those given, else $GLOSSARY_TERMBASE (os.pathsep-separated),
    else the bundled one; a file named twice is used once, where it first appears."""
    if paths:
        return _once([Path(p) for p in paths])
    from_env = os.environ.get(ENV_VAR, "").strip()
    if from_env:
        named = [Path(p) for p in from_env.split(os.pathsep) if p.strip()]
        if not named:
            raise InputError(
                f"{ENV_VAR}={from_env!r} names no term base "
                f"(give paths separated by '{os.pathsep}', or unset it for the bundled one)"
            )
        return _once(named)
    return [bundled_path()]


def writable_path(named: Sequence[str | Path] | None) -> Path:
    """The term base a change is written to: the first one named (--termbase), else the first
    path of $GLOSSARY_TERMBASE. The bundled term base is never written, even when named."""
    from glossary.errors import InputError

    from_env = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    chosen = [Path(p) for p in named or ()] or [Path(p) for p in from_env]
    if not chosen:
        raise InputError(
            "no term base to write to: name one with --termbase PATH (created if missing) "
            f"or set {ENV_VAR}=PATH; the bundled term base is never written"
        )
    target = chosen[0]
    if target.resolve() == bundled_path().resolve():
        raise InputError(
            f"{target} is the bundled term base, which glossary never writes: copy it "
            f"(cp {target} my-terms.yaml) and name the copy with --termbase"
        )
    return target


def _once(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique = []
    for path in paths:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique
