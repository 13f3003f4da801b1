"""The library API: glossary.open() without the CLI, giving what the CLI prints as JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import glossary
from glossary.cli import app

from .conftest import TRICKY


def test_lookup_gives_the_objects_lookup_json_prints(runner: CliRunner) -> None:
    g = glossary.open()
    best = g.lookup("EOD")[0].to_dict()
    assert best["headword"] == "EOD"
    printed = json.loads(runner.invoke(app, ["lookup", "EOD", "--json"]).stdout)
    assert [m.to_dict() for m in g.lookup("EOD")] == printed["results"]


def test_annotate_gives_occurrences_with_offsets() -> None:
    (found,) = glossary.open().annotate("推进艺术乡建")
    assert found.to_dict() == {
        "start": 2,
        "end": 6,
        "surface": "艺术乡建",
        "id": "yishuxiangjian",
        "headword": "艺术乡建",
        "en": "art-led rural revitalization",
        "line": 1,
    }


def test_annotate_matches_jsonl_output(runner: CliRunner) -> None:
    text = "推进艺术乡建和EOD模式\n三源治理"
    printed = runner.invoke(app, ["annotate", "-f", "jsonl"], input=text).stdout
    lines = [json.loads(line) for line in printed.splitlines()]
    assert [o.to_dict() for o in glossary.open().annotate(text)] == lines


def test_open_takes_one_path_or_several() -> None:
    assert glossary.open(TRICKY).paths == [TRICKY]
    assert glossary.open([TRICKY, str(TRICKY)]).paths == [TRICKY]
    assert glossary.open(TRICKY).terms_in("no terms here").occurrences == []
