"""The checker's rules through the library face, `Glossary.check(text, target=None)`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import glossary
from glossary.check.findings import Finding
from glossary.errors import InputError

from .conftest import new_cache

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
TERMBASE = FIXTURES / "termbase.yaml"


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> glossary.Glossary:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(tmp_path_factory.mktemp("check-cache"))))
        opened = glossary.open(TERMBASE)
        opened.store  # noqa: B018 (build the index inside the patched cache folder)
        opened.scanner  # noqa: B018
        return opened


def rules(findings: list[Finding]) -> list[tuple[str, int, str]]:
    return [(f.rule, f.line, f.surface) for f in findings]


def test_a_forbidden_chinese_name_is_an_error_with_the_headword_as_replacement(
    checker: glossary.Glossary,
) -> None:
    (finding,) = checker.check("要抓好项目六比率考核。")
    assert finding.to_dict() == {
        "rule": "forbidden-term",
        "severity": "error",
        "file": "<text>",
        "line": 1,
        "column": 4,
        "start": 3,
        "end": 8,
        "surface": "项目六比率",
        "term": "xiangmuliulv",
        "message": "'项目六比率' is forbidden for 项目六率: use '项目六率'",
        "replacement": "项目六率",
    }


def test_a_deprecated_english_name_is_a_warning_whatever_its_case_and_line_breaks(
    checker: glossary.Glossary,
) -> None:
    text = "We track the Six Project\nRatios and the six project ratios."
    found = checker.check(text, file="notes.txt")
    assert rules(found) == [
        ("deprecated-term", 1, "Six Project\nRatios"),
        ("deprecated-term", 2, "six project ratios"),
    ]
    assert {f.severity for f in found} == {"warning"}
    assert {f.replacement for f in found} == {"six project performance rates"}
    assert all(text[f.start : f.end] == f.surface for f in found)
    assert (found[1].line, found[1].column, found[1].file) == (2, 16, "notes.txt")


def test_unfit_names_are_found_in_traditional_and_full_width_forms_on_either_side(
    checker: glossary.Glossary,
) -> None:
    assert rules(checker.check("要抓好項目六比率考核。")) == [("forbidden-term", 1, "項目六比率")]
    assert rules(checker.check("We track the ＳＩＸ PROJECT ＲＡＴＩＯＳ.")) == [
        ("deprecated-term", 1, "ＳＩＸ PROJECT ＲＡＴＩＯＳ")
    ]
    found = checker.check(
        "要抓好六率考核。", "Get the Six Project Ｒatios right.", target_file="en"
    )
    assert [(f.rule, f.side, f.surface) for f in found] == [
        ("missing-translation", "source", "六率"),
        ("deprecated-term", "target", "Six Project Ｒatios"),
    ]


def test_preferred_and_admitted_names_are_no_finding(checker: glossary.Glossary) -> None:
    text = "项目六率、六率、Six Project Rates、政务服务增值化改革、增值化改革"
    assert checker.check(text) == []


def test_a_term_with_check_false_is_never_reported(checker: glossary.Glossary) -> None:
    assert checker.check("rural art construction") == []
    assert checker.check("艺术乡建", "the weather") == []


def test_glossary_ignore_comments_silence_their_line_or_the_next(
    checker: glossary.Glossary,
) -> None:
    text = (
        "项目六比率 # glossary-ignore\n"
        "<!-- glossary-ignore-next-line -->\n"
        "项目六比率\n"
        "<!-- glossary-ignore -->\n"
        "项目六比率\n"
        "项目六比率 // glossary-ignore\n"
        "项目六比率\n"
    )
    assert rules(checker.check(text)) == [("forbidden-term", 7, "项目六比率")]


def test_missing_translation_names_the_source_term_and_the_expected_english(
    checker: glossary.Glossary,
) -> None:
    (finding,) = checker.check("推进增值化改革。", "We push the reform.", file="zh.txt")
    assert finding.to_dict() == {
        "rule": "missing-translation",
        "severity": "error",
        "file": "zh.txt",
        "line": 1,
        "column": 3,
        "start": 2,
        "end": 7,
        "surface": "增值化改革",
        "term": "zhengwufuwuzengzhihuagaige",
        "message": "'增值化改革' (zhengwufuwuzengzhihuagaige) is not translated by an approved "
        "name in segment 1: expected 'value-added reform of government services'",
        "replacement": None,
        "segment": 1,
        "side": "source",
    }


@pytest.mark.parametrize(
    "target",
    [
        "We push the value-added reform of government services.",
        "We push the Value-Added Reforms of Government Services.",
        "We push the value added reform of government service.",
        "We push the value-added government services reform.",
    ],
)
def test_an_approved_english_name_is_found_through_case_inflection_and_breaks(
    checker: glossary.Glossary, target: str
) -> None:
    assert checker.check("推进增值化改革。", target) == []


def test_inflected_verbs_are_matched_by_lemma(checker: glossary.Glossary, tmp_path: Path) -> None:
    from glossary.check.english import EnglishText, Lemmas

    lemmas = Lemmas(tmp_path / "lemmas.json")
    found = EnglishText("Cities cultivated farms, cultivating markets.", lemmas)
    assert found.find(["city cultivate farm"]) == ("city cultivate farm", 0, 23)
    assert found.find(["cultivate market"]) == ("cultivate market", 25, 44)
    lemmas.save()
    remembered = json.loads((tmp_path / "lemmas.json").read_text(encoding="utf-8"))
    assert remembered["cultivating"] == "cultivate" and remembered["cities"] == "city"


def test_unfit_names_are_flagged_on_the_target_side_too(checker: glossary.Glossary) -> None:
    found = checker.check("要抓好六率考核。", "Get the six project ratios right.", target_file="en")
    assert [(f.rule, f.side, f.file, f.segment) for f in found] == [
        ("missing-translation", "source", "<text>", 1),
        ("deprecated-term", "target", "en", 1),
    ]


def test_a_term_rendered_two_ways_is_inconsistent_where_it_differs_from_the_usual(
    checker: glossary.Glossary,
) -> None:
    source = "增值化改革\n增值化改革\n增值化改革\n"
    target = (
        "the value-added government services reform\n"
        "the value-added reform of government services\n"
        "the value-added government services reform\n"
    )
    (finding,) = checker.check(source, target)
    assert (finding.rule, finding.severity, finding.side, finding.line) == (
        "inconsistent-translation",
        "warning",
        "target",
        2,
    )
    assert finding.surface == "value-added reform of government services"
    assert "'value-added government services reform' in 2 other segments" in finding.message


def test_blank_lines_are_segments_and_misaligned_files_are_an_error_naming_both_counts(
    checker: glossary.Glossary,
) -> None:
    assert checker.check("六率\n\n增值化改革\n", "six project rates\n\nthe reform\n") != []
    with pytest.raises(InputError) as raised:
        checker.check(
            "六率\n增值化改革\n", "six project rates\n", file="zh.txt", target_file="en.txt"
        )
    assert raised.value.message.startswith("zh.txt has 2 lines but en.txt has 1:")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(["项目六比率", "six project\nratios", "六率", "。", "\n", " ", "“", "x"]),
        max_size=12,
    )
)
def test_every_finding_points_at_its_surface(checker: glossary.Glossary, parts: list[str]) -> None:
    text = "".join(parts)
    for finding in checker.check(text):
        assert text[finding.start : finding.end] == finding.surface
        lines = text.split("\n")
        assert lines[finding.line - 1][finding.column - 1 :].startswith(
            finding.surface.split("\n")[0]
        )


def test_the_words_of_a_dictionary_beside_the_glossary_are_not_judged(tmp_path: Path) -> None:
    dictionary = tmp_path / "dictionary.yaml"
    dictionary.write_text(
        "kind: dictionary\nterms:\n"
        "- id: kaohe\n  headword: 考核\n  pinyin: kǎohé\n  en: to assess\n"
        "  aliases: [{name: 考覈, status: deprecated}]\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(tmp_path / "cache")))
        both = glossary.open([TERMBASE, dictionary])
        assert [o.surface for o in both.annotate("抓好六率考覈")] == ["六率", "考覈"]
        # the glossary term is judged (forbidden, and not translated); 考覈 is not
        assert rules(both.check("抓好项目六比率考覈", "the weather")) == [
            ("forbidden-term", 1, "项目六比率"),
            ("missing-translation", 1, "项目六比率"),
        ]
