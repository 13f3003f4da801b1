"""A fast reader for the block YAML that glossary itself writes (`yaml_io.to_yaml`): the items of
a term base's `terms` list, read line by line in Python without composing PyYAML's nodes.

PyYAML spends about 25 s of CPU and a node with two position marks per value on CC-CEDICT's
25 MB; this reads the same items in a few seconds. It understands only a small, strict subset,
and gives the same values PyYAML's safe loader gives for it:

- block mappings (`key: value`, keys plain words that resolve to strings, each once) and block
  sequences (`- value`, also at the indentation of their key), nested at most `MAX_DEPTH` deep;
- scalars on one line: plain (resolved by PyYAML's own resolver; only strings, plain integers,
  booleans and nulls are accepted), single-quoted, and double-quoted with PyYAML's escapes.

Anything else — a comment, an anchor, an alias, a tag, a flow collection, a block or multi-line
scalar, a tab, a repeated key, a character PyYAML refuses — makes `read_items` return None, and
the caller parses the text with PyYAML as before, so errors and the loader's limits on hostile
input (`glossary.termbase.yaml_io`) stay exactly as they are. It never recurses deeper than
`MAX_DEPTH` and reads each line once.
"""

from __future__ import annotations

import re
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver
from yaml.scanner import Scanner

MAX_DEPTH = 6
"""Levels of nesting read here (a term has three: item, `source`, `examples: match`)."""

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?")
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_REFUSED = re.compile(
    "[^\n -~\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)  # tabs, CR, NEL, the BOM, line and paragraph separators, and what PyYAML's reader refuses
_PLAIN_START = frozenset(",[]{}#&*!|>'\"%@` ")
_RESOLVED_FIRST = frozenset(key for key in Resolver.yaml_implicit_resolvers if key)
"""The first characters of a plain scalar that PyYAML might resolve to other than a string (a
scalar starting with any other is a string: the resolver has no pattern for it)."""


class _Unsupported(Exception):
    """The text leaves the subset read here."""


Items = tuple[list[Any], list[int]]


def read_items(text: str, lines_before: int = 0) -> Items | None:
    """The items of a block sequence at column 0 (`- id: ...` each), and the line of the file
    each starts on (`lines_before` lines precede `text`); None when the text is not in the
    subset described above."""
    if _REFUSED.search(text) is not None:
        return None
    reader = _Reader(text.split("\n"))
    try:
        starts: list[int] = []
        items = reader.sequence(0, 0, starts)
        if reader.peek() is not None:
            return None  # something at column 0 that is not an item
    except (_Unsupported, ValueError, OverflowError):
        return None
    return items, [lines_before + start + 1 for start in starts]


class _Reader:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.position = 0
        self.resolver = Resolver()
        self.keys: set[str] = set()  # keys met already, which resolve to strings

    def peek(self) -> tuple[int, str] | None:
        """The indentation and the rest of the next line that is not blank, or None."""
        lines = self.lines
        while self.position < len(lines):
            line = lines[self.position]
            rest = line.lstrip(" ")
            if rest:
                if rest[0] == "#":
                    raise _Unsupported
                return len(line) - len(rest), rest
            self.position += 1
        return None

    def sequence(self, indent: int, depth: int, starts: list[int] | None = None) -> list[Any]:
        if depth > MAX_DEPTH:
            raise _Unsupported
        items: list[Any] = []
        while (line := self.peek()) is not None and line[0] >= indent:
            if line[0] > indent:
                raise _Unsupported  # a continuation line
            if not line[1].startswith("- "):
                break
            if starts is not None:
                starts.append(self.position)
            self.position += 1
            items.append(self.item(line[1][2:], indent + 2, depth + 1))
        return items

    def item(self, content: str, indent: int, depth: int) -> Any:
        if not content:
            raise _Unsupported  # `- ` alone: its value is on the lines below
        if _KEY.fullmatch(content):
            return self.mapping(indent, depth, content)
        if content.startswith("-"):
            raise _Unsupported  # a sequence in a sequence, or `--`
        return self.scalar(content)

    def mapping(self, indent: int, depth: int, first: str | None = None) -> dict[str, Any]:
        if depth > MAX_DEPTH:
            raise _Unsupported
        result: dict[str, Any] = {}
        entry = first
        while True:
            if entry is None:
                line = self.peek()
                if line is None or line[0] < indent:
                    return result
                if line[0] > indent or line[1].startswith("- "):
                    raise _Unsupported
                entry = line[1]
                self.position += 1
            match = _KEY.fullmatch(entry)
            if match is None:
                raise _Unsupported
            key, value = match.groups()
            if key in result or (key not in self.keys and self.resolve(key) != _STR):
                raise _Unsupported
            self.keys.add(key)
            result[key] = self.value(value, indent, depth)
            entry = None

    def value(self, text: str | None, indent: int, depth: int) -> Any:
        """The value of a key at `indent`: a scalar on its line, else the block below."""
        if text:
            return self.scalar(text)
        line = self.peek()
        if line is None or line[0] < indent:
            return None
        if line[0] == indent:
            return self.sequence(indent, depth + 1) if line[1].startswith("- ") else None
        if line[1].startswith("- "):
            return self.sequence(line[0], depth + 1)
        return self.mapping(line[0], depth + 1)

    def scalar(self, text: str) -> Any:
        first = text[0]
        if first == "'":
            match = _SINGLE.fullmatch(text)
            if match is None:
                raise _Unsupported
            return match.group(1).replace("''", "'")
        if first == '"':
            match = _DOUBLE.fullmatch(text)
            if match is None:
                raise _Unsupported
            return _ESCAPE.sub(_unescape, match.group(1))
        return self.plain(text)

    def plain(self, text: str) -> Any:
        first = text[0]
        if (
            first in _PLAIN_START
            or (first in "-?:" and (len(text) == 1 or text[1] == " "))
            or ": " in text
            or " #" in text
            or text[-1] in ": "
        ):
            raise _Unsupported
        if first not in _RESOLVED_FIRST:
            return text
        tag = self.resolve(text)
        if tag == _STR:
            return text
        if tag == _INT and _PLAIN_INT.fullmatch(text):
            return int(text)
        if tag == _BOOL:
            return SafeConstructor.bool_values[text.lower()]
        if tag == _NULL:
            return None
        raise _Unsupported  # a float, a timestamp, an octal or sexagesimal number, `=`, `<<`

    def resolve(self, text: str) -> str:
        """The tag PyYAML's resolver gives a plain scalar."""
        resolver: Any = self.resolver  # PyYAML has no type hints
        return str(resolver.resolve(ScalarNode, text, (True, False)))


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1) or match.group(2) or match.group(3)
    if code is not None:
        value = int(code, 16)
        if 0xD800 <= value <= 0xDFFF:
            raise _Unsupported  # a surrogate: libyaml refuses it, PyYAML's Python reader not
        return chr(value)
    char = match.group(4)
    if char not in Scanner.ESCAPE_REPLACEMENTS:
        raise _Unsupported
    return str(Scanner.ESCAPE_REPLACEMENTS[char])
