"""A query as every tier of the search sees it, worked out once per search."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from glossary.text.folding import fold
from glossary.text.pinyin import strip_tones

TONED = re.compile(r"[a-zü][1-5]")


@dataclass(frozen=True, slots=True)
class Query:
    """`text` as typed (stripped); `folded` (glossary.text.folding); `plain`, the folded form
    without tone marks and with ü written v (also when typed `u:`, as CC-CEDICT does);
    `tones`, the tone of each character of `plain` (0: none); `toned` when a tone was typed,
    as a mark or as a digit after a letter."""

    text: str
    folded: str
    plain: str
    tones: tuple[int, ...]
    toned: bool

    @classmethod
    def of(cls, text: str, traditional: Mapping[str, str]) -> Query:
        text = text.strip()
        folded = fold(text, traditional)
        plain, tones = strip_tones(folded.replace("u:", "ü"))  # CC-CEDICT writes ü as u:
        toned = bool(TONED.search(folded)) or any(tones)
        return cls(text, folded, plain, tuple(tones), toned)
