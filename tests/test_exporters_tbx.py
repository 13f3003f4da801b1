"""TBX export: the v3 layout, golden files, and the v2 file read by translate-toolkit."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from glossary.exporters import tbx
from glossary.model import Term

from .conftest import assert_golden

NS = {"t": tbx.TBX3_NAMESPACE}


def test_v3_golden(tricky_terms: tuple[Term, ...]) -> None:
    assert_golden("tricky.tbx", tbx.export(tricky_terms, version=3))


def test_v2_golden(tricky_terms: tuple[Term, ...]) -> None:
    assert_golden("tricky-v2.tbx", tbx.export(tricky_terms, version=2))


def test_v3_is_tbx_basic_with_concept_entries(bundled_terms: tuple[Term, ...]) -> None:
    root = ET.fromstring(tbx.export(bundled_terms, version=3).encode())
    assert root.tag == f"{{{tbx.TBX3_NAMESPACE}}}tbx"
    assert (root.get("type"), root.get("style"), root.get(tbx.XML_LANG)) == (
        "TBX-Basic",
        "dca",
        "en",
    )
    assert root.find("t:tbxHeader/t:fileDesc", NS) is not None
    entries = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert [entry.get("id") for entry in entries] == [term.id for term in bundled_terms]
    first = entries[0]
    langs = [sec.get(tbx.XML_LANG) for sec in first.findall("t:langSec", NS)]
    assert langs == ["zh", "en"]
    zh_terms = first.findall("t:langSec[1]/t:termSec/t:term", NS)
    assert zh_terms[0].text == bundled_terms[0].headword
    status = first.find("t:langSec[1]/t:termSec/t:termNote[@type='administrativeStatus']", NS)
    assert status is not None and status.text == "preferredTerm-admn-sts"
    definition = first.find("t:langSec[2]/t:descrip[@type='definition']", NS)
    assert definition is not None and definition.text == bundled_terms[0].definition_en


def test_status_mapping(tricky_terms: tuple[Term, ...]) -> None:
    root = ET.fromstring(tbx.export(tricky_terms, version=3).encode())
    statuses = [
        entry.find("t:langSec/t:termSec/t:termNote", NS).text  # type: ignore[union-attr]
        for entry in root.iter(f"{{{tbx.TBX3_NAMESPACE}}}conceptEntry")
    ]
    assert statuses == ["admittedTerm-admn-sts", "deprecatedTerm-admn-sts"]


def test_translate_toolkit_reads_v2_in_both_languages(
    tmp_path: Path, bundled_terms: tuple[Term, ...]
) -> None:
    from translate.storage.tbx import tbxfile

    path = tmp_path / "terms.tbx"
    path.write_text(tbx.export(bundled_terms, version=2), encoding="utf-8")
    store = tbxfile.parsefile(str(path))
    assert len(store.units) == len(bundled_terms)
    for unit, term in zip(store.units, bundled_terms, strict=True):
        assert unit.source == term.headword
        assert unit.target == term.en
        assert next(t.text for t in unit.get_source_terms()) == term.headword
        targets = [t.text for t in unit.get_target_terms()]
        assert targets[0] == term.en
        latin_aliases = [alias for alias in term.aliases if not tbx.is_chinese(alias)]
        assert targets[1:] == latin_aliases
