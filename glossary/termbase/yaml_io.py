"""The YAML term bases are read and written with: PyYAML's safe loader and dumper, in C where
PyYAML has it. The one place that chooses them (the bulk parser and the loader both read with
it), and that sets the two rules PyYAML does not: a key may appear only once in a mapping (the
first value would be silently lost), and aliases may not expand a term past a small size (an
alias bomb, a billion laughs, is a few hundred bytes of YAML)."""

from __future__ import annotations

import re
from typing import Any

import yaml

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

MAX_EXPANDED_NODES = 10_000
"""Nodes a term may have once its aliases are expanded; a real term has a few dozen."""
_MERGE_TAG = "tag:yaml.org,2002:merge"
_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s,\[\]{}]")
"""What an anchor looks like; a text without one cannot have an alias to expand."""


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, refusing a key repeated in a mapping (with the line of each)."""

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        problem = duplicate_key(node)
        if problem is not None:
            raise yaml.constructor.ConstructorError(None, None, problem[1], problem[0])
        return super().construct_mapping(node, deep=deep)


def yaml_loader() -> Any:
    """The YAML loader term bases are read with: the safe one, in C where PyYAML has it."""
    return _StrictLoader


def duplicate_key(node: Any) -> tuple[Any, str] | None:
    """The mark and message of the first key repeated in a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    first_line: dict[str, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE_TAG:
            continue
        line = int(key.start_mark.line) + 1
        if key.value in first_line:
            return key.start_mark, (
                f"duplicate key {key.value!r} (first at line {first_line[key.value]}): "
                "the first value would be lost; keep one"
            )
        first_line[key.value] = line
    return None


def may_have_aliases(text: str) -> bool:
    return _ANCHOR.search(text) is not None


def too_expanded(node: Any, limit: int = MAX_EXPANDED_NODES) -> bool:
    """Whether `node`, its aliases expanded, has more than `limit` nodes (a cycle always has).
    Stops counting at the limit, so the cost is at most `limit` steps."""
    count = 0
    stack = [node]
    while stack:
        count += 1
        if count > limit:
            return True
        current = stack.pop()
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))
    return False


def to_yaml(data: Any) -> str:
    """Block-style YAML of `data`, keys in the order given, Unicode kept as it is."""
    text: str = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000)
    return text
