"""Completion: the word before the cursor (pinyin with or without tones, initials, English) is
a lookup query; the terms lookup finds are offered in its order, the headword to insert (the
English name in an English document), English and pinyin as the detail."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types

from glossary.lsp.hover import content, plain_card
from glossary.search.ranking import Match
from glossary.text.pinyin import is_hanzi

LIMIT = 20
_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff'’:-]+\Z")
_LONGEST = 64  # characters of a word looked at before the cursor
_SAMPLE = 2_000  # characters either side of the cursor that decide a document's language


def word_before(text: str, offset: int, line_start: int) -> tuple[int, str]:
    """Where the Latin word that ends at `offset` starts (not before `line_start`), and the word:
    letters with or without tone marks, digits (tone numbers), hyphens and apostrophes; at least
    one letter. ("", offset) when there is none."""
    found = _WORD.search(text, max(line_start, offset - _LONGEST), offset)
    if found is None:
        return offset, ""
    word = found.group().lstrip("-'’:")
    if not any(char.isalpha() for char in word):
        return offset, ""
    return offset - len(word), word


def is_english(text: str, start: int, end: int, line_start: int, line_end: int) -> bool:
    """Whether the word typed at `start:end` is in English text rather than Chinese: fewer than
    one Chinese character per three Latin letters on its line (the word left out), or, when
    the rest of the line says nothing, in the text around it. Chinese when nothing tells."""
    for before, after in ((line_start, line_end), (start - _SAMPLE, end + _SAMPLE)):
        hanzi, letters = _script_counts(text[max(0, before) : start] + text[end:after])
        if hanzi or letters:
            return hanzi * 3 < letters
    return False


def _script_counts(sample: str) -> tuple[int, int]:
    hanzi = sum(1 for char in sample if is_hanzi(char))
    letters = sum(1 for char in sample if char.isascii() and char.isalpha())
    return hanzi, letters


def items(
    matches: Sequence[Match], word: str, replaced: types.Range, english: bool, markdown: bool
) -> list[types.CompletionItem]:
    """One item per match, best first; each replaces the typed `word` (`replaced`)."""
    found = []
    for rank, match in enumerate(matches):
        term = match.term
        text = (term.en or term.headword) if english else term.headword
        other = term.headword if english else term.en
        detail = " · ".join(part for part in (other, term.pinyin) if part and part != text)
        found.append(
            types.CompletionItem(
                label=text,
                kind=types.CompletionItemKind.Text,
                detail=detail,
                documentation=(
                    content(term, match.termbase, markdown=True)
                    if markdown
                    else plain_card(term, match.termbase)  # a plain string: valid for any client
                ),
                sort_text=f"{rank:04d}",
                filter_text=word,
                text_edit=types.TextEdit(range=replaced, new_text=text),
                data={"id": term.id, "match": match.kind, "score": match.score},
            )
        )
    return found
