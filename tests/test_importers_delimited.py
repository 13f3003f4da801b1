"""CSV/TSV import: header mapping, round trips, malformed rows located."""

from __future__ import annotations

import pytest

from glossary.errors import InputError
from glossary.exporters.delimited import export
from glossary.importers.delimited import parse_delimited
from glossary.model import Source, Term
from glossary.termbase.enrich import complete


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_round_trip(delimiter: str, bundled_terms: tuple[Term, ...]) -> None:
    back = parse_delimited(export(bundled_terms, delimiter), "t", delimiter)
    # `printed` is not a column: it is the one field a spreadsheet round trip leaves out
    assert back == [term.with_changes(printed=None) for term in bundled_terms]


def test_round_trip_tricky(tricky_terms: tuple[Term, ...]) -> None:
    back = parse_delimited(export(tricky_terms, ","), "t", ",")
    assert back == [term.with_changes(printed=None) for term in tricky_terms]


def test_zh_column_and_missing_pinyin_and_id() -> None:
    text = "zh,en,aliases,source\n艺术,art,美术 | fine art,report.txt\n"
    (term,) = complete(parse_delimited(text, "t.csv", ","))
    assert term.headword == "艺术"
    assert term.pinyin == "yìshù"
    assert term.id == "yishu"
    assert term.aliases == ("美术", "fine art")
    assert term.source == Source("report.txt")


def test_tone_numbers_become_marks() -> None:
    (term,) = parse_delimited("headword\ten\tpinyin\n绿\tgreen\tlu:4\n", "t.tsv", "\t")
    assert term.pinyin == "lǜ"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('headword,en\n好,good\n"bad,x\n', r"^t\.csv:3: malformed row"),
        ("headword,en\n好,good\n坏,bad,extra\n", r"^t\.csv:3: 3 cells where the header has 2"),
        ("headword,en\n好,\n", r"^t\.csv:2: en: missing"),
        ("headword,en,status\n好,good,final\n", r"^t\.csv:2: status: 'final' is not one of"),
        ("headword,en,id\n好,good,Not A Slug\n", r"^t\.csv:2: id: 'Not A Slug'"),
        ("headword,en,defintion_zh\n", r"^t\.csv:1: unknown column 'defintion_zh'"),
        ("headword,pinyin\n", r"^t\.csv:1: the header has no 'en' column"),
        ("", r"^t\.csv: empty file"),
        ("#separator:Comma\n#html:false\n", r"^t\.csv:1: this is an Anki import file"),
    ],
)
def test_bad_input_is_located(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_delimited(text, "t.csv", ",")


def test_multiline_cell_keeps_line_numbers() -> None:
    text = 'headword,en,note\n好,good,"two\nlines"\n坏,,x\n'
    with pytest.raises(InputError, match=r"^t\.csv:4: en: missing"):
        parse_delimited(text, "t.csv", ",")
