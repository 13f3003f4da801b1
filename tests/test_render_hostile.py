"""Term bases written by someone else: Rich markup and control characters in the data are
printed as text on a terminal (GLOSSARY_TERMINAL=1), never interpreted, and `validate` reports
control characters in any field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.model import Term
from glossary.render.terms import plain_row, term_panel

MARKUP_BASE = """terms:
- id: markup-in-every-field
  headword: "[bold]乡建[/bold]"
  pinyin: xiāngjiàn
  en: "[link=https://evil.example]click[/link] [/] [red]red"
  aliases: ["[/]", "[i]x"]
  definition:
    zh: "[blink]即[/]"
    en: "[on red]alarm[/on red]"
  status: draft
  tags: ["[b]tag"]
  note: "[/link]"
- id: cedict-cross-reference
  headword: 乡村
  pinyin: xiāngcūn
  en: "rural area; see also 鄉下|乡下[xiang1 xia5]"
- id: a-very-long-identifier-that-a-narrow-table-would-cut-off
  headword: EOD
  pinyin: EOD
  en: Eco-environment-Oriented Development
  printed: “EOD”
  tags: [ecology, models]
"""
OSC_HYPERLINK = "\x1b]8;"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def terminal(runner: CliRunner, *args: str, columns: int = 200) -> tuple[int, str, str]:
    env = {"GLOSSARY_TERMINAL": "1", "COLUMNS": str(columns)}
    result = runner.invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, ANSI.sub("", result.stdout), result.stdout


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(MARKUP_BASE, encoding="utf-8")
    return path


def test_list_prints_markup_as_text(runner: CliRunner, base: Path) -> None:
    code, text, raw = terminal(runner, "list", "-t", str(base))
    assert code == 0
    assert "[bold]乡建[/bold]" in text and "[link=https://evil.example]click[/link]" in text
    assert OSC_HYPERLINK not in raw
    assert "[xiang1 xia5]" in text


def test_list_never_cuts_an_id(runner: CliRunner, base: Path) -> None:
    code, text, _ = terminal(runner, "list", "-t", str(base), columns=80)
    assert code == 0
    assert "a-very-long-identifier-that-a-narrow-table-would-cut-off" in text
    assert "markup-in-every-field" in text and "cedict-cross-reference" in text


def test_show_prints_markup_as_text_with_every_field(runner: CliRunner, base: Path) -> None:
    code, text, raw = terminal(runner, "show", "markup-in-every-field", "-t", str(base))
    assert code == 0
    for shown in ("[bold]乡建[/bold]", "click[/link] [/] [red]red", "[blink]即[/]", "[/link]"):
        assert shown in text
    assert "[on red]alarm[/on red]" in " ".join(text.split())
    assert "tags: [b]tag" in text and "status: draft" in text
    assert OSC_HYPERLINK not in raw


def test_show_gives_tags_printed_form_and_status_and_no_repeated_latin_pinyin(
    runner: CliRunner, base: Path
) -> None:
    code, text, _ = terminal(runner, "show", "EOD", "-t", str(base))
    assert code == 0
    assert "tags: ecology, models" in text and "printed: “EOD”" in text
    assert "status: complete" in text
    assert "EOD  EOD" not in text


def test_lookup_keeps_cedict_cross_references(runner: CliRunner, base: Path) -> None:
    code, text, _ = terminal(runner, "lookup", "乡村", "-t", str(base))
    assert code == 0
    assert "鄉下|乡下[xiang1 xia5]" in text


def test_lookup_table_of_other_matches_prints_markup(runner: CliRunner, base: Path) -> None:
    code, text, raw = terminal(runner, "lookup", "xiāng", "-t", str(base), "-n", "5")
    assert code == 0
    assert "乡建[/bold]" in text and OSC_HYPERLINK not in raw


def test_annotate_terms_table_prints_markup(runner: CliRunner, base: Path, tmp_path: Path) -> None:
    document = tmp_path / "doc.txt"
    document.write_text("发展乡村。\n", encoding="utf-8")
    code, text, _ = terminal(runner, "annotate", str(document), "-t", str(base))
    assert code == 0
    assert "[xiang1 xia5]" in text


@pytest.mark.parametrize(
    ("field", "yaml"),
    [
        ("en", '  en: "\\e]0;pwned\\a"\n'),
        ("headword", None),
        ("aliases", '  aliases: ["ok", "\\e[2J"]\n'),
        ("definition.en", '  definition: {en: "a\\x9bb"}\n'),
        ("note", '  note: "line\\rover"\n'),
        ("tags", '  tags: ["\\x07"]\n'),
        ("source.document", '  source: {document: "\\e[31m"}\n'),
    ],
)
def test_validate_reports_control_characters_in_any_field(
    runner: CliRunner, tmp_path: Path, field: str, yaml: str | None
) -> None:
    head = '  headword: "乡\\e[5m"\n' if yaml is None else "  headword: 乡\n"
    text = "terms:\n- id: x\n" + head + "  pinyin: xiāng\n" + (yaml or "")
    path = tmp_path / "tb.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"term 'x': {field}: control character U+" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_control_characters_in_a_term_base_name_are_shown_not_sent(
    runner: CliRunner, base: Path, tmp_path: Path
) -> None:
    evil = tmp_path / "evil\x1b]0;pwned\x07.yaml"
    evil.write_text(MARKUP_BASE.replace("id: ", "id: b-"), encoding="utf-8")
    code, text, raw = terminal(runner, "list", "-t", str(base), "-t", str(evil))
    assert code == 0
    assert "\x1b]0;" not in raw and "\x07" not in raw
    assert "evil\\x1b]0;pwned\\x07" in text
    code, _, raw = terminal(runner, "lookup", "乡村", "-t", str(evil))
    assert code == 0
    assert "\x1b]0;" not in raw and "\x07" not in raw


ESCAPING = Term(
    id="x", headword="乡\x1b[2J", pinyin="xiāng", en="\x1b]8;;https://e.example\x07hi", note="\x9b"
)


def test_renderers_write_control_characters_out() -> None:
    from rich.console import Console

    out = Console(force_terminal=True, width=80, record=True)
    with out.capture() as captured:
        out.print(term_panel(ESCAPING, "tb"))
    raw = captured.get()
    assert "\x1b]8;" not in raw and "\x07" not in raw and "\x9b" not in raw
    assert "\\x1b]8;;https://e.example\\x07hi" in ANSI.sub("", raw)
    row = plain_row([ESCAPING.headword, ESCAPING.en])
    assert row == "乡\\x1b[2J\t\\x1b]8;;https://e.example\\x07hi"
