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
NAME_STATUSES = ("preferred", "admitted", "deprecated", "forbidden")
"""The status of one name of a term, as TBX's `administrativeStatus`: the headword and the
English name are preferred; an alias is admitted unless the term base says otherwise (`aliases:
[{name: ..., status: deprecated}]`). A deprecated name is flagged by `glossary check` as a
warning, a forbidden one as an error, each with the preferred name as its replacement."""
UNFIT = ("deprecated", "forbidden")

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
    "check",
    "examples",
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
    alias_statuses: tuple[tuple[str, str], ...] = ()
    """(alias, status) for each alias whose status is not admitted."""
    check: bool = True
    """False: `glossary check` reports nothing about this term."""
    examples_match: tuple[str, ...] = ()
    examples_no_match: tuple[str, ...] = ()
    """Self-tests run by `glossary validate`: contexts where the scanner must (must not) find
    the term."""

    def names(self) -> tuple[str, ...]:
        """Every name the term goes by: headword, English name and aliases, without repeats."""
        seen: dict[str, None] = {}
        for name in (self.headword, self.en, *self.aliases):
            if name:
                seen.setdefault(name, None)
        return tuple(seen)

    def status_of(self, name: str) -> str:
        """The status of one of this term's names (see NAME_STATUSES)."""
        if name in (self.headword, self.en):
            return "preferred"
        return dict(self.alias_statuses).get(name, "admitted")

    def preferred_for(self, name: str) -> str:
        """The preferred name to use instead of `name`: the headword for a Chinese name, the
        English name for a Latin one (the headword when there is no English name)."""
        if self.en and not any("\u3400" <= char <= "\u9fff" for char in name):
            return self.en
        return self.headword

    def unfit_names(self) -> tuple[tuple[str, str], ...]:
        """(name, status) of the names not to be used: deprecated and forbidden."""
        return tuple((name, status) for name, status in self.alias_statuses if status in UNFIT)

    def approved_aliases(self) -> tuple[str, ...]:
        """The aliases that may be used (admitted or preferred), in order."""
        return tuple(alias for alias in self.aliases if self.status_of(alias) not in UNFIT)

    def approved_names(self) -> tuple[str, ...]:
        """The names that may be used: preferred first, then the admitted aliases."""
        return tuple(name for name in self.names() if self.status_of(name) not in UNFIT)

    def to_dict(self) -> dict[str, Any]:
        """The term as the term base stores it: YAML field names, empty fields left out."""
        data: dict[str, Any] = {
            "id": self.id,
            "headword": self.headword,
            "printed": self.printed,
            "pinyin": self.pinyin,
            "en": self.en,
            "aliases": [self._alias_entry(alias) for alias in self.aliases],
            "definition": {
                key: value
                for key, value in (("zh", self.definition_zh), ("en", self.definition_en))
                if value
            },
            "status": self.status,
            "source": self.source.to_dict() if self.source else None,
            "tags": list(self.tags),
            "note": self.note,
            "check": None if self.check else False,
            "examples": {
                key: list(values)
                for key, values in (
                    ("match", self.examples_match),
                    ("no_match", self.examples_no_match),
                )
                if values
            },
        }
        return {key: data[key] for key in FIELD_ORDER if data[key] not in (None, "", [], {})}

    def _alias_entry(self, alias: str) -> str | dict[str, str]:
        status = self.status_of(alias)
        return alias if status == "admitted" else {"name": alias, "status": status}

    def with_changes(self, **changes: Any) -> Term:
        return replace(self, **changes)


def term_from_dict(data: dict[str, Any]) -> Term:
    """Build a Term from its stored form; the caller has validated the shape."""
    definition = data.get("definition") or {}
    source = data.get("source")
    aliases = [_alias_of(entry) for entry in data.get("aliases") or ()]
    examples = data.get("examples") or {}
    return Term(
        id=str(data["id"]),
        headword=str(data["headword"]),
        pinyin=str(data.get("pinyin") or ""),
        en=str(data.get("en") or ""),
        printed=data.get("printed") or None,
        aliases=tuple(name for name, _ in aliases),
        definition_zh=str(definition.get("zh") or ""),
        definition_en=str(definition.get("en") or ""),
        status=str(data.get("status") or "complete"),
        source=Source(str(source["document"]), source.get("line")) if source else None,
        tags=tuple(str(tag) for tag in data.get("tags") or ()),
        note=str(data.get("note") or ""),
        alias_statuses=tuple((name, status) for name, status in aliases if status != "admitted"),
        check=data.get("check") is not False,
        examples_match=tuple(str(text) for text in examples.get("match") or ()),
        examples_no_match=tuple(str(text) for text in examples.get("no_match") or ()),
    )


def _alias_of(entry: Any) -> tuple[str, str]:
    """(name, status) of an alias as stored: a string (admitted) or {name, status}."""
    if isinstance(entry, dict):
        return str(entry["name"]), str(entry.get("status") or "admitted")
    return str(entry), "admitted"


@dataclass(frozen=True, slots=True)
class TermBase:
    """A loaded term base: where it came from, its terms, and the line each term starts on."""

    path: str
    name: str
    terms: tuple[Term, ...]
    lines: dict[str, int] = field(default_factory=dict)
    kind: str = "glossary"
