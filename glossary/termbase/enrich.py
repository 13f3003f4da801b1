"""Fill in what an importer cannot read off its source: pinyin and a stable id."""

from __future__ import annotations

from collections.abc import Iterable

from glossary.model import Term
from glossary.text.pinyin import hanzi_to_pinyin, is_hanzi, slug


def pinyin_for(headword: str) -> str:
    """pypinyin's tone-marked reading, words grouped by segmentation. A default: polyphonic
    characters must be checked by hand (`glossary validate` does not know the meaning)."""
    if not any(is_hanzi(char) for char in headword):
        return headword
    from glossary.text.segment import segment

    return hanzi_to_pinyin(segment(headword))


def complete(terms: Iterable[Term]) -> list[Term]:
    """Give each term a pinyin and an id where it has none."""
    done: list[Term] = []
    for term in terms:
        changes: dict[str, str] = {}
        if not term.pinyin:
            changes["pinyin"] = pinyin_for(term.headword)
        if not term.id:
            changes["id"] = slug(term.headword)
        done.append(term.with_changes(**changes) if changes else term)
    return done
