"""`glossary add`, `edit` and `remove` as a user sees them: stdout, stderr, exit code, and the
file on disk (its diff, its validity), including concurrent writers and a killed one."""

from __future__ import annotations

import difflib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.model import Term
from glossary.termbase.load import load

from .conftest import BUNDLED

COMMAND = [sys.executable, "-c", "from glossary.cli import main; main()"]


def run(runner: CliRunner, *args: str, input: str | None = None, env=None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, env=env)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A copy of the bundled term base with a hand-written comment in it."""
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace("terms:\n", "terms:\n# reviewed by hand, keep this comment\n", 1)
    path = tmp_path / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def find(path: Path, key: str) -> Term | None:
    """The term of the file at `path` whose id or headword is `key`."""
    return next((t for t in load(path).terms if key in (t.id, t.headword)), None)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines a diff removes and the lines it adds."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_add_with_every_field_prints_the_term_and_touches_only_its_lines(
    runner: CliRunner, base: Path
) -> None:
    before = base.read_text(encoding="utf-8")
    result = run(
        runner, "add", "五水共治", "--en", "Five Water Treatments",
        "--pinyin", "wu3 shui3 gong4zhi4", "--alias", "治污水", "--alias", "Five Waters",
        "--definition-zh", "即治污水、防洪水。",
        "--definition-en", "Treating sewage and flood control.", "--tag", "ecology",
        "--note", "a Zhejiang campaign", "--status", "draft", "--json", "-t", str(base),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    term = json.loads(result.stdout)
    assert term == {
        "id": "wushuigongzhi",
        "headword": "五水共治",
        "pinyin": "wǔ shuǐ gòngzhì",
        "en": "Five Water Treatments",
        "aliases": ["治污水", "Five Waters"],
        "definition": {"zh": "即治污水、防洪水。", "en": "Treating sewage and flood control."},
        "status": "draft",
        "tags": ["ecology"],
        "note": "a Zhejiang campaign",
    }
    assert "added term 'wushuigongzhi' to" in result.stderr
    after = base.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert removed == []
    assert added[0] == "- id: wushuigongzhi" and "  headword: 五水共治" in added
    assert len(added) == len(after.splitlines()) - len(before.splitlines())
    assert after.startswith(before)  # everything before, the comment included, byte for byte
    assert find(base, "wushuigongzhi") is not None


def test_edit_changes_only_that_terms_lines_and_keeps_comments(
    runner: CliRunner, base: Path
) -> None:
    before = base.read_text(encoding="utf-8")
    result = run(
        runner, "edit", "xiangmuliulv", "--en", "six project rates", "--add-alias", "六率考核",
        "-t", str(base),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    after = base.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert removed == ["  en: six project performance rates"]
    assert added == ["  en: six project rates", "  - 六率考核"]
    assert "# reviewed by hand, keep this comment" in after
    term = find(base, "xiangmuliulv")
    assert term is not None and term.aliases[-1] == "六率考核"


def test_edit_clears_replaces_and_removes(runner: CliRunner, base: Path) -> None:
    result = run(
        runner, "edit", "EOD", "--note", "", "--remove-alias", "EOD模式", "--tag", "x",
        "--status", "deprecated", "--json", "-t", str(base),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    term = json.loads(result.stdout)
    assert "note" not in term and "EOD模式" not in term["aliases"]
    assert term["tags"] == ["x"] and term["status"] == "deprecated"
    missing = run(runner, "edit", "eod", "--remove-alias", "nope", "-t", str(base))
    assert missing.exit_code == 2 and "has no alias 'nope'" in missing.stderr
    nothing = run(runner, "edit", "eod", "-t", str(base))
    assert nothing.exit_code == 2 and "nothing to change" in nothing.stderr


def test_remove_deletes_only_that_term(runner: CliRunner, base: Path) -> None:
    before = base.read_text(encoding="utf-8")
    result = run(runner, "remove", "gep", "-t", str(base))
    assert result.exit_code == 0 and "removed term 'gep' from" in result.stderr
    after = base.read_text(encoding="utf-8")
    removed, added = changed_lines(before, after)
    assert added == [] and removed[0] == "- id: gep"
    assert len(load(base).terms) == 14
    again = run(runner, "remove", "gep", "-t", str(base))
    assert again.exit_code == 1 and "no term with id or headword 'gep'" in again.stderr


def test_guessed_pinyin_warns_about_each_polyphonic_character(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new.yaml"
    result = run(runner, "add", "重点行业", "--en", "key industries", "--json", "-t", str(path))
    assert result.exit_code == 0, result.output
    term = json.loads(result.stdout)
    assert term["pinyin"] == "zhòngdiǎn hángyè" and term["id"] == "zhongdianhangye"
    warning = result.stderr.splitlines()[0]
    assert warning.startswith("warning: pinyin 'zhòngdiǎn hángyè' is guessed")
    assert "重 zhòng (also chóng" in warning and "行 háng (also xíng" in warning
    assert "点" not in warning.split("characters", 1)[1]  # one reading: not named
    assert load(path).terms[0].headword == "重点行业"  # the file was created
    given = run(runner, "add", "银行", "--en", "bank", "--pinyin", "yin2hang2", "-t", str(path))
    assert given.exit_code == 0 and "warning" not in given.stderr


def test_existing_headword_or_id_is_refused_naming_the_term(runner: CliRunner, base: Path) -> None:
    before = base.read_text(encoding="utf-8")
    same = run(runner, "add", "项目六率", "--en", "x", "--pinyin", "x", "-t", str(base))
    assert same.exit_code == 2
    assert same.stderr.startswith("error: 项目六率 is already term 'xiangmuliulv' (项目六率, ")
    assert "glossary edit xiangmuliulv" in same.stderr and "--update" in same.stderr
    alias = run(runner, "add", "六率", "--en", "x", "--pinyin", "liù lǜ", "-t", str(base))
    assert alias.exit_code == 2 and "term 'xiangmuliulv'" in alias.stderr
    by_id = run(runner, "add", "新词", "--en", "x", "--id", "eod", "-t", str(base))
    assert by_id.exit_code == 2 and "is already term 'eod'" in by_id.stderr
    assert base.read_text(encoding="utf-8") == before
    merged = run(
        runner, "add", "项目六率", "--en", "six rates", "--alias", "六率考核", "--update",
        "--json", "-t", str(base),
    )  # fmt: skip
    assert merged.exit_code == 0, merged.output
    term = json.loads(merged.stdout)
    assert term["en"] == "six rates" and term["aliases"] == [
        "六率",
        "Six Project Rates",
        "六率考核",
    ]
    assert term["definition"]["zh"].startswith("即项目引进开工率")  # kept


def test_dry_run_prints_the_yaml_and_writes_nothing(runner: CliRunner, base: Path) -> None:
    before = base.read_text(encoding="utf-8")
    added = run(
        runner, "add", "GDP", "--en", "gross domestic product", "--dry-run", "-t", str(base)
    )
    assert added.exit_code == 0
    assert added.stdout == (
        "- id: gdp\n  headword: GDP\n  pinyin: GDP\n  en: gross domestic product\n"
        "  status: complete\n"
    )
    assert "dry run: would add term 'gdp'" in added.stderr
    edited = run(runner, "edit", "gep", "--en", "GEP", "--dry-run", "-t", str(base))
    assert edited.exit_code == 0 and "  en: GEP\n" in edited.stdout
    assert base.read_text(encoding="utf-8") == before


def test_no_termbase_named_and_the_bundled_one_are_refused(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bundled_before = BUNDLED.read_bytes()
    none = run(runner, "add", "新词", "--en", "x")
    assert none.exit_code == 2 and "--termbase PATH" in none.stderr
    assert "GLOSSARY_TERMBASE" in none.stderr
    named = run(runner, "add", "新词", "--en", "x", "-t", str(BUNDLED))
    assert named.exit_code == 2 and "bundled term base" in named.stderr
    monkeypatch.setenv("GLOSSARY_TERMBASE", f"{tmp_path / 'a.yaml'}:{tmp_path / 'b.yaml'}")
    by_env = run(runner, "add", "新词", "--en", "new word", "--pinyin", "xīn cí")
    assert by_env.exit_code == 0 and (tmp_path / "a.yaml").exists()
    assert not (tmp_path / "b.yaml").exists()
    assert BUNDLED.read_bytes() == bundled_before


def test_a_term_base_that_does_not_parse_is_refused_with_its_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("version: 1\nterms:\n- id: a\n  headword: [unclosed\n", encoding="utf-8")
    before = path.read_bytes()
    result = run(runner, "add", "新词", "--en", "x", "--pinyin", "xīn cí", "-t", str(path))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {path}:") and "malformed YAML" in result.stderr
    assert "nothing was written" in result.stderr
    assert path.read_bytes() == before
    bad_id = run(
        runner, "add", "新词", "--en", "x", "--id", "Not A Slug", "-t", str(tmp_path / "n.yaml")
    )
    assert bad_id.exit_code == 2 and "id: use lowercase" in bad_id.stderr
    assert not (tmp_path / "n.yaml").exists()


def test_prompts_on_a_terminal_offer_the_guessed_pinyin(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "asked.yaml"
    answers = "效率提升\n\nefficiency gains\n提效 | 增效\n\n\nprojects\n\n"
    result = run(
        runner, "add", "--json", "-t", str(path), input=answers, env={"GLOSSARY_TERMINAL": "1"}
    )
    assert result.exit_code == 0, result.output
    term = json.loads(result.stdout)
    assert term["headword"] == "效率提升" and term["pinyin"] == "xiàolǜ tíshēng"
    assert term["en"] == "efficiency gains" and term["aliases"] == ["提效", "增效"]
    assert term["tags"] == ["projects"] and term["id"] == "xiaolvtisheng"
    assert "Pinyin (xiàolǜ tíshēng)" in result.stderr and "率 lǜ (also shuài" in result.stderr


def test_a_pipe_never_prompts(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "piped.yaml"
    env = {"GLOSSARY_TERMINAL": "0"}
    bare = run(runner, "add", "-t", str(path), input="效率提升\n", env=env)
    assert bare.exit_code == 2 and "only on a terminal" in bare.stderr
    no_en = run(runner, "add", "效率提升", "-t", str(path), env=env)
    assert no_en.exit_code == 2 and "--en ENGLISH is required" in no_en.stderr
    assert not path.exists()


def test_eight_concurrent_adds_all_land(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    env = {**os.environ, "GLOSSARY_TERMBASE": ""}
    names = [f"TERM{letter}" for letter in "ABCDEFGH"]
    processes = [
        subprocess.Popen(
            [*COMMAND, "add", name, "--en", name.lower(), "--pinyin", name, "-t", str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for name in names
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    terms = load(path).terms
    assert sorted(term.headword for term in terms) == names


def test_a_writer_killed_mid_write_leaves_the_old_file(base: Path, tmp_path: Path) -> None:
    before = base.read_bytes()
    marker = tmp_path / "writing"
    env = {**os.environ, "GLOSSARY_HOLD_WRITE": str(marker)}
    process = subprocess.Popen(
        [*COMMAND, "add", "新词", "--en", "x", "--pinyin", "xīn cí", "-t", str(base)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    deadline = time.monotonic() + 60
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists()  # the writer is inside the write, half of the new file written
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert base.read_bytes() == before
    assert len(load(base).terms) == 15
    env.pop("GLOSSARY_HOLD_WRITE")
    after = subprocess.run(
        [*COMMAND, "add", "新词", "--en", "x", "--pinyin", "xīn cí", "-t", str(base)],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert after.returncode == 0, after.stderr.decode()  # the lock died with its holder
    assert find(base, "新词") is not None


def test_deprecate_alias_makes_check_flag_it_and_lookup_say_so(
    runner: CliRunner, base: Path, tmp_path: Path
) -> None:
    before = base.read_text(encoding="utf-8")
    result = run(runner, "edit", "xiangmuliulv", "-t", str(base), "--add-alias", "six ratios",
                 "--deprecate-alias", "six ratios")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    term = find(base, "xiangmuliulv")
    assert term is not None and term.status_of("six ratios") == "deprecated"
    removed, added = changed_lines(before, base.read_text(encoding="utf-8"))
    assert added == ["  - name: six ratios", "    status: deprecated"] and removed == []
    draft = tmp_path / "draft.txt"
    draft.write_text("We track the six ratios closely.\n", encoding="utf-8")
    checked = run(runner, "check", str(draft), "-t", str(base), "--format", "json")
    (finding,) = json.loads(checked.stdout)
    assert (checked.exit_code, finding["rule"], finding["replacement"]) == (
        1, "deprecated-term", "six project performance rates"
    )  # fmt: skip
    looked = json.loads(run(runner, "lookup", "six ratios", "-t", str(base), "--json").stdout)
    assert looked["results"][0]["name"]["status"] == "deprecated"
    readmitted = run(runner, "edit", "xiangmuliulv", "-t", str(base), "--admit-alias", "six ratios")
    assert readmitted.exit_code == 0
    assert base.read_text(encoding="utf-8").count("six ratios") == 1


def test_deprecating_an_alias_the_term_lacks_is_refused(runner: CliRunner, base: Path) -> None:
    before = base.read_bytes()
    result = run(runner, "edit", "xiangmuliulv", "-t", str(base), "--deprecate-alias", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: term 'xiangmuliulv' has no alias 'nope' to mark")
    assert base.read_bytes() == before
