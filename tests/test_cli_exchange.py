"""`glossary export` and `glossary import csv|tsv|tbx|cedict` through the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.termbase.load import load

from .conftest import FIXTURES, TRICKY


def run(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


def test_export_tsv_to_stdout() -> None:
    result = run("export", "tsv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("id\theadword\tpinyin\ten\t")
    assert len(result.stdout.splitlines()) == 16
    assert result.stderr == ""


def test_export_to_file_and_import_back(tmp_path: Path) -> None:
    out = tmp_path / "t.csv"
    result = run("-t", str(TRICKY), "export", "csv", "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "2 terms written as csv" in result.stderr
    into = tmp_path / "new.yaml"
    result = run("import", "csv", str(out), "--into", str(into))
    assert result.exit_code == 0, result.stderr
    assert "2 added" in result.stderr
    assert [t.id for t in load(into).terms] == ["yishu-xiangjian", "eod"]


def test_anki_needs_an_output_file() -> None:
    result = run("export", "anki")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == "error: anki is a binary format: give a file with -o (e.g. -o terms.apkg)\n"
    )


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    result = run("export", "json", "-o", str(tmp_path / "missing" / "x.json"))
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ") and "does not exist" in result.stderr


def test_bad_cards_and_tbx_version() -> None:
    result = run("export", "anki", "-o", "x.apkg", "--cards", "zh-en,audio")
    assert result.exit_code == 2
    assert "audio is not a card kind" in result.stderr
    result = run("export", "tbx", "--tbx-version", "4")
    assert result.exit_code == 2
    assert result.stdout == ""


def test_export_anki_file(tmp_path: Path) -> None:
    out = tmp_path / "g.apkg"
    result = run("export", "anki", "-o", str(out), "--deck", "Deqing")
    assert result.exit_code == 0
    assert out.read_bytes()[:2] == b"PK"


def test_failed_import_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("headword,en\n好,good\n坏,\n", encoding="utf-8")
    into = tmp_path / "tb.yaml"
    result = run("import", "csv", str(bad), "--into", str(into))
    assert result.exit_code == 2
    assert result.stderr == f"error: {bad}:3: en: missing: this column is required\n"
    assert not into.exists()


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    into = tmp_path / "tb.yaml"
    result = run(
        "import", "cedict", str(FIXTURES / "cedict-slice.txt"), "--into", str(into), "--dry-run"
    )
    assert result.exit_code == 0
    assert "would change: 243 added" in result.stderr
    assert not into.exists()


def test_cedict_import_validates(tmp_path: Path) -> None:
    into = tmp_path / "tb.yaml"
    result = run("import", "cedict", str(FIXTURES / "cedict-slice.txt"), "--into", str(into))
    assert load(into).kind == "dictionary"  # a new file made by a CEDICT import is a dictionary
    assert result.exit_code == 0
    assert len(load(into).terms) == 243
    again = run("import", "cedict", str(FIXTURES / "cedict-slice.txt"), "--into", str(into))
    assert "0 added, 0 updated, 243 unchanged" in again.stderr


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.tsv"
    path.write_bytes("headword\ten\n好\tgood\n".encode("gbk"))
    result = run("import", "tsv", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:2: not valid UTF-8")


def test_hostile_tbx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tbx"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b"<tbx>&b;</tbx>"
    )
    into = tmp_path / "tb.yaml"
    result = run("import", "tbx", str(path), "--into", str(into))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: refused:")
    assert result.stderr.count("\n") == 1
    assert not into.exists()


def test_tbx_round_trip_through_cli(tmp_path: Path) -> None:
    out = tmp_path / "t.tbx"
    assert run("-t", str(TRICKY), "export", "tbx", "-o", str(out)).exit_code == 0
    into = tmp_path / "tb.yaml"
    assert run("import", "tbx", str(out), "--into", str(into)).exit_code == 0
    assert load(into).terms == load(TRICKY).terms


def test_every_exchange_command_has_help() -> None:
    for group, commands in (
        ("export", ["anki", "tbx", "csv", "tsv", "json", "markdown"]),
        ("import", ["csv", "tsv", "tbx", "cedict"]),
    ):
        for command in commands:
            result = run(group, command, "--help")
            assert result.exit_code == 0
            assert len(result.stdout.split("Usage:")[1]) > 100


def test_startup_does_not_import_heavy_libraries() -> None:
    heavy = "{'genanki', 'defusedxml', 'translate', 'anki'}"
    code = f"import sys, glossary.cli; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cedict_import_in_a_pipe_prints_the_summary_only(tmp_path: Path) -> None:
    """No progress bar unless stderr is a terminal: through a real pipe, two plain lines."""
    into = tmp_path / "tb.yaml"
    slice_ = FIXTURES / "cedict-slice.txt"
    result = subprocess.run(
        [sys.executable, "-c", "from glossary.cli import main; main()",
         "import", "cedict", str(slice_), "--into", str(into)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == (
        f"{slice_}: 243 entries read\n"
        f"{into}: updated: 243 added, 0 updated, 0 unchanged, 0 conflicts\n"
    )


def test_cedict_import_on_a_terminal_draws_a_bar_around_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_TERMINAL", "1")
    monkeypatch.setenv("COLUMNS", "300")  # Rich wraps the summary at the terminal's width
    into = tmp_path / "tb.yaml"
    result = run("import", "cedict", str(FIXTURES / "cedict-slice.txt"), "--into", str(into))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    for stage in ("reading", "converting", "merging", "writing"):
        assert stage in result.stderr
    assert "243/243" in result.stderr
    assert f"{into}: updated: 243 added, 0 updated, 0 unchanged, 0 conflicts\n" in result.stderr
    assert len(load(into).terms) == 243
