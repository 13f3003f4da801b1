"""A status on every name: the YAML form, validation, and the way through lookup, show, TBX,
CSV/TSV, Anki and the index; term self-tests in `glossary validate`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.exporters import anki
from glossary.exporters import tbx as tbx_export
from glossary.exporters.delimited import export as export_delimited
from glossary.importers.delimited import parse_delimited
from glossary.importers.tbx import parse_tbx
from glossary.model import term_from_dict
from glossary.termbase.load import load, validate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
TERMBASE = FIXTURES / "termbase.yaml"

runner = CliRunner()


@pytest.fixture(autouse=True)
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLOSSARY_TERMINAL", "0")


def term():  # type: ignore[no-untyped-def]
    return load(TERMBASE).terms[0]


def test_aliases_may_carry_a_status_and_a_plain_string_stays_admitted() -> None:
    liulv = term()
    assert liulv.aliases == ("六率", "Six Project Rates", "six project ratios", "项目六比率")
    assert [liulv.status_of(name) for name in liulv.names()] == [
        "preferred",
        "preferred",
        "admitted",
        "admitted",
        "deprecated",
        "forbidden",
    ]
    assert liulv.approved_aliases() == ("六率", "Six Project Rates")
    assert liulv.preferred_for("项目六比率") == "项目六率"
    assert liulv.preferred_for("six project ratios") == "six project performance rates"


def test_the_stored_form_round_trips_writing_strings_for_admitted_aliases() -> None:
    stored = term().to_dict()
    assert stored["aliases"] == [
        "六率",
        "Six Project Rates",
        {"name": "six project ratios", "status": "deprecated"},
        {"name": "项目六比率", "status": "forbidden"},
    ]
    assert stored["examples"] == {"match": ["抓好六率考核"], "no_match": ["第六率先完成"]}
    assert "check" not in stored
    assert term_from_dict(stored) == term()
    skipped = load(TERMBASE).terms[2]
    assert skipped.to_dict()["check"] is False and term_from_dict(skipped.to_dict()) == skipped


def test_validate_reports_bad_name_statuses_checks_and_examples(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "terms:\n"
        "- id: a\n  headword: 六率\n  pinyin: liùlǜ\n"
        "  aliases: [{name: six ratios, status: obsolete}, {status: deprecated}, {name: x, y: 1}]\n"
        "  check: 'no'\n"
        "  examples: {match: 抓好六率, sometimes: []}\n",
        encoding="utf-8",
    )
    assert [str(problem) for problem in validate(bad)] == [
        f"{bad}:2: term 'a': aliases[1].status: 'obsolete' is not one of: preferred, admitted, "
        "deprecated, forbidden",
        f"{bad}:2: term 'a': aliases[2]: expected a name or a mapping with name and status",
        f"{bad}:2: term 'a': aliases[3]: unknown key 'y' (known: name, status)",
        f"{bad}:2: term 'a': check: expected true or false",
        f"{bad}:2: term 'a': examples.match: expected a list of texts",
        f"{bad}:2: term 'a': examples.sometimes: unknown key (use match or no_match)",
    ]


def test_validate_runs_the_terms_self_tests(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(TERMBASE)])
    assert (result.stdout, result.exit_code) == ("", 0)
    failing = tmp_path / "failing.yaml"
    failing.write_text(
        TERMBASE.read_text(encoding="utf-8")
        .replace("    - 第六率先完成\n", "    - 第六率先完成\n    - 抓好六率\n")
        .replace("    - 抓好六率考核\n", "    - 抓好六率考核\n    - 六率先\n"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(failing)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{failing}:5: term 'xiangmuliulv': examples.match: '六率先': the term is not found here\n"
        f"{failing}:5: term 'xiangmuliulv': examples.no_match: '抓好六率': the term is found "
        "here, as '六率'\n"
    )


def test_lookup_of_a_deprecated_name_finds_the_term_and_says_what_to_use() -> None:
    result = runner.invoke(app, ["lookup", "-t", str(TERMBASE), "six project ratios", "--json"])
    best = json.loads(result.stdout)["results"][0]
    assert best["id"] == "xiangmuliulv"
    assert best["name"] == {
        "name": "six project ratios",
        "status": "deprecated",
        "use": "six project performance rates",
    }
    result = runner.invoke(app, ["lookup", "-t", str(TERMBASE), "项目六比率"])
    assert result.stdout.split("\n")[0].endswith("'项目六比率' is forbidden: use '项目六率'")
    result = runner.invoke(app, ["lookup", "-t", str(TERMBASE), "项目六率", "--json"])
    assert "name" not in json.loads(result.stdout)["results"][0]


def test_show_marks_the_status_of_each_alias() -> None:
    result = runner.invoke(app, ["show", "-t", str(TERMBASE), "xiangmuliulv"])
    assert (
        "aliases: 六率 | Six Project Rates | six project ratios (deprecated) | "
        "项目六比率 (forbidden)" in result.stdout
    )


@pytest.mark.parametrize("version", [2, 3])
def test_tbx_carries_each_names_status_both_ways(version: int) -> None:
    written = tbx_export.export([term()], version=version)
    assert written.count("deprecatedTerm-admn-sts") == 2
    assert "glossary name status: forbidden" in written
    (back,) = parse_tbx(written.encode(), "t.tbx")
    assert dict(back.alias_statuses) == dict(term().alias_statuses)
    assert back.aliases == ("六率", "项目六比率", "Six Project Rates", "six project ratios")


def test_a_tbx_file_with_deprecated_and_forbidden_names_imports_into_a_base_check_uses(
    tmp_path: Path,
) -> None:
    (imported,) = parse_tbx((FIXTURES / "names.tbx").read_bytes(), "names.tbx")
    assert imported.en == "integration of multiple plans"  # the preferred name, not the first
    assert dict(imported.alias_statuses) == {
        "多规融合": "deprecated",
        "multi-plan integration": "deprecated",
        "plans merger": "forbidden",
    }
    into = tmp_path / "imported.yaml"
    result = runner.invoke(app, ["import", "tbx", str(FIXTURES / "names.tbx"), "--into", str(into)])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(
        app,
        ["check", "-t", str(into), "-", "--format", "plain"],
        input="推进多规融合，即 multi-plan integration，不是 plans merger。\n".encode(),
    )
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == [
        "warning deprecated-term",
        "warning deprecated-term",
        "error forbidden-term",
    ]


def test_csv_and_tsv_mark_statuses_in_the_aliases_cell_and_read_them_back() -> None:
    for delimiter in (",", "\t"):
        written = export_delimited([term()], delimiter)
        assert "six project ratios [deprecated] | 项目六比率 [forbidden]" in written
        (back,) = parse_delimited(written, "t", delimiter)
        assert (back.aliases, back.alias_statuses) == (term().aliases, term().alias_statuses)


def test_anki_cards_do_not_teach_deprecated_or_forbidden_names() -> None:
    fields = anki.field_values(term(), ["zh-en"])
    assert "六率; Six Project Rates" in fields
    assert not any("ratios" in value or "比率" in value for value in fields)
