"""Changing one term in a term base's text without rewriting the rest of it.

PyYAML drops comments and glossary's writer has one layout, so writing the whole file back after
adding one term would lose a hand-edited file's comments and touch every line that was not
written the house way. Instead the changed term's YAML is spliced into the original text: the
terms are a block sequence, the loader knows the line each term starts on, and a term's lines run
from its `- ` line to the last line indented deeper than its dash. Everything else (comments
between terms, the header, other terms' formatting) stays byte for byte. The caller parses the
result and falls back to the house writer when the splice does not give the expected terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from glossary.model import FIELD_ORDER
from glossary.termbase.yaml_io import to_yaml

ITEM_START = re.compile(r"( *)- ")
LINE = re.compile(r"[^\n]*\n|[^\n]+$")
TERMS_KEY = re.compile(r"terms:[ \t]*(?:\[\][ \t]*|~[ \t]*|null[ \t]*)?(?:#.*)?\r?\n?")


def _is_filler(line: str) -> bool:
    """A blank line or a comment line (kept outside any term's span)."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def term_span(lines: list[str], start: int) -> tuple[int, int, int] | None:
    """The lines [begin, end) of the term whose `- ` line is lines[start] (0-based), and the
    column of its dash; None when lines[start] is not an item's first line."""
    if start >= len(lines):
        return None
    match = ITEM_START.match(lines[start])
    if match is None:
        return None
    dash = len(match.group(1))
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if _is_filler(line) or len(line) - len(line.lstrip(" ")) > dash:
            end += 1
            continue
        break
    while end > start + 1 and _is_filler(lines[end - 1]):
        end -= 1
    return start, end, dash


def item_text(data: dict[str, Any]) -> str:
    """One term's mapping as a block-sequence item, its dash at column 0."""
    return to_yaml([data])


def ordered_like(data: dict[str, Any], keys: list[str]) -> dict[str, Any]:
    """`data` with its fields in the order of `keys` (a term's order in the file), a field that
    was not there placed after the field that comes before it in FIELD_ORDER."""
    order = [key for key in keys if key in data]
    for key in FIELD_ORDER:
        if key not in data or key in order:
            continue
        earlier = FIELD_ORDER[: FIELD_ORDER.index(key)]
        after = max((order.index(k) for k in earlier if k in order), default=-1)
        order.insert(after + 1, key)
    order += [key for key in data if key not in order]
    return {key: data[key] for key in order}


@dataclass(frozen=True, slots=True)
class Spliced:
    """The new text; the 1-based line the inserted items start on (0 when nothing was
    inserted); and the lines of the term the splice was placed by (replaced, removed, or the
    last one appended after), dedented, for the caller to check they are exactly that term."""

    text: str
    line: int
    neighbour: str


def lines_of(text: str) -> list[str]:
    """The lines of `text`, each with its `\n` (only `\n` ends a line, as in the loader's
    line numbers for files glossary writes)."""
    return LINE.findall(text)


def replace_term(text: str, start_line: int, item: str | None) -> Spliced | None:
    """`text` with the term starting at 1-based `start_line` replaced by `item` (removed when
    None); None when the term's lines cannot be found."""
    lines = lines_of(text)
    span = term_span(lines, start_line - 1)
    if span is None:
        return None
    begin, end, dash = span
    new = [] if item is None else [_reindent(item, dash)]
    joined = "".join([*lines[:begin], *new, *lines[end:]])
    return Spliced(joined, begin + 1 if item else 0, _dedent(lines[begin:end], dash))


def append_term(text: str, last_start_line: int | None, item: str) -> Spliced | None:
    """`text` with `item` after the term starting at 1-based `last_start_line` (the last one),
    or as the first term under an empty `terms:`; None when neither can be found."""
    lines = lines_of(text)
    if last_start_line is not None:
        span = term_span(lines, last_start_line - 1)
        if span is None:
            return None
        begin, end, dash = span
        neighbour = _dedent(lines[begin:end], dash)
        return Spliced(_insert(lines, end, _reindent(item, dash)), end + 1, neighbour)
    for index, line in enumerate(lines):
        if TERMS_KEY.fullmatch(line):
            lines = [*lines[:index], "terms:\n", *lines[index + 1 :]]
            return Spliced(_insert(lines, index + 1, item), index + 2, "")
    return None


def _insert(lines: list[str], at: int, item: str) -> str:
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    return "".join([*lines[:at], item, *lines[at:]])


def _reindent(item: str, dash: int) -> str:
    return "".join(" " * dash + line for line in lines_of(item))


def _dedent(lines: list[str], dash: int) -> str:
    return "".join(line[dash:] if not line[:dash].strip() else line for line in lines)
