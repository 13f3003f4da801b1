"""A cached index that cannot be read is discarded and rebuilt once, with a note; an unwritable
cache folder is said once; a killed build's temporary files are cleaned by a later one."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.text.fileio import STALE_SECONDS

from .conftest import BUNDLED

EOD = "eod\tEOD\tEOD\tEco-environment-Oriented Development\texact\t100\n"


def cache() -> Path:
    return Path(os.environ["GLOSSARY_CACHE_DIR"])


def built(runner: CliRunner) -> Path:
    assert runner.invoke(app, ["lookup", "EOD"]).exit_code == 0
    (database,) = cache().glob("store-*.sqlite")
    return database


def scribble_over(database: Path, tables: tuple[str, ...]) -> None:
    """Garbage over the root page of each of these tables, as a crash or a bad disk leaves."""
    db = sqlite3.connect(database)
    page = db.execute("PRAGMA page_size").fetchone()[0]
    roots = dict(db.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'table'"))
    db.close()
    with database.open("r+b") as handle:
        for table in tables:
            handle.seek((roots[table] - 1) * page)
            handle.write(b"\xde\xad" * (page // 2))


@pytest.mark.parametrize("tables", [("names", "grams", "terms"), ("terms",), ("meta",)])
def test_garbage_in_a_table_is_discarded_and_rebuilt_once(
    runner: CliRunner, tables: tuple[str, ...]
) -> None:
    database = built(runner)
    scribble_over(database, tables)
    first = runner.invoke(app, ["lookup", "EOD"])
    assert (first.exit_code, first.stdout) == (0, EOD)
    assert first.stderr == (
        f"note: the cached index {database} could not be read "
        "(database disk image is malformed); rebuilding it\n"
    )
    again = runner.invoke(app, ["lookup", "EOD"])
    assert (again.exit_code, again.stdout, again.stderr) == (0, EOD, "")


def _change_scan_tables(database: Path, change: str) -> None:
    db = sqlite3.connect(database)
    if change == "flip":  # a byte of the last section, the automaton
        value = bytearray(
            db.execute("SELECT value FROM meta WHERE key = 'scan_tables'").fetchone()[0]
        )
        value[-10] ^= 0xFF
        db.execute("UPDATE meta SET value = ? WHERE key = 'scan_tables'", (bytes(value),))
    else:
        db.execute("DELETE FROM meta WHERE key = 'scan_tables'")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("change", "reason"),
    [("flip", "scanner tables damaged"), ("delete", "the index holds no scanner tables")],
)
def test_damaged_scanner_tables_are_rebuilt_once(
    runner: CliRunner, tmp_path: Path, change: str, reason: str
) -> None:
    database = built(runner)
    draft = tmp_path / "draft.txt"
    draft.write_text("发展EOD模式", encoding="utf-8")
    expected = runner.invoke(app, ["annotate", str(draft), "--format", "jsonl"]).stdout
    assert '"id": "eod"' in expected
    _change_scan_tables(database, change)
    first = runner.invoke(app, ["annotate", str(draft), "--format", "jsonl"])
    assert (first.exit_code, first.stdout) == (0, expected)
    assert first.stderr == (
        f"note: the cached index {database} could not be read ({reason}); rebuilding it\n"
    )


def test_garbage_under_a_lookup_from_stdin_reruns_with_the_same_input(runner: CliRunner) -> None:
    scribble_over(built(runner), ("names", "grams", "terms"))
    result = runner.invoke(app, ["lookup", "-"], input="EOD\n")
    assert (result.exit_code, result.stdout) == (0, EOD)
    assert result.stderr.startswith("note: the cached index ")


def test_a_directory_where_the_database_should_be(runner: CliRunner) -> None:
    database = built(runner)
    database.unlink()
    (database / "inside").mkdir(parents=True)
    result = runner.invoke(app, ["show", "eod", "--json"])
    assert result.exit_code == 0 and '"id": "eod"' in result.stdout
    assert result.stderr == (
        f"note: the cached index {database} could not be read (a directory, not a database); "
        "rebuilding it\n"
    )
    assert database.is_file()


def test_an_unwritable_cache_folder_is_said_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    result = runner.invoke(app, ["lookup", "EOD"])
    assert (result.exit_code, result.stdout) == (0, EOD)
    assert result.stderr == (
        f"note: the cache folder {blocker / 'cache'} cannot be written (Not a directory); the "
        "index is built in memory for this run (set GLOSSARY_CACHE_DIR to a writable folder "
        "to keep it)\n"
    )


def test_a_killed_builds_temporary_files_are_removed_by_the_next_build(
    runner: CliRunner,
) -> None:
    cache().mkdir(parents=True, exist_ok=True)
    stale, fresh = cache() / ".store-abc-def.sqlite.x1.tmp", cache() / ".store-abc.sqlite.x2.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"half a database")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    built(runner)
    assert not stale.exists() and fresh.exists()


def test_the_built_database_is_synced_before_it_is_renamed(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(descriptor: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        real_fsync(descriptor)

    if not Path("/proc/self/fd").is_dir():
        pytest.skip("no /proc/self/fd to name a descriptor's file")
    monkeypatch.setattr(os, "fsync", recording_fsync)
    built(runner)
    assert any(Path(name).name.startswith(".store-") for name in synced)


def test_a_termbase_variable_that_names_nothing_is_an_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GLOSSARY_TERMBASE", ":::")
    result = runner.invoke(app, ["lookup", "EOD"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "error: GLOSSARY_TERMBASE=':::' names no term base (give paths separated by ':', "
        "or unset it for the bundled one)\n"
    )
    monkeypatch.setenv("GLOSSARY_TERMBASE", f"::{BUNDLED}:")
    assert runner.invoke(app, ["lookup", "EOD"]).exit_code == 0


def test_damaged_scanner_tables_under_an_annotate_from_stdin_are_rebuilt(
    runner: CliRunner,
) -> None:
    # a byte of the automaton flipped: its CRC refuses it; the index is rebuilt and the
    # command run again, with all of stdin (the tables are read before any of it)
    database = built(runner)
    text = "EOD模式 " * 3
    good = runner.invoke(app, ["annotate", "-", "-f", "jsonl"], input=text)
    db = sqlite3.connect(database)
    (tables,) = db.execute("SELECT value FROM meta WHERE key = 'scan_tables'").fetchone()
    damaged = tables[:-9] + bytes([tables[-9] ^ 1]) + tables[-8:]
    db.execute("UPDATE meta SET value = ? WHERE key = 'scan_tables'", (damaged,))
    db.commit()
    db.close()
    result = runner.invoke(app, ["annotate", "-", "-f", "jsonl"], input=text)
    assert (result.exit_code, result.stdout) == (0, good.stdout)
    assert good.stdout.count("EOD模式") == 3
    assert result.stderr == (
        f"note: the cached index {database} could not be read "
        "(scanner tables damaged); rebuilding it\n"
    )
