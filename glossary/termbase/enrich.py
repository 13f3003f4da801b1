"""Fill in what an importer or a user cannot give: pinyin (with the polyphonic characters whose
reading was guessed) and a stable id."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from glossary.model import Term
from glossary.text.pinyin import (
    add_tone_mark,
    hanzi_readings,
    hanzi_to_pinyin,
    is_hanzi,
    readings,
    slug,
    strip_tones,
)


def pinyin_for(headword: str) -> str:
    """pypinyin's tone-marked reading, words grouped by segmentation. A default: polyphonic
    characters must be checked by hand (`glossary validate` does not know the meaning)."""
    return guess_pinyin(headword).pinyin


@dataclass(frozen=True, slots=True)
class Polyphone:
    """A character with several readings, the one guessed for it and the others it has."""

    char: str
    guessed: str
    others: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.char} {self.guessed} (also {'/'.join(self.others)})"


@dataclass(frozen=True, slots=True)
class PinyinGuess:
    """A guessed reading of a headword and every polyphonic character in it, in order."""

    pinyin: str
    polyphones: tuple[Polyphone, ...] = ()


def guess_pinyin(headword: str) -> PinyinGuess:
    """The reading pypinyin gives `headword` (grouped into jieba's words) and the characters
    pypinyin knows other readings for (its heteronym data), each named once."""
    if not any(is_hanzi(char) for char in headword):
        return PinyinGuess(headword)
    from glossary.text.segment import segment

    words = segment(headword)
    polyphones: dict[str, Polyphone] = {}
    for char, guessed in hanzi_readings(words):
        known = [add_tone_mark(reading.base, reading.tone) for reading in readings(char)]
        others = tuple(reading for reading in known if reading != guessed)
        if others and char not in polyphones:
            polyphones[char] = Polyphone(char, guessed, others)
    return PinyinGuess(hanzi_to_pinyin(words), tuple(polyphones.values()))


_RUN = re.compile(r"[a-z]+|[0-9]+")


def id_from_pinyin(pinyin: str) -> str:
    """An id slug from written pinyin: toneless letters, digit runs apart (`xiàngmù liùlǜ` ->
    `xiangmuliulv`, `Liánhéguó 2030 nián` -> `lianheguo-2030-nian`); `term` when nothing is
    left."""
    plain = strip_tones(unicodedata.normalize("NFKC", pinyin))[0]
    return "-".join(_RUN.findall(re.sub("[^a-z0-9]", "", plain))) or "term"


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
