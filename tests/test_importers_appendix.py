"""The appendix importer on the real page and on a second appendix written for the tests."""

from __future__ import annotations

from glossary.importers.appendix import parse_appendix
from glossary.termbase.load import load

from .conftest import BUNDLED, FIXTURES, SOURCE


def parse(path):  # type: ignore[no-untyped-def]
    return parse_appendix(path.read_text(encoding="utf-8"), path.name)


def test_real_page_gives_the_fifteen_entries_once_each() -> None:
    terms, report = parse(SOURCE)
    headwords = [term.headword for term in terms]
    assert headwords == [
        "三个一号工程", "十项重大工程", "部省共建莫干山地信实验室", "地球磁场模拟与监测系统",
        "政务服务增值化改革", "莫干山研究院", "项目六率", "工业用地二级市场交易",
        "高铁站扩容提质工程", "联合国2030年可持续发展议程", "GEP", "EOD", "艺术乡建",
        "警源、访源、诉源三源治理", "双金双银",
    ]  # fmt: skip
    assert report.found == 22
    assert report.identical_duplicates == 7


def test_real_page_chinese_fields_equal_the_bundled_term_base() -> None:
    terms, _ = parse(SOURCE)
    bundled = {term.headword: term for term in load(BUNDLED).terms}
    for term in terms:
        kept = bundled[term.headword]
        assert (term.printed, term.definition_zh, term.status, term.source) == (
            kept.printed, kept.definition_zh, kept.status, kept.source,
        )  # fmt: skip


def test_entry_split_by_page_header_is_joined_without_header_or_space() -> None:
    terms, report = parse(SOURCE)
    term = next(t for t in terms if t.headword == "双金双银")
    assert "主业突出、拥有知名品牌" in term.definition_zh
    assert "名词解释" not in term.definition_zh
    assert report.joined == ["双金双银"]
    assert all("名词解释" not in t.definition_zh for t in terms)


def test_truncated_entry_is_kept_as_printed_and_marked() -> None:
    terms, report = parse(SOURCE)
    term = next(t for t in terms if t.headword == "莫干山研究院")
    assert term.status == "truncated"
    assert term.definition_zh.endswith("智能制造、")
    assert report.truncated == ["莫干山研究院"]
    assert [t.headword for t in terms if t.status == "truncated"] == ["莫干山研究院"]


def test_quoted_headword_keeps_printed_form_and_ji_stays_in_definition() -> None:
    terms, _ = parse(SOURCE)
    term = next(t for t in terms if t.headword == "十项重大工程")
    assert term.printed == "“十项重大工程”"
    assert term.definition_zh.startswith("即省政府工作报告")
    gep = next(t for t in terms if t.headword == "GEP")
    assert gep.definition_zh.startswith("即生态系统生产总值")


def test_report_paragraphs_and_fragments_are_skipped_with_reasons() -> None:
    _, report = parse(SOURCE)
    reasons = {s.line: s.reason for s in report.skipped}
    assert "report paragraph" in reasons[81] and "report paragraph" in reasons[39]
    assert reasons[103] == "page header"
    assert "fragment" in reasons[121]


def test_second_appendix_all_artefacts() -> None:
    terms, report = parse(FIXTURES / "appendix-second.txt")
    assert [t.headword for t in terms] == [
        "山海协作", "千万工程", "未来社区", "数字化改革", "共富工坊", "亩均论英雄",
        "最多跑一次", "大综合一体化",
    ]  # fmt: skip
    by_headword = {t.headword: t for t in terms}
    assert by_headword["千万工程"].printed == "“千万工程”"  # full-width colon separator
    assert by_headword["数字化改革"].definition_zh.startswith("即围绕建设数字浙江目标")
    assert "实现企业降本、农民增收、集体增益" in by_headword["共富工坊"].definition_zh
    assert report.joined == ["共富工坊"]
    assert report.identical_duplicates == 1  # 山海协作 printed twice
    assert len(report.merged) == 1 and report.merged[0].startswith("未来社区")
    assert by_headword["未来社区"].definition_zh.endswith("功能单元。")  # the complete copy
    assert by_headword["大综合一体化"].status == "truncated"
    assert report.truncated == ["大综合一体化"]
    skipped = {s.line: s.reason for s in report.skipped}
    assert skipped[3] == "page furniture" and skipped[21] == "page header"
    assert "section heading" in skipped[7]
    assert "report paragraph" in skipped[15] and "report paragraph" in skipped[31]
    assert "fragment" in skipped[37]


def test_near_duplicate_keeps_the_more_complete_copy_whichever_comes_first() -> None:
    text = (
        "未来社区 以人民美好生活向往为中心,构建新型城市功能单元\n\n"
        "未来社区 以人民美好生活向往为中心,构建新型城市功能单元。\n"
    )
    terms, report = parse_appendix(text, "t.txt")
    assert len(terms) == 1 and terms[0].definition_zh.endswith("单元。")
    assert terms[0].status == "complete" and terms[0].source.line == 3  # type: ignore[union-attr]
    assert "kept the more complete copy (line 3)" in report.merged[0]


def test_different_definitions_for_one_headword_are_reported_as_a_conflict() -> None:
    text = (
        "山海协作 即沿海地区与山区结对合作的机制。\n\n"
        "山海协作 即完全不同的另一段解释文字,讲的是别的事情。\n"
    )
    terms, report = parse_appendix(text, "t.txt")
    assert len(terms) == 1 and terms[0].definition_zh == "即沿海地区与山区结对合作的机制。"
    assert report.conflicts and "lines 1 and 3" in report.conflicts[0]


def test_text_without_entries_gives_nothing() -> None:
    terms, report = parse_appendix("坚持生态优先。深入践行绿水青山就是金山银山理念。\n", "t.txt")
    assert terms == [] and report.found == 0
