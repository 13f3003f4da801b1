"""Exporters: each turns terms into one outside format, behind one interface and one registry.

An exporter is a function `(terms, options) -> str | bytes`: text formats return `str`,
binary ones (the Anki package) `bytes`. `EXPORTERS` maps each format's name to its exporter;
the modules behind it import their heavy libraries (genanki) only when called.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary.errors import InputError
from glossary.exporters import anki, delimited, jsondoc, markdown, tbx
from glossary.model import Term

CARD_KINDS = ("zh-en", "en-zh", "pinyin")
DEFAULT_CARDS = ("zh-en", "en-zh")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What the exporters can be asked; each reads only what concerns it."""

    deck: str = "Glossary"
    cards: tuple[str, ...] = DEFAULT_CARDS
    tbx_version: int = 3
    anki: bool = False


Exporter = Callable[[Sequence[Term], ExportOptions], "str | bytes"]


def _anki(terms: Sequence[Term], options: ExportOptions) -> bytes:
    return anki.package(terms, deck=options.deck, cards=options.cards)


def _csv(terms: Sequence[Term], options: ExportOptions) -> str:
    deck = options.deck if options.anki else None
    return delimited.export(terms, ",", anki_deck=deck, cards=options.cards)


def _tsv(terms: Sequence[Term], options: ExportOptions) -> str:
    deck = options.deck if options.anki else None
    return delimited.export(terms, "\t", anki_deck=deck, cards=options.cards)


def _tbx(terms: Sequence[Term], options: ExportOptions) -> str:
    return tbx.export(terms, version=options.tbx_version)


def _json(terms: Sequence[Term], options: ExportOptions) -> str:
    return jsondoc.export(terms)


def _markdown(terms: Sequence[Term], options: ExportOptions) -> str:
    return markdown.export(terms)


EXPORTERS: dict[str, Exporter] = {
    "anki": _anki,
    "csv": _csv,
    "tsv": _tsv,
    "tbx": _tbx,
    "json": _json,
    "markdown": _markdown,
}
BINARY_FORMATS = frozenset({"anki"})


def parse_cards(text: str) -> tuple[str, ...]:
    """`zh-en,pinyin` -> ("zh-en", "pinyin"), in the order of CARD_KINDS."""
    asked = {part.strip() for part in text.split(",") if part.strip()}
    unknown = sorted(asked - set(CARD_KINDS))
    if unknown or not asked:
        raise InputError(
            f"--cards: {', '.join(unknown) or 'nothing'} is not a card kind "
            f"(use a comma-separated list of: {', '.join(CARD_KINDS)})"
        )
    return tuple(kind for kind in CARD_KINDS if kind in asked)


def export(name: str, terms: Sequence[Term], options: ExportOptions) -> str | bytes:
    exporter = EXPORTERS.get(name)
    if exporter is None:
        raise InputError(f"unknown export format '{name}' (use one of: {', '.join(EXPORTERS)})")
    return exporter(terms, options)
