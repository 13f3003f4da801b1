"""The reading tables built by a forked worker (glossary.index.build_worker): the index holds
exactly what a build in one process stores (rows, tables and indexes), the worker's file is
removed, and a worker that fails leaves the part to the building process without a
traceback."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from glossary.index import build_worker
from glossary.index.build import build
from glossary.progress import Progress
from glossary.termbase.load import load

from .conftest import BUNDLED

DICTIONARY = (
    "kind: dictionary\nterms:\n"
    "- id: eod\n  headword: EOD\n  pinyin: EOD\n  en: end of day\n"
    "- id: wsgz\n  headword: 五水共治\n  pinyin: wǔ shuǐ gòng zhì\n  en: Five Water Treatments\n"
    "- id: hao\n  headword: 嗥\n  pinyin: háo\n  en: variant of 嚎[hao2]\n"
)


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted (rows within one entry follow Python's set order)."""
    db = sqlite3.connect(path)
    names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = {name: sorted(db.execute(f"SELECT * FROM {name}"), key=repr) for name in names}
    db.close()
    return found


def schema(path: Path) -> list[tuple[str, str, str]]:
    """Every table and index: type, name and the SQL that made it."""
    db = sqlite3.connect(path)
    found = sorted(db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql NOT NULL"))
    db.close()
    return found


def built(folder: Path, dictionary: Path) -> Path:
    folder.mkdir()
    path = folder / "index.sqlite"
    db = sqlite3.connect(path)
    build(db, "key", [load(BUNDLED), load(dictionary)], lambda *_: None)
    db.close()
    return path


@pytest.fixture
def dictionary(tmp_path: Path) -> Path:
    path = tmp_path / "dictionary.yaml"
    path.write_text(DICTIONARY, encoding="utf-8")
    return path


def test_a_forked_build_stores_what_one_process_stores(
    tmp_path: Path, dictionary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = built(tmp_path / "alone", dictionary)
    monkeypatch.setattr(build_worker, "FORK_MIN", 0)
    forked = built(tmp_path / "forked", dictionary)
    assert tables(forked) == tables(alone)
    assert schema(forked) == schema(alone)
    db = sqlite3.connect(forked)  # the copied index entries are those of the copied rows
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
    assert tables(forked)["readings"]  # the worker's tables are there, not only empty in both
    assert sorted(os.listdir(tmp_path / "forked")) == ["index.sqlite"]  # its file is removed


def test_a_failing_worker_leaves_the_part_to_the_builder(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    builder = os.getpid()

    def work(db: sqlite3.Connection, _progress: Progress) -> str:
        if os.getpid() != builder:
            raise RuntimeError("the worker fails")
        db.execute("INSERT INTO part_rows VALUES ('built here')")
        return "done"

    db = sqlite3.connect(tmp_path / "index.sqlite")
    schema = "CREATE TABLE part_rows(value TEXT NOT NULL);"
    db.executescript("PRAGMA journal_mode = OFF;" + schema)  # as a build does
    part = build_worker.start_part(db, schema, ["part_rows"], work, build_worker.FORK_MIN)
    assert part.finish() == "done"
    assert db.execute("SELECT value FROM part_rows").fetchall() == [("built here",)]
    assert capfd.readouterr().err == ""
    assert sorted(os.listdir(tmp_path)) == ["index.sqlite"]
