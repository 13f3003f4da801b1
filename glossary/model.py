"""The Term and the small value types around it. No I/O, no third-party imports."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

STATUSES = ("complete", "truncated", "draft", "deprecated")
KINDS = ("glossary", "dictionary")
"""What a term base is: a glossary's short Chinese names are matched in running text only at
word boundaries; a general dictionary (CC-CEDICT) is matched by longest match alone."""
"""complete: the definition is whole; truncated: the source cut it off (kept as printed);
draft: added by a user and not yet reviewed; deprecated: kept for reference, not to be used."""

FIELD_ORDER = (
    "id",
    "headword",
    "printed",
    "pinyin",
    "en",
    "aliases",
    "definition",
    "status",
    "source",
    "tags",
    "note",
)
"""The order fields are written in, so that saved term bases diff cleanly."""

REQUIRED_FIELDS = ("id", "headword", "pinyin")
"""`en` is optional: an appendix import gives Chinese only, and the English is written later."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a term comes from: a document and the line it was first printed on."""

    document: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"document": self.document}
        if self.line is not None:
            data["line"] = self.line
        return data

    def __str__(self) -> str:
        return self.document if self.line is None else f"{self.document}, line {self.line}"


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a term base.

    `headword` is the Chinese (or Latin, for acronyms such as EOD) form a reader looks up;
    `printed` is the form as printed in the source when it differs (in quotes, for instance).
    """

    id: str
    headword: str
    pinyin: str
    en: str
    printed: str | None = None
    aliases: tuple[str, ...] = ()
    definition_zh: str = ""
    definition_en: str = ""
    status: str = "complete"
    source: Source | None = None
    tags: tuple[str, ...] = ()
    note: str = ""

    def names(self) -> tuple[str, ...]:
        """Every name the term goes by: headword, English name and aliases, without repeats."""
        seen: dict[str, None] = {}
        for name in (self.headword, self.en, *self.aliases):
            if name:
                seen.setdefault(name, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """The term as the term base stores it: YAML field names, empty fields left out."""
        data: dict[str, Any] = {
            "id": self.id,
            "headword": self.headword,
            "printed": self.printed,
            "pinyin": self.pinyin,
            "en": self.en,
            "aliases": list(self.aliases),
            "definition": {
                key: value
                for key, value in (("zh", self.definition_zh), ("en", self.definition_en))
                if value
            },
            "status": self.status,
            "source": self.source.to_dict() if self.source else None,
            "tags": list(self.tags),
            "note": self.note,
        }
        return {key: data[key] for key in FIELD_ORDER if data[key] not in (None, "", [], {})}

    def with_changes(self, **changes: Any) -> Term:
        return replace(self, **changes)


def term_from_dict(data: dict[str, Any]) -> Term:
    """Build a Term from its stored form; the caller has validated the shape."""
    definition = data.get("definition") or {}
    source = data.get("source")
    return Term(
        id=str(data["id"]),
        headword=str(data["headword"]),
        pinyin=str(data.get("pinyin") or ""),
        en=str(data.get("en") or ""),
        printed=data.get("printed") or None,
        aliases=tuple(str(alias) for alias in data.get("aliases") or ()),
        definition_zh=str(definition.get("zh") or ""),
        definition_en=str(definition.get("en") or ""),
        status=str(data.get("status") or "complete"),
        source=Source(str(source["document"]), source.get("line")) if source else None,
        tags=tuple(str(tag) for tag in data.get("tags") or ()),
        note=str(data.get("note") or ""),
    )


@dataclass(frozen=True, slots=True)
class TermBase:
    """A loaded term base: where it came from, its terms, and the line each term starts on."""

    path: str
    name: str
    terms: tuple[Term, ...]
    lines: dict[str, int] = field(default_factory=dict)
    kind: str = "glossary"
