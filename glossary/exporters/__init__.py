"""Exporters: each turns terms into one outside format, behind one interface and one registry.

May import model, errors, exchange and text; never the CLI, typer or rich.

An exporter is a function `(terms, options) -> str | bytes`: text formats return `str`,
binary ones (the Anki package) `bytes`. `EXPORTS` lists every format with what the command line
needs to offer it (`glossary export NAME` is generated from it, one subcommand per entry, with the
settings the entry names), so a new format is one module and one entry here. The modules behind
it are imported only when their format is asked for, so reading the registry (as the command line
does at every start) costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from glossary.errors import InputError
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


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its name, a one-line summary (the command's help), its exporter, the
    `ExportOptions` fields it reads (in the order its command offers them), and whether it is
    binary (then it must be written to a file)."""

    name: str
    summary: str
    write: Exporter
    settings: tuple[str, ...] = ()
    binary: bool = False


def _anki(terms: Sequence[Term], options: ExportOptions) -> bytes:
    from glossary.exporters import anki

    return anki.package(terms, deck=options.deck.strip() or "Glossary", cards=options.cards)


def _csv(terms: Sequence[Term], options: ExportOptions) -> str:
    from glossary.exporters import delimited

    deck = options.deck if options.anki else None
    return delimited.export(terms, ",", anki_deck=deck, cards=options.cards)


def _tsv(terms: Sequence[Term], options: ExportOptions) -> str:
    from glossary.exporters import delimited

    deck = options.deck if options.anki else None
    return delimited.export(terms, "\t", anki_deck=deck, cards=options.cards)


def _tbx(terms: Sequence[Term], options: ExportOptions) -> str:
    from glossary.exporters import tbx

    if options.tbx_version not in (2, 3):
        raise InputError(
            f"--tbx-version: {options.tbx_version} is not a TBX version here (use 2 or 3)"
        )
    return tbx.export(terms, version=options.tbx_version)


def _json(terms: Sequence[Term], options: ExportOptions) -> str:
    from glossary.exporters import jsondoc

    return jsondoc.export(terms)


def _markdown(terms: Sequence[Term], options: ExportOptions) -> str:
    from glossary.exporters import markdown

    return markdown.export(terms)


EXPORTS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "anki",
        "An Anki package (.apkg): one note per term; re-importing updates the notes in place.",
        _anki,
        settings=("deck", "cards"),
        binary=True,
    ),
    ExportFormat(
        "tbx",
        "TBX-Basic for translation tools: v3 (ISO 30042:2019) by default; use --tbx-version 2 "
        "for translate-toolkit and Weblate, which read only the v2 martif layout, and for any "
        "tool that rejects v3.",
        _tbx,
        settings=("tbx_version",),
    ),
    ExportFormat(
        "csv",
        "Comma-separated values with a header row of the columns `glossary import csv` reads.",
        _csv,
        settings=("anki", "deck", "cards"),
    ),
    ExportFormat(
        "tsv",
        "Tab-separated values with a header row of the columns `glossary import tsv` reads.",
        _tsv,
        settings=("anki", "deck", "cards"),
    ),
    ExportFormat(
        "json",
        "The full term objects as a JSON array (the shape of `glossary list --json`).",
        _json,
    ),
    ExportFormat(
        "markdown",
        "A bilingual glossary document, sorted by pinyin, one section per term.",
        _markdown,
    ),
)
EXPORTERS: dict[str, ExportFormat] = {format.name: format for format in EXPORTS}
BINARY_FORMATS = frozenset(format.name for format in EXPORTS if format.binary)


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
    found = EXPORTERS.get(name)
    if found is None:
        raise InputError(f"unknown export format '{name}' (use one of: {', '.join(EXPORTERS)})")
    return found.write(terms, options)
