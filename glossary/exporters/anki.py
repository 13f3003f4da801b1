"""Anki: one note per term in a package (.apkg) built with genanki.

Identities never drift, so a re-exported package updates the notes a user already studies:
the note type has a fixed id (MODEL_ID), the deck's id is derived from its name, and each
note's GUID from the term's id, never from its fields. The package is stamped with the time
of export (Anki only takes updates from a package newer than its notes).

The note type is the same whatever cards are asked for: each card kind has a switch field
(`Card zh-en`, ...), and Anki makes a card only where its switch is filled in.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import os
import re
import time
from collections.abc import Iterable, Sequence
from typing import Any

from glossary.errors import FileAccessError
from glossary.model import Term

MODEL_ID = 1_718_203_705
MODEL_NAME = "Glossary term (glossary CLI)"
FIELDS = (
    "Headword",
    "Pinyin",
    "English",
    "Definition (zh)",
    "Definition (en)",
    "Aliases",
    "Source",
    "Note",
    "Card zh-en",
    "Card en-zh",
    "Card pinyin",
)
CSS = """\
.card {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  font-size: 20px;
  line-height: 1.5;
  text-align: center;
  color: #1d1d1f;
  background: #fdfdfd;
  max-width: 40em;
  margin: 0 auto;
}
.nightMode.card { color: #e6e6e6; background: #1e1e1e; }
.headword { font-size: 2.2em; }
.pinyin { font-size: 1.3em; color: #8a3ffc; }
.english { font-size: 1.3em; font-weight: 600; }
.definition { text-align: left; font-size: 0.9em; margin-top: 1em; }
.definition.en { font-style: italic; }
.aliases, .source { font-size: 0.75em; color: #6e6e73; margin-top: 0.8em; }
.note { font-size: 0.8em; text-align: left; margin-top: 0.8em; border-left: 3px solid #c9a227;
  padding-left: 0.6em; }
"""
_BACK_DETAILS = """
{{#Definition (zh)}}<div class="definition">{{Definition (zh)}}</div>{{/Definition (zh)}}
{{#Definition (en)}}<div class="definition en">{{Definition (en)}}</div>{{/Definition (en)}}
{{#Aliases}}<div class="aliases">{{Aliases}}</div>{{/Aliases}}
{{#Source}}<div class="source">{{Source}}</div>{{/Source}}
{{#Note}}<div class="note">{{Note}}</div>{{/Note}}"""
TEMPLATES = (
    {
        "name": "Chinese → English",
        "qfmt": '{{#Card zh-en}}<div class="headword">{{Headword}}</div>{{/Card zh-en}}',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="pinyin">{{Pinyin}}</div>'
        '<div class="english">{{English}}</div>' + _BACK_DETAILS,
    },
    {
        "name": "English → Chinese",
        "qfmt": '{{#Card en-zh}}<div class="english">{{English}}</div>{{/Card en-zh}}',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="headword">{{Headword}}</div>'
        '<div class="pinyin">{{Pinyin}}</div>' + _BACK_DETAILS,
    },
    {
        "name": "Pinyin → Hanzi",
        "qfmt": '{{#Card pinyin}}<div class="pinyin">{{Pinyin}}</div>{{/Card pinyin}}',
        "afmt": '{{FrontSide}}<hr id="answer"><div class="headword">{{Headword}}</div>'
        '<div class="english">{{English}}</div>' + _BACK_DETAILS,
    },
)
CARD_FIELDS = {"zh-en": "Card zh-en", "en-zh": "Card en-zh", "pinyin": "Card pinyin"}


def deck_id(name: str) -> int:
    """A stable deck id for a deck name (the same name always gives the same deck)."""
    digest = hashlib.sha256(("glossary deck:" + name).encode("utf-8")).digest()
    return int.from_bytes(digest[:6], "big") + (1 << 30)


def note_guid(term_id: str) -> str:
    """The note's GUID: from the term's id alone, so edits to its fields update the note."""
    import genanki

    return str(genanki.guid_for(term_id))


def anki_tags(tags: Iterable[str]) -> list[str]:
    """Anki tags cannot contain spaces: runs of whitespace become `_`."""
    return [re.sub(r"\s+", "_", tag.strip()) for tag in tags if tag.strip()]


def field_values(term: Term, cards: Sequence[str]) -> list[str]:
    """The note's fields as plain text, in FIELDS order (the card switches last)."""
    values = [
        term.headword,
        term.pinyin,
        term.en,
        term.definition_zh,
        term.definition_en,
        "; ".join(term.approved_aliases()),  # deprecated and forbidden names are not taught
        str(term.source) if term.source else "",
        term.note,
    ]
    return values + ["y" if kind in cards else "" for kind in CARD_FIELDS]


def note_fields(term: Term, cards: Sequence[str]) -> list[str]:
    """The fields as Anki stores them: HTML, so `<`, `>` and `&` are escaped to show as typed.
    Quotes are left as they are (a field is element content, not an attribute), so a search
    for `Earth's` finds the note."""
    return [html.escape(value, quote=False) for value in field_values(term, cards)]


def _model() -> Any:
    import genanki

    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=list(TEMPLATES),
        css=CSS,
    )


def package(
    terms: Sequence[Term],
    *,
    deck: str = "Glossary",
    cards: Sequence[str] = ("zh-en", "en-zh"),
    timestamp: float | None = None,
) -> bytes:
    """The .apkg bytes. `timestamp` defaults to now; pass one only to test updates."""
    import genanki

    model = _model()
    anki_deck = genanki.Deck(deck_id(deck), deck)
    for term in terms:
        anki_deck.add_note(
            genanki.Note(
                model=model,
                fields=note_fields(term, cards),
                guid=note_guid(term.id),
                tags=anki_tags(term.tags),
            )
        )
    return _package_bytes(
        genanki.Package(anki_deck), time.time() if timestamp is None else timestamp
    )


def _package_bytes(anki_package: Any, timestamp: float) -> bytes:
    """What genanki's `write_to_file` writes, but with its collection database in a folder of
    our own that is removed afterwards (genanki leaves it in $TMPDIR), and SQLite's failures
    (a full disk, a file size limit) as one error."""
    import sqlite3
    import tempfile
    import zipfile

    with tempfile.TemporaryDirectory(prefix="glossary-anki-") as folder:
        collection = os.path.join(folder, "collection.anki2")
        try:
            db = sqlite3.connect(collection)
            try:
                anki_package.write_to_db(
                    db.cursor(), timestamp, itertools.count(int(timestamp * 1000))
                )
                db.commit()
            finally:
                db.close()
        except sqlite3.Error as exc:
            raise FileAccessError(
                f"the Anki package could not be built in {tempfile.gettempdir()}: {exc}"
            ) from None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.write(collection, "collection.anki2")
            archive.writestr("media", "{}")
        return out.getvalue()
