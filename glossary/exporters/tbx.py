"""TBX: TBX-Basic, ISO 30042:2019 (v3, `conceptEntry`/`langSec`/`termSec`) by default, or the
older v2 `martif` layout (`termEntry`/`langSet`/`tig`) that most translation tools import.

What goes where (both versions; see the README's 'Exchange' section):
- the entry's id is the term's id; tags are `descrip type="subjectField"`; the source is
  `admin type="source"`; the note is a `note`; the exact status is a note `glossary status: …`;
- `zh`: the headword (its `administrativeStatus` from STATUS_TO_TBX), the Chinese aliases
  (admitted terms), the definition; pinyin and the printed form are notes on the headword;
- `en`: the English name, the Latin-script aliases, the definition.
Each alias's `administrativeStatus` is its name status (NAME_STATUS_TO_TBX); TBX has no
"forbidden", so a forbidden name is written as deprecated with a note `glossary name status:
forbidden` that `glossary import tbx` reads back.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from glossary.exchange import NAME_STATUS_NOTE, PINYIN_NOTE, PRINTED_NOTE, STATUS_NOTE
from glossary.model import Term
from glossary.text.pinyin import is_hanzi

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
STATUS_TO_TBX = {
    "complete": "preferredTerm-admn-sts",
    "truncated": "admittedTerm-admn-sts",
    "draft": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
}
ALIAS_STATUS = "admittedTerm-admn-sts"
NAME_STATUS_TO_TBX = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": ALIAS_STATUS,
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_V3_SCHEMAS = (
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" '
    'schematypens="http://relaxng.org/ns/structure/1.0"',
    'href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/'
    'TBX-Basic_DCA.sch" type="application/xml" '
    'schematypens="http://purl.oclc.org/dsdl/schematron"',
)
_NAMES = {
    3: {"entry": "conceptEntry", "lang": "langSec", "term": "termSec"},
    2: {"entry": "termEntry", "lang": "langSet", "term": "tig"},
}


def is_chinese(text: str) -> bool:
    return any(is_hanzi(char) for char in text)


def _sub(parent: ET.Element, tag: str, text: str = "", **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text:
        element.text = text
    return element


def _term(parent: ET.Element, names: dict[str, str], text: str, status: str) -> ET.Element:
    holder = _sub(parent, names["term"])
    _sub(holder, "term", text)
    _sub(holder, "termNote", status, type="administrativeStatus")
    return holder


def entry(term: Term, names: dict[str, str]) -> ET.Element:
    element = ET.Element(names["entry"], {"id": term.id})
    for tag in term.tags:
        _sub(element, "descrip", tag, type="subjectField")
    if term.source:
        _sub(element, "admin", str(term.source), type="source")
    _sub(element, "note", STATUS_NOTE + term.status)
    if term.note:
        _sub(element, "note", term.note)
    sides = (
        ("zh", term.headword, term.definition_zh, [a for a in term.aliases if is_chinese(a)]),
        ("en", term.en, term.definition_en, [a for a in term.aliases if not is_chinese(a)]),
    )
    for lang, name, definition, aliases in sides:
        section = _sub(element, names["lang"], **{XML_LANG: lang})
        if definition:
            _sub(section, "descrip", definition, type="definition")
        main = _term(section, names, name, STATUS_TO_TBX.get(term.status, ALIAS_STATUS))
        if lang == "zh":
            if term.pinyin:
                _sub(main, "note", PINYIN_NOTE + term.pinyin)
            if term.printed:
                _sub(main, "note", PRINTED_NOTE + term.printed)
        for alias in aliases:
            status = term.status_of(alias)
            holder = _term(section, names, alias, NAME_STATUS_TO_TBX[status])
            if status == "forbidden":
                _sub(holder, "note", NAME_STATUS_NOTE + status)
    return element


def export(terms: Sequence[Term], version: int = 3) -> str:
    names = _NAMES[version]
    if version == 3:
        root = ET.Element(
            "tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "en", "xmlns": TBX3_NAMESPACE}
        )
        header = _sub(root, "tbxHeader")
    else:
        root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
        header = _sub(root, "martifHeader")
    description = _sub(_sub(header, "fileDesc"), "sourceDesc")
    _sub(description, "p", "Exported by glossary, a bilingual Chinese-English term base.")
    if version == 2:
        _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, "text"), "body")
    for term in terms:
        body.append(entry(term, names))
    ET.indent(root, space="  ")
    prolog = ['<?xml version="1.0" encoding="UTF-8"?>']
    if version == 3:
        prolog += [f"<?xml-model {schema}?>" for schema in _V3_SCHEMAS]
    return "\n".join([*prolog, ET.tostring(root, encoding="unicode")]) + "\n"
