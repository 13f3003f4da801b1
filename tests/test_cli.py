"""The command line as a user sees it: stdout, stderr and exit code, each checked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from glossary.cli import app

from .conftest import BUNDLED, SOURCE

ANSI = re.compile(r"\x1b\[")


def run(runner: CliRunner, *args: str, input: str | bytes | None = None, env=None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, env=env)


def _commands(command: click.Command, path: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """Every command of the real command tree, with its path of names."""
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))


def test_every_command_and_every_option_has_help(runner: CliRunner) -> None:
    tree = list(_commands(typer.main.get_command(app)))
    assert len(tree) > 10
    for path, command in tree:
        where = " ".join(("glossary", *path))
        assert (command.help or "").strip(), f"{where}: no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert (param.help or "").strip(), f"{where} {param.name}: no help"
        result = run(runner, *path, "--help")
        assert result.exit_code == 0, where
        assert len(result.stdout.strip().splitlines()) > 3, where


def test_list_json_gives_the_fifteen_terms_with_yaml_field_names(runner: CliRunner) -> None:
    result = run(runner, "list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    terms = json.loads(result.stdout)
    assert len(terms) == 15
    for term in terms:
        assert term["en"] and term["pinyin"] and term["definition"]["zh"]
        assert term["definition"]["en"]
    assert {t["status"] for t in terms} == {"complete", "truncated"}


def test_list_in_a_pipe_is_plain_tsv(runner: CliRunner) -> None:
    result = run(runner, "list")
    lines = result.stdout.splitlines()
    assert len(lines) == 15 and not ANSI.search(result.stdout)
    assert lines[11].split("\t") == ["eod", "EOD", "EOD", "Eco-environment-Oriented Development"]


def test_show_by_id_or_headword(runner: CliRunner) -> None:
    by_id = run(runner, "show", "eod", "--json")
    by_headword = run(runner, "show", "EOD", "--json")
    assert by_id.exit_code == by_headword.exit_code == 0
    assert json.loads(by_id.stdout) == json.loads(by_headword.stdout)
    plain = run(runner, "show", "莫干山研究院")
    assert "status: truncated" in plain.stdout and "definition.en:" in plain.stdout


def test_show_unknown_term_is_one_line_error(runner: CliRunner) -> None:
    result = run(runner, "show", "五水共治")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("error: no term with id or headword '五水共治'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_terminal_mode_renders_a_panel(runner: CliRunner) -> None:
    result = run(runner, "show", "EOD", env={"GLOSSARY_TERMINAL": "1"})
    assert result.exit_code == 0 and "╭" in result.stdout and "生态环境导向" in result.stdout


def test_validate_clean_and_broken(runner: CliRunner, tmp_path: Path) -> None:
    clean = run(runner, "validate", str(BUNDLED))
    assert clean.exit_code == 0 and clean.stdout == "" and "ok" in clean.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("terms:\n- id: a\n  headword: A\n  en: a\n- id: a\n", encoding="utf-8")
    result = run(runner, "validate", str(broken))
    assert result.exit_code == 1
    assert f"{broken}:2: term 'a': pinyin: missing: this field is required" in result.stdout
    assert f"{broken}:5: term 'a': id: duplicate id (first used at line 2)" in result.stdout


def test_broken_term_base_is_a_one_line_error_everywhere(runner: CliRunner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("terms: [unclosed\n", encoding="utf-8")
    for command in (["list"], ["show", "eod"], ["lookup", "eod"]):
        result = run(runner, "--termbase", str(broken), *command)
        assert result.exit_code == 3, command
        assert result.stderr.startswith(f"error: {broken}:") and "malformed YAML" in result.stderr
        assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_missing_and_non_utf8_term_base(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "list", "--termbase", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 4 and "no such file" in result.stderr
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("terms:\n- id: a\n  headword: \xe9\n".encode("latin-1"))
    result = run(runner, "list", "--termbase", str(latin))
    assert result.exit_code == 2 and "not valid UTF-8" in result.stderr


def test_termbase_from_environment_and_several_bases(runner: CliRunner, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "terms:\n- id: wsgz\n  headword: 五水共治\n  pinyin: wǔ shuǐ gòng zhì\n"
        "  en: Five Water Treatments\n",
        encoding="utf-8",
    )
    result = run(runner, "list", env={"GLOSSARY_TERMBASE": f"{BUNDLED}:{mine}"})
    assert len(result.stdout.splitlines()) == 16
    assert result.stdout.splitlines()[-1].endswith("\tmine")  # origin shown
    found = run(runner, "--termbase", str(mine), "lookup", "--json", "wsgz")
    assert json.loads(found.stdout)["results"][0]["termbase"] == "mine"
    both = ["--termbase", str(BUNDLED), "--termbase", str(mine), "lookup", "wsgz"]
    assert run(runner, *both).stdout.startswith("wsgz\t五水共治\t")
    assert run(runner, *both).stdout.rstrip("\n").endswith("\tmine")  # origin shown
    terminal = run(runner, *both[:4], "lookup", "工程", env={"GLOSSARY_TERMINAL": "1"})
    assert "term base" in terminal.stdout  # the table of other results names theirs


def test_import_appendix_rebuilds_the_chinese_fields(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    result = run(runner, "import", "appendix", str(SOURCE), "--into", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "22 entries found, 15 distinct terms" in result.stderr
    assert "joined across a page header: 双金双银" in result.stderr
    assert "truncated in the source (kept as printed, status: truncated): 莫干山研究院" in (
        result.stderr
    )
    assert "  skipped 37 lines: 27 report paragraphs, 5 section headings," in result.stderr
    rebuilt = json.loads(run(runner, "list", "--json", "--termbase", str(target)).stdout)
    bundled = json.loads(run(runner, "list", "--json").stdout)
    chinese = ("headword", "printed", "definition", "status", "source")
    for new, old in zip(rebuilt, bundled, strict=True):
        assert {k: new.get(k) for k in chinese} == {
            k: (old.get(k) if k != "definition" else {"zh": old["definition"]["zh"]})
            for k in chinese
        }


def test_import_is_idempotent_and_keeps_hand_written_fields(
    runner: CliRunner, tmp_path: Path
) -> None:
    target = tmp_path / "terms.yaml"
    target.write_bytes(BUNDLED.read_bytes())
    for update in ([], ["--update"]):
        result = run(runner, "import", "appendix", str(SOURCE), "--into", str(target), *update)
        assert result.exit_code == 0
        assert "0 added, 0 updated, 15 unchanged" in result.stderr
        assert target.read_bytes() == BUNDLED.read_bytes()


def test_import_to_stdout_and_dry_run(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "import", "appendix", str(SOURCE))
    assert (
        result.stdout.startswith("# glossary term base") and "headword: 艺术乡建" in result.stdout
    )
    target = tmp_path / "t.yaml"
    dry = run(runner, "import", "appendix", str(SOURCE), "--into", str(target), "--dry-run")
    assert dry.exit_code == 0 and "would change: 15 added" in dry.stderr
    assert not target.exists()


def test_import_bad_input(runner: CliRunner, tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("坚持生态优先。深入践行绿水青山就是金山银山理念。\n", encoding="utf-8")
    result = run(runner, "import", "appendix", str(prose))
    assert result.exit_code == 2 and "no entries found" in result.stderr
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    result = run(runner, "import", "appendix", str(binary))
    assert result.exit_code == 2 and "binary" in result.stderr
    nowhere = tmp_path / "no-such-folder" / "t.yaml"
    result = run(runner, "import", "appendix", str(SOURCE), "--into", str(nowhere))
    assert result.exit_code == 4 and result.stderr.splitlines()[-1].startswith("error: ")


def test_lookup_plain_json_and_terminal(runner: CliRunner) -> None:
    plain = run(runner, "lookup", "EOD")
    assert plain.exit_code == 0 and plain.stderr == ""
    assert plain.stdout == ("eod\tEOD\tEOD\tEco-environment-Oriented Development\texact\t100\n")
    data = json.loads(run(runner, "lookup", "--json", "ysxj").stdout)
    assert data["query"] == "ysxj"
    first = data["results"][0]
    assert set(first) == {"id", "headword", "pinyin", "en", "aliases", "definition", "status",
                          "match", "score", "termbase"}  # fmt: skip
    assert (first["id"], first["match"], first["termbase"]) == (
        "yishuxiangjian",
        "initials",
        "terms",
    )
    terminal = run(runner, "lookup", "EOD", env={"GLOSSARY_TERMINAL": "1"})
    assert "╭" in terminal.stdout and "Eco-environment-Oriented Development" in terminal.stdout


def test_lookup_batch_from_stdin(runner: CliRunner) -> None:
    result = run(runner, "lookup", "--json", "-", input="EOD\n\n三源\n五水共治\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["EOD", "三源", "五水共治"]
    assert lines[2]["results"] == []
    assert result.exit_code == 0 and "no term matches '五水共治'" in result.stderr  # as grep
    strict = run(runner, "lookup", "--strict", "-", input="EOD\n五水共治\n")
    assert strict.exit_code == 1 and "no term matches '五水共治'" in strict.stderr
    nothing = run(runner, "lookup", "-", input="五水共治\nzzzqqq\n")
    assert nothing.exit_code == 1
    plain = run(runner, "lookup", "-", input="EOD\nysxj\n")
    assert [line.split("\t")[:2] for line in plain.stdout.splitlines()] == [
        ["EOD", "eod"], ["ysxj", "yishuxiangjian"],
    ]  # fmt: skip
    assert plain.exit_code == 0


def test_lookup_nothing_found_and_bad_input(runner: CliRunner) -> None:
    result = run(runner, "lookup", "枫桥经验")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("no term matches '枫桥经验'")
    empty = run(runner, "lookup", "  ")
    assert empty.exit_code == 2 and empty.stderr == "error: empty query: say what to look for\n"
    binary = run(runner, "lookup", "-", input=b"\x00\xff\xfe binary")
    assert binary.exit_code == 2 and "binary" in binary.stderr
    assert run(runner, "lookup", "EOD", "--limit", "0").exit_code == 2


def test_through_a_real_pipe() -> None:
    """The installed entry point, its output piped: plain text, and a closed pipe is quiet."""
    command = [sys.executable, "-c", "from glossary.cli import main; main()"]
    result = subprocess.run(
        [*command, "lookup", "ysxj"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not ANSI.search(result.stdout)
    assert result.stdout.startswith("yishuxiangjian\t艺术乡建\t")
    pipe = subprocess.run(
        f"{' '.join(command[:2])} '{command[2]}' list | head -1",
        shell=True, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert pipe.stdout.count("\n") == 1 and pipe.stderr == ""


def test_lookup_shows_a_progress_bar_while_the_index_builds(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from glossary.cli import build_progress

    monkeypatch.setattr(build_progress, "DELAY", 0.0)
    terminal = run(runner, "lookup", "EOD", env={"GLOSSARY_TERMINAL": "1"})
    assert terminal.exit_code == 0 and "building the index" in terminal.stderr
    again = run(runner, "lookup", "EOD", env={"GLOSSARY_TERMINAL": "1"})
    assert again.stderr == ""  # the index is ready: nothing built, no bar
    plain = run(runner, "lookup", "EOD", env={"GLOSSARY_TERMINAL": "0"})
    assert plain.stderr == ""


def test_version(runner: CliRunner) -> None:
    from glossary import __version__

    result = run(runner, "--version")
    assert result.exit_code == 0 and result.stdout == f"glossary {__version__}\n"


def test_a_term_base_named_twice_is_used_once(runner: CliRunner) -> None:
    twice = run(runner, "--termbase", str(BUNDLED), "--termbase", str(BUNDLED), "lookup", "EOD")
    once = run(runner, "--termbase", str(BUNDLED), "lookup", "EOD")
    assert twice.exit_code == 0 and twice.stdout == once.stdout
