"""`glossary extract`: candidates in small texts with known coinages, acronyms and slogans, the
general-vocabulary and known-term filters, layout, the three outputs, and --into drafts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.extract.candidates import extract
from glossary.termbase.load import load

from .conftest import BUNDLED

TEXT = (
    "我们要深入推动“两进两回”，持续推进“五水共治”。\n"
    "探索迭代GEP核算和EOD项目，平安建设实现十九连冠。\n"
    "聚焦一老一小，完善养老服务。\n"
)


@pytest.fixture
def empty_base(tmp_path: Path) -> Path:
    path = tmp_path / "empty.yaml"
    path.write_text("version: 1\nterms: []\n", encoding="utf-8")
    return path


def by_text(text: str) -> dict[str, tuple[str, int]]:
    return {c.text: (c.reason, c.line) for c in extract(text)}


def test_coinages_acronyms_and_slogans_are_found_with_their_reason_and_line() -> None:
    found = by_text(TEXT)
    assert found["两进两回"] == ("quoted", 1)
    assert found["五水共治"] == ("quoted", 1)
    assert found["GEP"] == ("acronym", 2) and found["EOD"] == ("acronym", 2)
    assert found["十九连冠"] == ("slogan", 2)
    assert found["一老一小"] == ("slogan", 3)


def test_a_count_before_a_quote_belongs_to_the_slogan() -> None:
    assert by_text("全力推进三个“一号工程”建设。")["三个一号工程"] == ("slogan", 1)


def test_layout_does_not_hide_a_candidate() -> None:
    found = by_text("深入推动“两进\n两回”，页末\f\n聚焦一老\n一小。\n")
    assert found["两进两回"] == ("quoted", 1)
    assert found["一老一小"] == ("slogan", 3)


def test_acronyms_are_not_taken_from_inside_longer_latin_words() -> None:
    found = by_text("Node与GEOdesic不是缩写，PM2.5也不是；TOD是。")
    assert "TOD" in found
    assert not {"GEO", "PM2", "PM", "ODE"} & set(found)


def test_general_vocabulary_is_not_a_candidate() -> None:
    assert "发展" not in by_text("坚持“发展”，推动“改革”。")
    assert by_text("加强经济发展，推进社会建设，提高人民生活水平。") == {}


def test_a_compound_with_a_new_word_is_found_by_statistics() -> None:
    found = by_text("加快推进高铁站扩容提质工程。")
    assert found.get("高铁站扩容提质工程") == ("statistics", 1)


def test_each_candidate_carries_score_count_line_and_context() -> None:
    text = "推动“两进两回”。\n再推“两进两回”。\n"
    (candidate,) = [c for c in extract(text) if c.text == "两进两回"]
    assert candidate.count == 2 and candidate.line == 1
    assert candidate.context == "推动“[两进两回]”。再推“两进两回”。"
    assert set(candidate.to_dict()) == {"text", "score", "count", "line", "context", "reason"}
    scores = [c.score for c in extract(TEXT)]
    assert scores == sorted(scores, reverse=True)


def test_known_terms_under_any_name_are_left_out(runner: CliRunner, tmp_path: Path) -> None:
    document = tmp_path / "draft.txt"
    document.write_text("深化“艺术乡建”，推进“三源治理”与“两进两回”，探索GEP。\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(document), "--json", "-t", str(BUNDLED)])
    assert result.exit_code == 0, result.output
    texts = [c["text"] for c in json.loads(result.stdout)]
    assert "两进两回" in texts
    assert not {"艺术乡建", "三源治理", "GEP"} & set(texts)  # headword, alias, acronym


def test_pipe_output_is_tsv_with_a_header(
    runner: CliRunner, tmp_path: Path, empty_base: Path
) -> None:
    document = tmp_path / "draft.txt"
    document.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(document), "-n", "3", "-t", str(empty_base)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["rank", "text", "score", "count", "line", "reason", "context"]
    assert len(lines) == 4 and [line.split("\t")[0] for line in lines[1:]] == ["1", "2", "3"]
    assert "\x1b[" not in result.stdout


def test_terminal_table_shows_markup_in_the_data_as_typed(
    runner: CliRunner, tmp_path: Path, empty_base: Path
) -> None:
    document = tmp_path / "draft.txt"
    document.write_text("推进“[red]赤色[/red]”工程。\n", encoding="utf-8")
    result = runner.invoke(
        app,
        ["extract", str(document), "-t", str(empty_base)],
        env={"GLOSSARY_TERMINAL": "1", "COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "[red]赤色[/red]" in result.stdout


def test_into_writes_the_picked_candidates_as_drafts(
    runner: CliRunner, tmp_path: Path, empty_base: Path
) -> None:
    document = tmp_path / "report.txt"
    document.write_text(TEXT, encoding="utf-8")
    listed = runner.invoke(app, ["extract", str(document), "--json", "-t", str(empty_base)])
    candidates = json.loads(listed.stdout)
    target = tmp_path / "drafts.yaml"
    result = runner.invoke(
        app,
        ["extract", str(document), "--into", str(target), "--pick", "1,3-4", "-t", str(empty_base)],
    )
    assert result.exit_code == 0, result.output
    assert f"added 3 draft terms to {target}" in result.stderr
    terms = load(target).terms
    assert [t.headword for t in terms] == [candidates[i]["text"] for i in (0, 2, 3)]
    for term, candidate in zip(terms, (candidates[i] for i in (0, 2, 3)), strict=True):
        assert term.status == "draft" and term.pinyin and term.id
        assert term.source is not None and term.source.document == "report.txt"
        assert term.source.line == candidate["line"]
    again = runner.invoke(
        app, ["extract", str(document), "--into", str(target), "--pick", "1", "-t", str(empty_base)]
    )
    assert again.exit_code == 0 and "(1 already there)" in again.stderr
    assert len(load(target).terms) == 3


def test_bad_pick_and_pick_without_into_are_one_line_errors(
    runner: CliRunner, tmp_path: Path, empty_base: Path
) -> None:
    document = tmp_path / "report.txt"
    document.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "drafts.yaml"
    common = ["extract", str(document), "-t", str(empty_base)]
    for pick, message in (("x", "use rank numbers"), ("99", "no candidate ranked 99")):
        result = runner.invoke(app, [*common, "--into", str(target), "--pick", pick])
        assert result.exit_code == 2 and message in result.stderr
    alone = runner.invoke(app, [*common, "--pick", "1"])
    assert alone.exit_code == 2 and "give --into PATH" in alone.stderr
    bundled = runner.invoke(app, [*common, "--into", str(BUNDLED)])
    assert bundled.exit_code == 2 and "bundled term base" in bundled.stderr
    assert not target.exists()


def test_words_of_a_dictionary_among_the_term_bases_are_general(
    runner: CliRunner, tmp_path: Path, empty_base: Path
) -> None:
    dictionary = tmp_path / "dictionary.yaml"
    dictionary.write_text(
        "version: 1\nkind: dictionary\nterms:\n"
        "- {id: bu3duan3ban3, headword: 补短板, pinyin: bǔ duǎnbǎn, en: shore up weak spots}\n",
        encoding="utf-8",
    )
    text = "实施“补短板”工程，推动“两进两回”。\n"
    alone = runner.invoke(app, ["extract", "-", "--json", "-t", str(empty_base)], input=text)
    beside = runner.invoke(app, ["extract", "-", "--json", "-t", str(dictionary)], input=text)
    assert alone.exit_code == beside.exit_code == 0, beside.output
    assert "补短板" in [c["text"] for c in json.loads(alone.stdout)]
    assert [c["text"] for c in json.loads(beside.stdout)] == ["两进两回"]


def score_of(text: str, candidate: str) -> float:
    (found,) = [c.score for c in extract(text) if c.text == candidate]
    return found


def test_a_compound_whose_head_forms_a_family_in_the_text_gains() -> None:
    alone = "加快推进客运站扩容提质工程。"  # examples not in the bundled base: its words
    family = alone + "深入实施文化基因解码工程，推进县城承载能力提升工程。"  # join jieba's
    assert score_of(family, "客运站扩容提质工程") > score_of(alone, "客运站扩容提质工程")


def test_a_nested_term_before_a_productive_head_is_found_whole() -> None:
    text = "深化拓展音乐乡建模式，探索更多医养结合模式。"
    found = by_text(text)
    assert found.get("音乐乡建") == ("statistics", 1)
    assert "音乐乡建模式" in found
    assert "音乐乡建" not in by_text("深化拓展音乐乡建模式。")  # one compound is no family


def test_a_number_inside_a_compound_makes_it_a_name() -> None:
    text = "深入实施浙江2035年远景目标纲要，新增城镇就业人口1万人。"
    ranked = [c.text for c in extract(text)]
    assert ranked[0] == "浙江2035年远景目标纲要"  # all its words are common
    assert "城镇就业人口1万人" in ranked  # a quantity: found, but no name


def test_a_common_verb_inside_a_phrase_makes_it_a_clause() -> None:
    clause = score_of("空气优良率完成市定目标任务。", "空气优良率完成市定目标任务")
    phrase = score_of("空气优良率市定目标任务。", "空气优良率市定目标任务")
    assert clause < phrase
