"""Bilingual inputs of `glossary check`: a two-column TSV, and XLIFF 1.2 and 2.0, PO and TMX
read through translate-toolkit's readers."""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from glossary.cli import app

from .conftest import new_cache

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path("tests/fixtures/check")
TERMBASE = ROOT / FIXTURES / "termbase.yaml"

runner = CliRunner()


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv(
        "GLOSSARY_CACHE_DIR", str(new_cache(tmp_path_factory.getbasetemp() / "inputs-cache"))
    )
    monkeypatch.setenv("GLOSSARY_TERMINAL", "0")
    monkeypatch.chdir(ROOT)


def check_json(path: str | Path) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["check", "-t", str(TERMBASE), str(path), "--format", "json"])
    assert result.stderr == ""
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def summary(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(f["rule"], f["side"], f["segment"], f["line"], f["surface"]) for f in findings]


@pytest.mark.parametrize("name", ["units.xlf", "units.po", "units.tmx"])
def test_translation_files_are_checked_unit_by_unit(name: str) -> None:
    # unit 1: 六率 rendered by a deprecated name; unit 2 translated by the preferred name
    assert summary(check_json(FIXTURES / name)) == [
        ("missing-translation", "source", 1, 6, "六率"),
        ("deprecated-term", "target", 1, 7, "six project ratios"),
    ]


def test_xliff_2_is_read_as_well() -> None:
    assert summary(check_json(FIXTURES / "units2.xlf")) == [
        ("missing-translation", "source", 1, 6, "六率"),
        ("deprecated-term", "target", 1, 7, "six project ratios"),
        ("missing-translation", "source", 2, 12, "增值化改革"),
    ]


def test_a_line_break_inside_an_english_name_still_counts_as_the_name(tmp_path: Path) -> None:
    text = (FIXTURES / "units.xlf").read_text(encoding="utf-8")
    assert "value-added reform\nof government services" in text  # unit 2 of the fixture
    assert all(f["segment"] == 1 for f in check_json(FIXTURES / "units.xlf"))


def test_offsets_of_unit_findings_are_into_the_segment_text() -> None:
    deprecated = check_json(FIXTURES / "units.po")[1]
    segment = "We must get the six project ratios right."
    assert segment[deprecated["start"] : deprecated["end"]] == deprecated["surface"]
    assert deprecated["column"] == deprecated["start"] + 1


def test_a_two_column_tsv_holds_source_and_target() -> None:
    found = check_json(FIXTURES / "pairs.tsv")
    assert summary(found) == [("missing-translation", "source", 2, 2, "增值化改革")]
    assert found[0]["column"] == 3


def test_a_tsv_row_without_two_columns_is_an_error_naming_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("六率\tsix project rates\n增值化改革\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "-t", str(TERMBASE), str(bad)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {bad}:2: expected two tab-separated columns (source, translation), found 1\n"
    )


def test_malformed_xliff_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["check", "-t", str(TERMBASE), str(FIXTURES / "broken.xlf")])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"error: {FIXTURES / 'broken.xlf'}: not a readable XLIFF file")
    assert result.stderr.count("\n") == 1


def test_a_binary_file_named_xlf_is_refused(tmp_path: Path) -> None:
    binary = tmp_path / "fake.xlf"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    result = runner.invoke(app, ["check", "-t", str(TERMBASE), str(binary)])
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_without_translate_toolkit_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = builtins.__import__

    def no_translate(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "translate" or name.startswith("translate."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_translate)
    result = runner.invoke(app, ["check", "-t", str(TERMBASE), str(FIXTURES / "units.po")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: reading PO ({FIXTURES / 'units.po'}) needs translate-toolkit: "
        "pip install 'glossary[translation-files]'\n"
    )


def test_target_with_a_file_that_holds_its_translation_is_refused() -> None:
    result = runner.invoke(
        app, ["check", "-t", str(TERMBASE), str(FIXTURES / "pairs.tsv"), "--target", "x.txt"]
    )
    assert result.exit_code == 2 and "holds its own translation" in result.stderr


def test_sarif_and_rdjsonl_of_a_translation_file_give_lines_only_and_no_fixes() -> None:
    import jsonschema

    schema = json.loads(
        (ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
    )
    args = ["check", "-t", str(TERMBASE), str(FIXTURES / "units.xlf"), "--format"]
    log = json.loads(runner.invoke(app, [*args, "sarif"]).stdout)
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert regions == [{"startLine": 6, "endLine": 6}, {"startLine": 7, "endLine": 7}]
    assert not any("fixes" in r for r in results)
    lines = runner.invoke(app, [*args, "rdjsonl"]).stdout.splitlines()
    deprecated = json.loads(lines[1])
    assert deprecated["location"]["range"] == {"start": {"line": 7}, "end": {"line": 7}}
    assert "suggestions" not in deprecated
