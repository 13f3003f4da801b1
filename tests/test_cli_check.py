"""`glossary check` as a user and CI run it: stdout, stderr and exit codes, every output format
against its golden file, --fix and bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app

from .conftest import new_cache

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "check"
GOLDEN = ROOT / "tests" / "golden" / "check"
TERMBASE = FIXTURES / "termbase.yaml"
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json"

runner = CliRunner()


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv(
        "GLOSSARY_CACHE_DIR", str(new_cache(tmp_path_factory.getbasetemp() / "check-cache"))
    )
    monkeypatch.setenv("GLOSSARY_TERMINAL", "0")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.chdir(ROOT)  # findings name files as given: relative paths keep goldens stable


def run(*args: str, stdin: bytes | None = None) -> tuple[str, str, int]:
    result = runner.invoke(app, ["check", "-t", str(TERMBASE), *args], input=stdin)
    return result.stdout_bytes.decode(), result.stderr_bytes.decode(), result.exit_code


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/check/NAME; GLOSSARY_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


DRAFT = "tests/fixtures/check/draft.md"
SOURCE, TARGET = "tests/fixtures/check/source.txt", "tests/fixtures/check/target.txt"


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("plain", "draft.txt"),
        ("json", "draft.json"),
        ("sarif", "draft.sarif"),
        ("rdjsonl", "draft.rdjsonl"),
    ],
)
def test_each_format_of_a_draft_matches_its_golden_file(fmt: str, name: str) -> None:
    out, err, code = run(DRAFT, "--format", fmt)
    assert (err, code) == ("", 1)
    golden(name, out)


@pytest.mark.parametrize(("fmt", "name"), [("plain", "aligned.txt"), ("json", "aligned.json")])
def test_each_format_of_a_translation_matches_its_golden_file(fmt: str, name: str) -> None:
    out, err, code = run(SOURCE, "--target", TARGET, "--format", fmt)
    assert (err, code) == ("", 1)
    golden(name, out)


def test_a_pipe_gets_plain_lines_and_a_terminal_a_report_grouped_by_file_and_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out, _, _ = run(DRAFT)
    assert out == (GOLDEN / "draft.txt").read_text(encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_TERMINAL", "1")
    out, err, code = run(SOURCE, "--target", TARGET)
    assert (err, code) == ("", 1)
    golden("aligned.terminal.txt", out)


def test_the_terminal_report_prints_data_as_text_never_as_markup(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    draft = tmp_path / "[bold]draft[red].txt"
    draft.write_text("项目六比率\n", encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_TERMINAL", "1")
    out, _, code = run(str(draft))
    assert "[bold]draft[red].txt" in out and code == 1


def test_the_sarif_log_is_valid_sarif_2_1_0_with_rules_fingerprints_and_fixes() -> None:
    import jsonschema

    out, _, _ = run(DRAFT, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run_ = log["runs"][0]
    assert [rule["id"] for rule in run_["tool"]["driver"]["rules"]] == [
        "deprecated-term",
        "forbidden-term",
        "missing-translation",
        "inconsistent-translation",
    ]
    results = run_["results"]
    assert all(r["partialFingerprints"]["glossaryFinding/v1"] for r in results)
    assert len({r["partialFingerprints"]["glossaryFinding/v1"] for r in results}) == len(results)
    fix = results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "项目六率"
    assert fix["deletedRegion"] == {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 9}


def test_aligned_sarif_is_valid_too() -> None:
    import jsonschema

    out, _, _ = run(SOURCE, "--target", TARGET, "--format", "sarif")
    jsonschema.validate(json.loads(out), json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))


def test_rdjsonl_counts_columns_in_utf8_bytes() -> None:
    out, _, _ = run(DRAFT, "--format", "rdjsonl")
    first = json.loads(out.splitlines()[0])
    # 要抓好 is three characters, nine bytes, before the forbidden name on line 3
    assert first["location"]["range"]["start"] == {"line": 3, "column": 10}
    assert first["suggestions"][0]["text"] == "项目六率"


@pytest.mark.parametrize(
    ("fail_on", "code"), [("error", 1), ("warning", 1), ("note", 1), ("never", 0)]
)
def test_fail_on_sets_the_threshold_for_exit_1(fail_on: str, code: int) -> None:
    assert run(DRAFT, "--fail-on", fail_on)[2] == code


def test_warnings_only_pass_with_fail_on_error() -> None:
    out, _, code = run("-", "--fail-on", "error", stdin=b"the six project ratios\n")
    assert code == 0 and "<stdin>:1:5: warning deprecated-term:" in out
    assert run("-", stdin=b"the six project ratios\n")[2] == 1


def test_a_clean_text_exits_0_with_no_output() -> None:
    assert run("-", stdin="项目六率\n".encode()) == ("", "", 0)


def test_fix_replaces_unfit_names_in_place_and_leaves_every_other_byte(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    original = (
        "\ufeff# 要点\r\n要抓好项目六比率考核，\r\nthe Six Project Ratios\r\n"
        "<!-- glossary-ignore-next-line -->\r\n项目六比率\r\n"
    )
    draft.write_bytes(original.encode("utf-8-sig"))
    draft.chmod(0o640)
    out, err, code = run(str(draft), "--fix")
    assert (out, code) == ("", 0)
    assert err == (
        f"fixed {draft}:2:4: '项目六比率' -> '项目六率'\n"
        f"fixed {draft}:3:5: 'Six Project Ratios' -> 'six project performance rates'\n"
    )
    expected = original.replace("项目六比率考核", "项目六率考核").replace(
        "Six Project Ratios", "six project performance rates"
    )
    assert draft.read_bytes() == expected.encode("utf-8-sig")
    assert draft.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]  # no temporary file left


def test_fix_keeps_gb18030_and_utf16_files_in_their_encoding(tmp_path: Path) -> None:
    for codec, data in [
        ("gb18030", "抓好项目六比率。\n".encode("gb18030")),
        ("utf-16", b"\xfe\xff" + "抓好项目六比率。\n".encode("utf-16-be")),
    ]:
        draft = tmp_path / f"{codec}.txt"
        draft.write_bytes(data)
        assert run(str(draft), "--fix")[2] == 0
        fixed = draft.read_bytes()
        if codec == "gb18030":
            assert fixed == "抓好项目六率。\n".encode("gb18030")
        else:
            assert fixed == b"\xfe\xff" + "抓好项目六率。\n".encode("utf-16-be")


def test_fix_rewrites_the_target_of_line_aligned_files_only(tmp_path: Path) -> None:
    source, target = tmp_path / "zh.txt", tmp_path / "en.txt"
    shutil.copy(FIXTURES / "source.txt", source)
    shutil.copy(FIXTURES / "target.txt", target)
    out, err, code = run(str(source), "--target", str(target), "--fix", "--format", "plain")
    assert err == f"fixed {target}:1:17: 'six project ratios' -> 'six project performance rates'\n"
    assert source.read_bytes() == (FIXTURES / "source.txt").read_bytes()
    fixed = (
        (FIXTURES / "target.txt")
        .read_text(encoding="utf-8")
        .replace("six project ratios", "six project performance rates")
    )
    assert target.read_text(encoding="utf-8") == fixed
    assert code == 1 and "deprecated-term" not in out and "missing-translation" in out


def test_fix_refuses_stdin_and_translation_files() -> None:
    out, err, code = run("-", "--fix", stdin="项目六比率".encode())
    assert (out, code) == ("", 2)
    assert (
        err == "error: --fix rewrites files in place and cannot fix standard input: give a file\n"
    )
    out, err, code = run("tests/fixtures/check/pairs.tsv", "--fix")
    assert code == 2 and err.startswith("error: --fix works on a draft or on the target")


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out, err, code = run(str(binary))
    assert (out, code) == ("", 2) and err.startswith("error: ") and err.count("\n") == 1
    out, err, code = run(str(tmp_path / "missing.txt"))
    assert (out, code) == ("", 2) and err.startswith("error: ") and err.count("\n") == 1
    surrogate = tmp_path / "surrogate.txt"  # an encoded surrogate is not UTF-8
    surrogate.write_bytes("草稿".encode() + b"\xed\xa0\x80\n")
    control = tmp_path / "control.txt"  # no term in it: refused all the same
    control.write_bytes(b"plain words\x01 and nothing else\n")
    for bad in (surrogate, control):
        out, err, code = run(str(bad))
        assert (out, code) == ("", 2) and err.startswith(f"error: {bad}:1: ")
    one = tmp_path / "one.txt"
    one.write_text("六率\n增值化改革\n", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("six project rates\n", encoding="utf-8")
    out, err, code = run(str(one), "--target", str(two))
    assert (out, code) == ("", 2)
    assert err.startswith(f"error: {one} has 2 lines but {two} has 1: ")
    out, err, code = run("-", "--target", "-", stdin=b"x")
    assert code == 2 and "only one of FILE and --target" in err


def test_a_broken_term_base_is_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("terms: [\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "-t", str(broken), DRAFT])
    assert result.exit_code == 2 and result.stderr.startswith("error: ")


def test_through_a_real_pipe(tmp_path: Path) -> None:
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(new_cache(tmp_path / "cache"))}
    env.pop("GLOSSARY_TERMINAL", None)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from glossary.cli import main; main()",
            "check",
            "-t",
            str(TERMBASE),
            "-",
            "--format",
            "plain",
        ],
        input="要抓好项目六比率。\n".encode(),
        capture_output=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.decode() == (
        "<stdin>:1:4: error forbidden-term: "
        "'项目六比率' is forbidden for 项目六率: use '项目六率'\n"
    )


def test_a_reader_that_has_gone_does_not_hide_the_findings(tmp_path: Path) -> None:
    """`glossary check FILE | true` under `set -o pipefail`: the exit still says 1."""
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(new_cache(tmp_path / "cache"))}
    draft = tmp_path / "draft.txt"
    draft.write_text("要抓好项目六比率。\n" * 3, encoding="utf-8")
    command = [sys.executable, "-c", "from glossary.cli import run; run()", "check"]
    for fmt in ("plain", "json"):
        child = subprocess.Popen(
            [*command, "-t", str(TERMBASE), str(draft), "--format", fmt],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()  # gone before the check has written anything
        assert child.wait(timeout=120) == 1
        assert child.stderr.read() == b""


def test_several_files_are_checked_in_turn_as_pre_commit_passes_them() -> None:
    out, err, code = run(DRAFT, "tests/fixtures/check/pairs.tsv", "--format", "plain")
    assert (err, code) == ("", 1)
    files = [line.split(":")[0] for line in out.splitlines()]
    assert files == [DRAFT] * 3 + ["tests/fixtures/check/pairs.tsv"]
    out, err, code = run(DRAFT, SOURCE, "--target", TARGET)
    assert (out, code) == ("", 2) and err == "error: --target goes with one FILE, its source\n"


def test_the_pre_commit_hook_runs_glossary_check() -> None:
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "glossary-check" and hook["entry"].startswith("glossary check")
    assert hook["language"] == "python"
