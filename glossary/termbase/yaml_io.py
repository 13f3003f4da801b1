"""The YAML term bases are read and written with: PyYAML's safe loader and dumper, in C where
PyYAML has it. The one place that chooses them (the bulk parser and the loader both read with
it)."""

from __future__ import annotations

from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def yaml_loader() -> Any:
    """The YAML loader term bases are read with: the safe one, in C where PyYAML has it."""
    return _Loader


def to_yaml(data: Any) -> str:
    """Block-style YAML of `data`, keys in the order given, Unicode kept as it is."""
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)
    return text
