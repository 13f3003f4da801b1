"""Progress reports from the import path: cedict parsing, merging and saving, on the slice."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary import progress as progress_module
from glossary.importers.cedict import parse_cedict
from glossary.progress import counted
from glossary.termbase.merge import merge, merge_into_file

from .conftest import FIXTURES

SLICE = (FIXTURES / "cedict-slice.txt").read_bytes()
Report = tuple[str, int, int]


@pytest.fixture
def often(monkeypatch: pytest.MonkeyPatch) -> None:
    """Report every 50 items, so that the slice (a few hundred lines) gives several reports."""
    monkeypatch.setattr(progress_module, "EVERY", 50)


def stages(heard: list[Report]) -> list[str]:
    return list(dict.fromkeys(stage for stage, _, _ in heard))


def assert_sensible(heard: list[Report]) -> None:
    """Within each stage: one total, `done` strictly increasing, ending at the total."""
    for stage in stages(heard):
        reports = [(done, total) for name, done, total in heard if name == stage]
        (total,) = {total for _, total in reports}
        done = [done for done, _ in reports]
        assert done == sorted(set(done)), f"{stage}: {done}"
        assert done[0] >= 0 and done[-1] == total, f"{stage}: {done} of {total}"
    # stages come one after another, never interleaved
    assert [stage for stage, _, _ in heard] == sorted(
        (stage for stage, _, _ in heard), key=stages(heard).index
    )


def test_counted_reports_every_so_often_and_at_the_end(often: None) -> None:
    heard: list[Report] = []
    assert list(counted(range(120), 120, "x", lambda *r: heard.append(r))) == list(range(120))
    assert heard == [("x", 50, 120), ("x", 100, 120), ("x", 120, 120)]
    heard.clear()
    assert len(list(counted(range(100), 100, "y", lambda *r: heard.append(r)))) == 100
    assert heard == [("y", 50, 100), ("y", 100, 100)]  # the end is not told twice
    heard.clear()
    assert list(counted([], 0, "z", lambda *r: heard.append(r))) == []
    assert heard == [("z", 0, 0)]


def test_parse_cedict_reports_reading_then_converting(often: None) -> None:
    heard: list[Report] = []
    terms = parse_cedict(SLICE, "slice", lambda *r: heard.append(r))
    assert stages(heard) == ["reading", "converting"]
    assert_sensible(heard)
    lines = len(SLICE.decode().splitlines())
    assert heard[0] == ("reading", 50, lines)
    assert ("converting", len(terms), len(terms)) == heard[-1]
    assert len([r for r in heard if r[0] == "converting"]) == len(terms) // 50 + 1
    assert terms == parse_cedict(SLICE, "slice")  # reporting changes nothing


def test_merge_reports_merging(often: None) -> None:
    terms = parse_cedict(SLICE, "slice")
    heard: list[Report] = []
    result = merge(
        terms[:100], iter(terms), match_headword=False, progress=lambda *r: heard.append(r)
    )
    assert stages(heard) == ["merging"]
    assert_sensible(heard)
    assert [done for _, done, _ in heard] == [50, 100, 150, 200, len(terms)]
    assert (len(result.added), len(result.unchanged)) == (len(terms) - 100, 100)


def test_merge_into_file_reports_every_stage(tmp_path: Path, often: None) -> None:
    terms = parse_cedict(SLICE, "slice")
    into = tmp_path / "cedict.yaml"
    heard: list[Report] = []
    merge_into_file(into, terms[:100], progress=lambda *r: heard.append(r))
    assert stages(heard) == ["merging", "writing"]  # nothing to load yet
    assert_sensible(heard)
    heard.clear()
    merge_into_file(into, terms, progress=lambda *r: heard.append(r))
    assert stages(heard) == ["loading", "merging", "writing"]
    assert_sensible(heard)
    assert heard[:2] == [("loading", 0, 1), ("loading", 1, 1)]
    heard.clear()
    merge_into_file(into, terms, dry_run=True, progress=lambda *r: heard.append(r))
    assert stages(heard) == ["loading", "merging"]  # a dry run writes nothing
