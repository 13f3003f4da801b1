"""TBX in: TBX-Basic v3 (`tbx`/`conceptEntry`/`langSec`/`termSec`) and v2
(`martif`/`termEntry`/`langSet`/`tig`), the layouts `glossary export tbx` writes.

The XML is parsed with defusedxml: a DTD that declares entities (an entity bomb) or refers to
an external resource is refused, never expanded, and so is nesting deeper than MAX_DEPTH (TBX
needs about ten levels; thousands would cost quadratic time). What each element becomes is the
reverse of glossary.exporters.tbx; other languages and data categories are ignored. An entry
without a Chinese or an English term (common in a TBX from elsewhere) is skipped and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glossary.errors import InputError
from glossary.exchange import NAME_STATUS_NOTE, PINYIN_NOTE, PRINTED_NOTE, STATUS_NOTE
from glossary.importers.delimited import parse_source
from glossary.model import STATUSES, UNFIT, Term
from glossary.termbase.validate import ID_PATTERN

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FROM_TBX_STATUS = {
    "preferredTerm-admn-sts": "complete",
    "admittedTerm-admn-sts": "complete",
    "deprecatedTerm-admn-sts": "deprecated",
    "supersededTerm-admn-sts": "deprecated",
}
ENTRY_TAGS = ("conceptEntry", "termEntry")
LANG_TAGS = ("langSec", "langSet")
TERM_TAGS = ("termSec", "tig")
NAME_STATUS_FROM_TBX = {
    "preferredTerm-admn-sts": "preferred",
    "admittedTerm-admn-sts": "admitted",
    "deprecatedTerm-admn-sts": "deprecated",
    "supersededTerm-admn-sts": "deprecated",
    "notRecommendedTerm-admn-sts": "deprecated",
    "obsoleteTerm-admn-sts": "deprecated",
}
"""The status of each name (`administrativeStatus` per termSec/tig); unknown: admitted."""
MAX_DEPTH = 64
"""Elements open at once: TBX-Basic's deepest path (tbx, text, body, conceptEntry, langSec,
termSec, descripGrp, descrip, then inline markup) is about ten."""


@dataclass(frozen=True, slots=True)
class SkippedEntry:
    """An entry left out because it has no term in one of the two languages."""

    line: int
    entry_id: str
    missing: str


@dataclass(frozen=True, slots=True)
class TbxRead:
    """The terms of a TBX file, and the entries skipped for want of a zh or en term."""

    terms: list[Term]
    skipped: list[SkippedEntry]


class _TooDeep(Exception):
    pass


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: Any) -> str:
    return "".join(element.itertext()).strip()


def _parse(data: bytes, name: str) -> tuple[Any, dict[int, int]]:
    """The root element and, for each element (by id()), the line it starts on."""
    from xml.etree.ElementTree import ParseError, TreeBuilder

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    lines: dict[int, int] = {}
    depth = [0]

    class LineBuilder(TreeBuilder):
        def start(self, tag: Any, attrs: Any) -> Any:
            depth[0] += 1
            if depth[0] > MAX_DEPTH:
                raise _TooDeep(parser.parser.CurrentLineNumber)
            element = super().start(tag, attrs)
            lines[id(element)] = parser.parser.CurrentLineNumber
            return element

        def end(self, tag: Any) -> Any:
            depth[0] -= 1
            return super().end(tag)

    parser = DefusedXMLParser(target=LineBuilder(), forbid_dtd=False)
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as exc:
        raise InputError(
            f"{name}: refused: the XML declares entities or refers to outside resources "
            f"({type(exc).__name__}); TBX files need neither"
        ) from None
    except _TooDeep as exc:
        raise InputError(
            f"{name}:{exc.args[0]}: refused: elements nested more than {MAX_DEPTH} deep "
            "(TBX needs about ten levels)"
        ) from None
    except ParseError as exc:
        line = exc.position[0] if exc.position else 1
        reason = str(exc).split(":")[0]
        raise InputError(f"{name}:{line}: malformed XML: {reason}") from None
    return root, lines


@dataclass(slots=True)
class _Side:
    names: list[str] = field(default_factory=list)
    name_statuses: list[str] = field(default_factory=list)
    definition: str = ""
    status: str = ""
    pinyin: str = ""
    printed: str = ""


def read_tbx(data: bytes, name: str) -> TbxRead:
    """Terms from TBX v3 or v2 bytes, skipping entries without a Chinese or an English term;
    a file where every entry is skipped is an error."""
    root, lines = _parse(data, name)
    if _local(root.tag) not in ("tbx", "martif"):
        raise InputError(f"{name}: not TBX: the root element is <{_local(root.tag)}>")
    terms: list[Term] = []
    skipped: list[SkippedEntry] = []
    for element in root.iter():
        if _local(element.tag) in ENTRY_TAGS:
            line = lines.get(id(element), 0)
            entry = _entry(element)
            if isinstance(entry, Term):
                terms.append(entry)
            else:
                skipped.append(SkippedEntry(line, element.get("id", "").strip(), entry))
    if skipped and not terms:
        first = skipped[0]
        raise InputError(
            f"{name}:{first.line}: no entry has both a Chinese (zh) and an English (en) term "
            f"({len(skipped)} skipped; the first has no {first.missing} term)"
        )
    return TbxRead(terms, skipped)


def skipped_lines(skipped: list[SkippedEntry], shown: int = 5) -> tuple[list[str], list[str]]:
    """A line saying how many entries were skipped, with the first `shown` ids and lines; and
    one line per skipped entry (for --verbose)."""
    if not skipped:
        return [], []
    first = ", ".join(f"{s.entry_id or '(no id)'} (line {s.line})" for s in skipped[:shown])
    more = ", …" if len(skipped) > shown else ""
    entries = f"entr{'ies' if len(skipped) != 1 else 'y'}"
    summary = f"  skipped {len(skipped)} {entries} without both a zh and an en term: {first}{more}"
    details = [
        f"  skipped line {s.line}: {s.entry_id or '(no id)'}: no {s.missing} term" for s in skipped
    ]
    return [summary], details


def parse_tbx(data: bytes, name: str) -> list[Term]:
    """The terms `read_tbx` finds, without the report of skipped entries."""
    return read_tbx(data, name).terms


def _side(section: Any) -> _Side:
    side = _Side()
    for child in section:
        kind = _local(child.tag)
        if kind == "descrip" and child.get("type") == "definition":
            side.definition = _text(child)
        elif kind in TERM_TAGS:
            _term_holder(child, side)
    return side


def _term_holder(holder: Any, side: _Side) -> None:
    first = not side.names
    status = "admitted"
    for child in holder.iter():
        kind = _local(child.tag)
        text = _text(child)
        if kind == "term" and text:
            side.names.append(text)
        elif kind == "termNote" and child.get("type") == "administrativeStatus":
            status = NAME_STATUS_FROM_TBX.get(text, status)
            if first:
                side.status = FROM_TBX_STATUS.get(text, "")
        elif kind == "note" and text == NAME_STATUS_NOTE + "forbidden":
            status = "forbidden"
        elif first and kind == "note" and text.startswith(PINYIN_NOTE):
            side.pinyin = text[len(PINYIN_NOTE) :].strip()
        elif first and kind == "note" and text.startswith(PRINTED_NOTE):
            side.printed = text[len(PRINTED_NOTE) :].strip()
    side.name_statuses += [status] * (len(side.names) - len(side.name_statuses))


def _main_first(side: _Side) -> list[tuple[str, str]]:
    """The side's names with their statuses, the one to use as the term's name first: the
    first name, unless it is deprecated or forbidden and a later one is preferred."""
    named = list(zip(side.names, side.name_statuses, strict=True))
    if named and named[0][1] in UNFIT:
        preferred = next((i for i, (_, s) in enumerate(named) if s == "preferred"), 0)
        named.insert(0, named.pop(preferred))
    return named


def _entry(element: Any) -> Term | str:
    """The entry as a term, or the language it has no term in (`Chinese (zh)`...)."""
    sides: dict[str, _Side] = {}
    tags: list[str] = []
    notes: list[str] = []
    status = source = ""
    for child in element:
        kind, text = _local(child.tag), _text(child)
        if kind in LANG_TAGS:
            lang = (child.get(XML_LANG) or child.get("lang") or "").lower().split("-")[0]
            sides.setdefault(lang, _side(child))
        elif kind == "descrip" and child.get("type") == "subjectField" and text:
            tags.append(text)
        elif kind == "admin" and child.get("type") == "source":
            source = text
        elif kind == "note" and text.startswith(STATUS_NOTE):
            status = text[len(STATUS_NOTE) :].strip()
        elif kind == "note" and text:
            notes.append(text)
    zh, en = sides.get("zh"), sides.get("en")
    if zh is None or not zh.names:
        return "Chinese (zh)"
    if en is None or not en.names:
        return "English (en)"
    if status not in STATUSES:
        status = zh.status or "complete"
    zh_names, en_names = _main_first(zh), _main_first(en)
    aliases = dict([*zh_names[1:], *en_names[1:]])
    term_id = element.get("id", "").strip()
    return Term(
        id=term_id if ID_PATTERN.match(term_id) else "",  # others get a slug (enrich.complete)
        headword=zh_names[0][0],
        pinyin=zh.pinyin,
        en=en_names[0][0],
        printed=zh.printed or None,
        aliases=tuple(aliases),
        alias_statuses=tuple((n, s) for n, s in aliases.items() if s != "admitted"),
        definition_zh=zh.definition,
        definition_en=en.definition,
        status=status,
        source=parse_source(source),
        tags=tuple(tags),
        note="\n".join(notes),
    )
