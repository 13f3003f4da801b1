"""CSV/TSV as a spreadsheet and an attacker see them: formulas neutralised on export and
restored on import, `|` inside a value kept, a huge header field and CR-only line endings read
or refused in one line."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.errors import InputError
from glossary.exporters.delimited import export
from glossary.importers.delimited import parse_delimited
from glossary.model import Term

FORMULAS = Term(
    id="formula",
    headword="=1+1",
    pinyin="+yī",
    en='=HYPERLINK("https://evil.example","click")',
    aliases=("-ism", "@SUM(A1)", "'=already quoted", "''-twice"),
    definition_zh="\t制表符开头",
    definition_en="\rcarriage return first",
    note="'plain apostrophe",
    tags=("=tag",),
)
PIPES = Term(
    id="pipes",
    headword="管道",
    pinyin="guǎndào",
    en="pipe",
    aliases=("a | b", "x|y", "\\|", "C:\\path", "end\\"),
    tags=("t|u", "v"),
)
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def cells(text: str, delimiter: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return [row for row in rows if row and not row[0].startswith("#")]


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_no_cell_starts_a_formula(delimiter: str) -> None:
    for text in (
        export([FORMULAS], delimiter),
        export([FORMULAS], delimiter, anki_deck="Glossary"),
    ):
        for row in cells(text, delimiter):
            for cell in row:
                assert not cell.startswith(DANGEROUS_START), cell
    row = cells(export([FORMULAS], delimiter), delimiter)[1]
    assert row[1] == "'=1+1" and row[3].startswith("'=HYPERLINK(")
    assert row[8] == "'plain apostrophe"  # not a formula: left alone


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_export_then_import_is_lossless(delimiter: str) -> None:
    terms = [FORMULAS, PIPES]
    back = parse_delimited(export(terms, delimiter), "t", delimiter)
    # the values import strips of surrounding space come back stripped, as they always did
    expected = FORMULAS.with_changes(
        definition_zh=FORMULAS.definition_zh.strip(), definition_en=FORMULAS.definition_en.strip()
    )
    assert back == [expected, PIPES]


def test_a_header_field_over_the_csv_limit_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text('"' + "x" * 200_000 + '",en\n好,good\n', encoding="utf-8")
    result = runner.invoke(app, ["import", "csv", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:1: malformed header row: field larger than")
    assert len(result.stderr.splitlines()) == 1


def test_cr_only_line_endings_are_line_breaks() -> None:
    text = "headword\ten\tpinyin\r好\tgood\thǎo\r坏\tbad\thuài\r"
    assert [term.headword for term in parse_delimited(text, "t.tsv", "\t")] == ["好", "坏"]
    with pytest.raises(InputError, match=r"^t\.tsv:3: en: missing"):
        parse_delimited("headword\ten\r好\tgood\r坏\t\r", "t.tsv", "\t")


def test_cli_round_trip_through_files(runner: CliRunner, tmp_path: Path) -> None:
    from glossary.termbase.load import load
    from glossary.termbase.save import save

    base = tmp_path / "tb.yaml"
    save(base, [PIPES])
    exported = tmp_path / "out.csv"
    written = runner.invoke(app, ["export", "csv", "-t", str(base), "-o", str(exported)])
    assert written.exit_code == 0
    into = tmp_path / "back.yaml"
    result = runner.invoke(app, ["import", "csv", str(exported), "--into", str(into)])
    assert result.exit_code == 0, result.stderr
    assert load(into).terms == (PIPES,)
