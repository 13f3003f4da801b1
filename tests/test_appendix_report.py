"""What `import appendix` says on stderr: skipped lines summarised by reason (listed with
--verbose), counts in the right number, the document's title called a title."""

from __future__ import annotations

from typer.testing import CliRunner

from glossary.cli import app
from glossary.importers.appendix import parse_appendix

from .conftest import FIXTURES, SOURCE


def test_skipped_lines_are_summarised_by_reason(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "appendix", str(SOURCE)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[4] == (
        "  skipped 37 lines: 27 report paragraphs, 5 section headings, 1 line of page "
        "furniture, 1 page header, 1 title, 1 line in parentheses, 1 stray fragment "
        "(--verbose lists them)"
    )
    assert not any(line.startswith("  skipped line ") for line in lines)
    assert len(lines) == 5


def test_verbose_lists_every_skipped_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "appendix", "--verbose", str(SOURCE)])
    listed = [line for line in result.stderr.splitlines() if line.startswith("  skipped line ")]
    assert len(listed) == 37
    assert listed[0] == (
        "  skipped line 3: a title (one short line without a definition), not an entry: "
        "政府工作报告"
    )
    assert listed[-1] == "  skipped line 121: a stray fragment, not an entry: 拥"


def test_one_reprint_is_singular(runner: CliRunner) -> None:
    result = runner.invoke(app, ["import", "appendix", str(FIXTURES / "appendix-second.txt")])
    assert "  merged 1 identical reprint\n" in result.stderr
    many = runner.invoke(app, ["import", "appendix", str(SOURCE)])
    assert "  merged 7 identical reprints\n" in many.stderr


def test_the_title_is_not_a_report_paragraph() -> None:
    _, report = parse_appendix(SOURCE.read_text(encoding="utf-8"), "report.txt")
    reasons = {skipped.line: skipped.reason for skipped in report.skipped}
    assert reasons[3].startswith("a title")
    assert reasons[5].startswith("a line in parentheses")
    assert reasons[9].startswith("a report paragraph")
