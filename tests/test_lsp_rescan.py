"""The editor server's rescan after an edit finds exactly what a scan of the whole new text
finds (offsets, lines, surfaces, terms), whatever the edits: inside names, across line breaks
and quotes, several in one change, many before the next look, in short or very long lines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types

from glossary.lsp import occurrences, rescan
from glossary.lsp.occurrences import Occurrences
from glossary.lsp.positions import Edit, LineIndex, edited
from glossary.scan.document import scanner_for
from glossary.scan.scanner import Scanner

from .conftest import BUNDLED, FIXTURES, SOURCE, TRICKY
from .test_scan_stream import WORDS


@pytest.fixture(scope="module")
def scanner() -> Scanner:
    return scanner_for([BUNDLED, TRICKY])


@pytest.fixture(params=["lines", "long lines"])
def cuts(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut at line starts, or (every line being "long") inside lines; scan the least first and
    keep few pieces, so that the rescan's widening and the pieces' joining happen too."""
    if request.param == "long lines":
        monkeypatch.setattr(rescan, "LONG_LINE", 0)
    monkeypatch.setattr(rescan, "FIRST_REACH", 1)
    monkeypatch.setattr(occurrences, "MAX_PIECES", 3)


TEXT = st.lists(st.sampled_from(WORDS), max_size=60).map("".join)
EDIT = st.tuples(st.floats(0, 1), st.floats(0, 1), TEXT)


def replace(text: str, edit: tuple[float, float, str]) -> tuple[str, Edit]:
    """`text` with the span between two fractions of its length replaced."""
    first, second, inserted = edit
    start, end = sorted((int(first * len(text)), int(second * len(text))))
    lines = LineIndex(text)
    change = types.TextDocumentContentChangePartial(range=lines.range(start, end), text=inserted)
    return edited(text, [change], lines=lines)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=TEXT, edits=st.lists(st.lists(EDIT, min_size=1, max_size=3), min_size=1, max_size=4))
def test_a_rescan_after_random_edits_is_a_whole_scan(
    scanner: Scanner, cuts: None, text: str, edits: list[list[tuple[float, float, str]]]
) -> None:
    """Each inner list of edits happens before the server looks again (one rescan)."""
    found = Occurrences.scanned(scanner.scan(text))
    for together in edits:
        new, since = text, None
        for one in together:
            new, edit = replace(new, one)
            since = edit if since is None else since.then(*edit.spans)
        assert since is not None
        found, _ = rescan.rescan(scanner, found, text, new, since)
        assert found.listed() == scanner.scan(new)
        text = new


def test_typing_through_the_report_one_character_at_a_time(scanner: Scanner, cuts: None) -> None:
    """The source report (with its own terms), typed in again character by character in the
    middle of itself, and then the characters deleted one by one."""
    report = SOURCE.read_text(encoding="utf-8")
    middle = report.index("艺术乡建") - 40
    typed = report[middle : middle + 120]
    text = report
    found = Occurrences.scanned(scanner.scan(text))
    steps = [(middle + i, middle + i, char) for i, char in enumerate(typed)]
    steps += [(middle + i - 1, middle + i, "") for i in range(len(typed), 0, -1)]
    for start, end, char in steps:
        new = text[:start] + char + text[end:]
        found, _ = rescan.rescan(scanner, found, text, new, Edit(start, end, start + len(char)))
        text = new
        assert found.listed() == scanner.scan(text)
    assert text == report


def test_whole_text_changes_compose_with_ranged_ones() -> None:
    text, first = edited("abc\ndef", [types.TextDocumentContentChangeWholeDocument(text="xy")])
    assert (text, first) == ("xy", Edit(0, 7, 2))
    change = types.TextDocumentContentChangePartial(
        range=types.Range(types.Position(0, 1), types.Position(0, 1)), text="!"
    )
    text, second = edited(text, [change])
    assert (text, first.then(*second.spans)) == ("x!y", Edit(0, 7, 3))
    assert edited("abc", []) == ("abc", Edit(0, 0, 0))


def test_the_check_of_an_edited_document_takes_the_rescanned_terms() -> None:
    """A scanner that knows a text's terms gives them for that text (the check's findings are
    those of a scan), and scans any other text."""
    from glossary.check.checker import check_text
    from glossary.index.database import open_store

    termbase = [FIXTURES / "check" / "termbase.yaml"]
    store, scanner = open_store(termbase), scanner_for(termbase)
    text = "推进项目六比率考核。\nWe count six project ratios.\n" * 50
    found = Occurrences.scanned(scanner.scan(text))
    start = text.index("考核", 500)
    new = text[:start] + "，项目六比率" + text[start:]
    found, _ = rescan.rescan(scanner, found, text, new, Edit(start, start, start + 6))
    known = rescan.Known(scanner, new, found)
    assert known.scan(new) == scanner.scan(new)
    assert known.scan(text) == scanner.scan(text)
    findings = check_text(store, known, new, "draft.txt")
    assert len(findings) == 101
    assert findings == check_text(store, scanner, new, "draft.txt")
