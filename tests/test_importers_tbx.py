"""TBX import: round trips for v3 and v2, hostile XML refused, malformed input located."""

from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.exporters import tbx
from glossary.importers.tbx import SkippedEntry, parse_tbx, read_tbx
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


def test_entries_without_both_languages_are_skipped_and_reported() -> None:
    data = b"""<tbx><text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>A</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="b">
<langSec xml:lang="zh"><termSec><term>\xe4\xb9\x99</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="c"><langSec xml:lang="zh"><termSec><term>\xe4\xb8\x99</term></termSec>
</langSec><langSec xml:lang="en"><termSec><term>C</term></termSec></langSec></conceptEntry>
</body></text></tbx>"""
    read = read_tbx(data, "x.tbx")
    assert [term.en for term in read.terms] == ["C"]
    assert read.skipped == [
        SkippedEntry(2, "a", "Chinese (zh)"),
        SkippedEntry(4, "b", "English (en)"),
    ]


def test_a_file_with_no_usable_entry_is_an_error() -> None:
    data = b"""<tbx><text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>A</term></termSec></langSec>
</conceptEntry></body></text></tbx>"""
    with pytest.raises(InputError, match=r"^x\.tbx:2: no entry has both a Chinese \(zh\) and"):
        parse_tbx(data, "x.tbx")


def test_deep_nesting_is_refused_in_linear_time() -> None:
    depth = 40_000
    data = (
        '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="zh"><termSec>'
        + "<hi>" * depth
        + "x"
        + "</hi>" * depth
        + "</termSec></langSec></conceptEntry></body></text></tbx>"
    ).encode()
    with pytest.raises(InputError, match=r"^d\.tbx:1: refused: elements nested more than 64"):
        parse_tbx(data, "d.tbx")


def test_nesting_within_the_bound_is_read() -> None:
    note = "<hi>" * 50 + "caveat" + "</hi>" * 50
    data = (
        '<tbx><text><body><conceptEntry id="a"><note>' + note + "</note>"
        '<langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec>'
        '<langSec xml:lang="en"><termSec><term>A</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>"
    ).encode()
    (term,) = parse_tbx(data, "n.tbx")
    assert term.note == "caveat"
