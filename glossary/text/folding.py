"""Folding text so that variants compare equal, one character for one character (so offsets
into the folded text are offsets into the original):

- full-width Latin letters, digits and punctuation become their ASCII forms (ＥＯＤ -> EOD);
- Latin letters are lower-cased;
- traditional characters become simplified ones, using a table built once per term base
  (`traditional_table`) for just the characters the term base uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from glossary.model import Term

SEARCH_UP_TO = 1_000
"""Entries of a folding table up to which `Folder` finds the runs of characters it changes
with a regular expression rather than translating every character: for the bundled term
base's 340 that is 4x faster on a page of Chinese; for CC-CEDICT's 3,700 the expression is
no faster than `str.translate`."""


def fold_char(char: str, traditional: Mapping[str, str]) -> str:
    code = ord(char)
    if code < 128:
        return char.lower()
    if 0xFF01 <= code <= 0xFF5E:  # the full-width forms of ASCII
        return chr(code - 0xFEE0).lower()
    if code == 0x3000:  # ideographic space
        return " "
    return traditional.get(char, char)


def fold(text: str, traditional: Mapping[str, str]) -> str:
    """`text` folded character by character; `len(fold(t)) == len(t)` always."""
    return "".join(fold_char(char, traditional) for char in text)


def fold_table(traditional: Mapping[str, str]) -> dict[int, str]:
    """A `str.translate` table that does what `fold` does, at C speed."""
    table = {code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)}
    table.update({code: chr(code - 0xFEE0).lower() for code in range(0xFF01, 0xFF5F)})
    table[0x3000] = " "
    for trad, simp in traditional.items():
        table.setdefault(ord(trad), simp)
    return table


class Folder:
    """`fold` with a `fold_table`, as fast as the table allows: `str.translate` walks every
    character through the table's dict; for a small table a regular expression finds the
    runs of characters the table changes (a few in a page of Chinese), and only those are
    translated. Compiled on first use."""

    def __init__(self, table: dict[int, str]) -> None:
        self.table = table
        self._runs: re.Pattern[str] | None = None

    def __call__(self, text: str) -> str:
        if len(self.table) > SEARCH_UP_TO or text.isascii():
            return text.translate(self.table)
        if self._runs is None:
            chars = "".join(re.escape(chr(code)) for code in sorted(self.table))
            self._runs = re.compile(f"[{chars}]+" if chars else "(?!)")
        table = self.table
        return self._runs.sub(lambda run: run.group().translate(table), text)


def termbase_traditional(terms: Iterable[Term]) -> dict[str, str]:
    """Traditional -> simplified for the characters of these terms' names and the hanzi of
    their Chinese definitions: the one table an index build folds with (the search index and
    the scanner alike)."""
    from glossary.text.pinyin import is_hanzi

    chars: set[str] = set()
    for term in terms:
        for name in term.names():
            chars.update(name)
        chars.update(ch for ch in term.definition_zh if is_hanzi(ch))
    return traditional_table(chars)


def traditional_table(simplified_chars: Iterable[str]) -> dict[str, str]:
    """Traditional -> simplified for the traditional forms of the given characters.

    Built from MediaWiki's conversion tables (zhconv's `zhcdict.json`) at index-build time
    only, read straight from the file: importing zhconv imports pkg_resources (0.1-0.2 s).
    """
    wanted = set(simplified_chars)
    table = {
        trad: simp
        for trad, simp in _zh2hans().items()
        if len(trad) == 1 and len(simp) == 1 and simp in wanted and trad != simp
    }
    return dict(sorted(table.items()))


def _zh2hans() -> dict[str, str]:
    import json
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("zhconv")
    if spec is not None and spec.origin is not None:
        try:
            data = json.loads((Path(spec.origin).parent / "zhcdict.json").read_bytes())
            return dict(data["zh2Hans"])
        except (OSError, ValueError, KeyError):
            pass
    from zhconv import zhconv

    zhconv.loaddict()
    return dict(zhconv.zhcdicts["zh2Hans"])
