"""Term bases written to hurt: an alias bomb, a field of the wrong type, a repeated key, two
terms with one headword. Each is refused (or reported) with its line, in linear time, by the
loader and by the bulk parser alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.errors import TermBaseError
from glossary.termbase import bulk_parse
from glossary.termbase.load import load, parse, validate

TERM = "- id: t{n}\n  headword: 词{n}\n  pinyin: cí\n  en: word {n}\n"


def bomb_base() -> str:
    """The bomb built in one term (under an unknown field) and fired in `en`."""
    lines = ['    - &a0 ["lol"]']
    for level in range(1, 10):
        lines.append(f"    - &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return (
        "terms:\n- id: bomb\n  headword: 炸弹\n  pinyin: zhàdàn\n  scratch:\n"
        + "\n".join(lines)
        + "\n  en: *a9\n"
    )


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tb.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_alias_bomb_is_refused_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, bomb_base())
    problems = [str(problem) for problem in validate(path)]
    assert problems == [
        f"{path}:2: refused: its aliases (*name) expand to more than 10,000 values; "
        "write the values out"
    ]
    with pytest.raises(TermBaseError, match="expand to more than"):
        load(path)


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    text = (
        "terms:\n- id: a\n  headword: 甲\n  pinyin: jiǎ\n  tags: &common [policy, rural]\n"
        "- id: b\n  headword: 乙\n  pinyin: yǐ\n  tags: *common\n"
    )
    assert [term.tags for term in load(write(tmp_path, text)).terms] == [("policy", "rural")] * 2


def test_en_is_type_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "terms:\n- id: a\n  headword: 甲\n  pinyin: jiǎ\n  en: [x]\n")
    problems = [str(problem) for problem in validate(path)]
    assert problems == [f"{path}:2: term 'a': en: expected text"]


def test_a_repeated_key_in_a_term_is_refused_with_its_line(tmp_path: Path) -> None:
    text = "terms:\n- id: a\n  headword: 甲\n  pinyin: jiǎ\n  en: first\n  en: second\n"
    path = write(tmp_path, text)
    message = str(validate(path)[0])
    assert message == (
        f"{path}:6: duplicate key 'en' (first at line 5): the first value would be lost; keep one"
    )
    with pytest.raises(TermBaseError, match=":6: duplicate key 'en'"):
        load(path)


def test_a_repeated_key_at_the_top_or_nested_is_refused(tmp_path: Path) -> None:
    top = write(tmp_path, "terms: []\nterms:\n" + TERM.format(n=1))
    assert "2: duplicate key 'terms'" in str(validate(top)[0])
    nested = TERM.format(n=1) + "  definition:\n    en: a\n    en: b\n"
    assert ":8: duplicate key 'en'" in str(validate(write(tmp_path, "terms:\n" + nested))[0])


def test_the_bulk_parser_applies_the_same_rules() -> None:
    items = "".join(TERM.format(n=n) for n in range(8))
    repeated = "terms:\n" + items + "- id: x\n  headword: 乙\n  pinyin: yǐ\n  en: a\n  en: b\n"
    split = bulk_parse.split(repeated, min_size=0, piece_items=4)
    assert split is not None
    assert bulk_parse.parse_items(split[1]) is None
    bomb = "terms:\n" + items + bomb_base().split("terms:\n", 1)[1]
    split = bulk_parse.split(bomb, min_size=0, piece_items=4)
    assert split is not None
    assert bulk_parse.parse_items(split[1]) is None
    _, problems = parse(repeated, "tb.yaml")
    assert str(problems[0]).startswith("tb.yaml:38: duplicate key 'en'")


def test_deep_nesting_is_malformed_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "terms:\n- id: a\n  en: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nesting depth" in str(validate(path)[0])


def test_validate_reports_two_terms_with_one_headword(runner: CliRunner, tmp_path: Path) -> None:
    text = "terms:\n" + TERM.format(n=1) + TERM.format(n=1).replace("t1", "t2")
    path = write(tmp_path, text)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:6: term 't2': headword: '词1' is also the headword at line 2: merge the two\n"
    )
    dictionary = write(tmp_path, "kind: dictionary\n" + text)
    result = runner.invoke(app, ["validate", str(dictionary)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{dictionary}:7: warning: term 't2': headword: '词1' is also the headword at line 3 "
        "(a homograph)\n"
    )
    assert result.stderr == "1 warning\n"
    assert len(load(dictionary).terms) == 2


@pytest.mark.parametrize(
    ("value", "why"),
    [("2001-13-45", "month must be in 1..12"), ("9" * 5_000, "Exceeds the limit")],
)
def test_a_value_python_cannot_construct_is_malformed_not_a_crash(
    runner: CliRunner, tmp_path: Path, value: str, why: str
) -> None:
    path = write(tmp_path, "terms:\n" + TERM.format(n=1) + f"  note: {value}\n")
    for command in (["validate", str(path)], ["-t", str(path), "lookup", "词1"]):
        result = runner.invoke(app, command)
        assert result.exit_code != 0
        assert "Traceback" not in result.output
        assert f"{path}:2: malformed YAML: a value that cannot be read ({why}" in result.output
    items = "".join(TERM.format(n=n) for n in range(8)) + f"- id: x\n  note: {value}\n"
    split = bulk_parse.split("terms:\n" + items, min_size=0, piece_items=4)
    assert split is not None
    assert bulk_parse.parse_items(split[1]) is None
