"""CSV/TSV export: the header, golden files, the --anki header lines."""

from __future__ import annotations

import csv
import io

from glossary.exchange import COLUMNS
from glossary.exporters import anki
from glossary.exporters.delimited import export
from glossary.model import Term

from .conftest import assert_golden


def test_header_is_the_import_column_names(bundled_terms: tuple[Term, ...]) -> None:
    first = export(bundled_terms, ",").splitlines()[0]
    assert first.split(",") == [
        "id", "headword", "pinyin", "en", "aliases", "definition_zh", "definition_en",
        "status", "note", "source", "tags",
    ]  # fmt: skip
    assert tuple(first.split(",")) == COLUMNS


def test_csv_golden(tricky_terms: tuple[Term, ...]) -> None:
    assert_golden("tricky.csv", export(tricky_terms, ","))


def test_tsv_golden(tricky_terms: tuple[Term, ...]) -> None:
    assert_golden("tricky.tsv", export(tricky_terms, "\t"))


def test_rows_parse_back_as_csv(bundled_terms: tuple[Term, ...]) -> None:
    rows = list(csv.reader(io.StringIO(export(bundled_terms, ","))))
    assert len(rows) == 16
    assert rows[1][:4] == [
        bundled_terms[0].id,
        bundled_terms[0].headword,
        bundled_terms[0].pinyin,
        bundled_terms[0].en,
    ]
    assert rows[1][4] == " | ".join(bundled_terms[0].aliases)


def test_anki_header_lines(tricky_terms: tuple[Term, ...]) -> None:
    text = export(tricky_terms, "\t", anki_deck="My deck")
    lines = text.splitlines()
    assert lines[:7] == [
        "#separator:Tab",
        "#html:true",
        f"#notetype:{anki.MODEL_NAME}",
        "#deck:My deck",
        "#columns:" + "\t".join([*anki.FIELDS, "GUID", "Tags"]),
        "#guid column:12",
        "#tags column:13",
    ]
    first = lines[7].split("\t")
    assert first[0] == "艺术乡建"
    assert first[11] == anki.note_guid("yishu-xiangjian")
    assert first[12] == "rural_policy culture"
