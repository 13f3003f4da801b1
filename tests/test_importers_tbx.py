"""TBX import: round trips for v3 and v2, hostile XML refused, malformed input located."""

from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.exporters import tbx
from glossary.importers.tbx import parse_tbx
from glossary.model import Term

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tbx><text><body><conceptEntry id="x"><note>&lol3;</note></conceptEntry></body></text></tbx>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<tbx><text><body><conceptEntry id="x"><note>&secret;</note></conceptEntry></body></text></tbx>
"""


@pytest.mark.parametrize("version", [2, 3])
def test_round_trip_keeps_every_field(version: int, tricky_terms: tuple[Term, ...]) -> None:
    data = tbx.export(tricky_terms, version=version).encode()
    assert parse_tbx(data, "t.tbx") == list(tricky_terms)


@pytest.mark.parametrize("version", [2, 3])
def test_round_trip_bundled(version: int, bundled_terms: tuple[Term, ...]) -> None:
    data = tbx.export(bundled_terms, version=version).encode()
    assert parse_tbx(data, "t.tbx") == list(bundled_terms)


@pytest.mark.parametrize("data", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_hostile_xml_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^h\.tbx: refused: the XML declares entities"):
        parse_tbx(data, "h.tbx")


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(InputError, match=r"^bad\.tbx:3: malformed XML"):
        parse_tbx(b"<tbx>\n<text>\n</tbx>\n", "bad.tbx")


def test_entry_without_english_names_its_line() -> None:
    data = b"""<tbx><text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>A</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="b">
<langSec xml:lang="zh"><termSec><term>\xe4\xb9\x99</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""
    with pytest.raises(InputError, match=r"^x\.tbx:2: <conceptEntry> has no Chinese \(zh\)"):
        parse_tbx(data, "x.tbx")


def test_not_tbx() -> None:
    with pytest.raises(InputError, match="not TBX: the root element is <html>"):
        parse_tbx(b"<html/>", "x.tbx")


def test_foreign_ids_and_statuses_are_mapped() -> None:
    data = """<martif type="TBX-Basic"><text><body><termEntry id="_c1">
<langSet xml:lang="zh-CN"><tig><term>乙</term>
<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
<langSet xml:lang="en-US"><tig><term>B</term></tig></langSet>
</termEntry></body></text></martif>""".encode()
    (term,) = parse_tbx(data, "x.tbx")
    assert (term.id, term.headword, term.en, term.status) == ("", "乙", "B", "deprecated")
