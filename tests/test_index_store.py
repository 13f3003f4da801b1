"""The index store: built once, atomically; stale, corrupt or unwritable caches; the stat fast
path; the API others build on."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.index import cache
from glossary.index.database import open_store
from glossary.index.scan_tables import build_tables
from glossary.search.ranking import search
from glossary.termbase.load import load
from glossary.text.folding import fold, fold_table

from .conftest import BUNDLED

OTHER = (
    "kind: dictionary\nterms:\n"
    "- id: eod\n  headword: EOD\n  pinyin: EOD\n  en: end of day\n"
    "- id: wsgz\n  headword: 五水共治\n  pinyin: wǔ shuǐ gòng zhì\n  en: Five Water Treatments\n"
)


def databases() -> list[Path]:
    return sorted(cache.cache_dir().glob("store-*.sqlite"))


def stages(paths: list[Path]) -> list[str]:
    seen: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        assert 0 <= done <= total
        if not seen or seen[-1] != stage:
            seen.append(stage)

    open_store(paths, progress)
    return seen


def test_built_once_with_progress_then_read(tmp_path: Path) -> None:
    assert stages([BUNDLED]) == ["reading term bases", "names", "full text", "writing"]
    assert len(databases()) == 1
    assert not [p for p in cache.cache_dir().iterdir() if p.suffix == ".tmp"]
    assert stages([BUNDLED]) == []  # ready: nothing built


def test_store_api(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(OTHER, encoding="utf-8")
    store = open_store([BUNDLED, other])
    bases = [load(BUNDLED), load(other)]
    assert store.termbases == ["terms", "other"]
    assert store.kinds == ["glossary", "dictionary"]
    assert len(store) == len(bases[0].terms) + 2
    assert store.term(len(store) - 1).id == "wsgz"
    assert [store.termbase_of(n) for n in (0, len(store) - 1)] == [0, 1]
    found = store.terms_by_id(["eod", "wsgz", "nosuch"])
    assert found["eod"].en == "Eco-environment-Oriented Development"  # the earlier base wins
    assert found["wsgz"].headword == "五水共治" and "nosuch" not in found
    assert store.scan_tables() == build_tables(bases)


def test_corrupt_or_stale_database_is_rebuilt() -> None:
    open_store([BUNDLED])
    (database,) = databases()
    database.write_bytes(b"not a database" * 100)
    assert stages([BUNDLED])[0] == "reading term bases"
    assert search(open_store([BUNDLED]), "EOD").matches[0].term.id == "eod"
    with sqlite3.connect(database) as db:
        db.execute("UPDATE meta SET value = '\"other\"' WHERE key = 'key'")
    db.close()
    assert stages([BUNDLED])[0] == "reading term bases"
    assert stages([BUNDLED]) == []


def test_unwritable_cache_folder_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    assert search(open_store([BUNDLED]), "ysxj").matches[0].term.id == "yishuxiangjian"


def test_an_edit_is_noticed_and_replaces_the_old_database(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(OTHER, encoding="utf-8")
    assert search(open_store([mine]), "wsgz").matches[0].term.id == "wsgz"
    mine.write_text(OTHER.replace("Five Water", "Five Waters"), encoding="utf-8")
    assert search(open_store([mine]), "wsgz").matches[0].term.en == "Five Waters Treatments"
    assert len(databases()) == 1  # the earlier content's database is gone


def test_stat_fast_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "SETTLE_NS", 0)
    mine = tmp_path / "mine.yaml"
    mine.write_text(OTHER, encoding="utf-8")
    (digest,) = cache.file_digests([mine])
    remembered = json.loads((cache.cache_dir() / cache.DIGESTS).read_text(encoding="utf-8"))
    stamp = remembered[str(mine.resolve())]
    assert stamp[-1] == digest
    # with the stat unchanged, the remembered digest is trusted: the file is not read
    remembered[str(mine.resolve())] = [*stamp[:-1], "f" * 64]
    cache.store(cache.cache_dir() / cache.DIGESTS, remembered)
    assert cache.file_digests([mine]) == ["f" * 64]
    # an edit of the same size, mtime put back, still changes ctime: hashed again
    info = mine.stat()
    mine.write_text(OTHER.replace("EOD", "EOE"), encoding="utf-8")
    os.utime(mine, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert mine.stat().st_size == info.st_size
    (edited,) = cache.file_digests([mine])
    assert edited not in (digest, "f" * 64)


def test_concurrent_builders(tmp_path: Path) -> None:
    code = (
        "from pathlib import Path; from glossary.index.database import open_store; "
        f"print(len(open_store([Path({str(BUNDLED)!r})])))"
    )
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(cache.cache_dir())}
    runs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [run.communicate()[0] for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert len(set(outputs)) == 1 and int(outputs[0]) == len(load(BUNDLED).terms)
    assert len(databases()) == 1
    assert not [p for p in cache.cache_dir().iterdir() if p.suffix == ".tmp"]


@given(st.text(alphabet=st.sampled_from("AbZ ＥＯＤ　藝術鄉建艺术é\u3000x1")))
def test_fold_table_folds_as_fold_does(text: str) -> None:
    traditional = {"藝": "艺", "術": "术", "鄉": "乡"}
    assert text.translate(fold_table(traditional)) == fold(text, traditional)


def test_find_by_exact_id_or_headword_first_base_first(tmp_path: Path) -> None:
    second = tmp_path / "second.yaml"
    second.write_text(
        "version: 1\nterms:\n"
        "- id: eod\n  headword: 另一个\n  pinyin: lìng yí gè\n"
        "- id: other\n  headword: 艺术乡建\n  pinyin: yìshù xiāngjiàn\n"
        "- id: only-here\n  headword: 独有\n  pinyin: dúyǒu\n",
        encoding="utf-8",
    )
    store = open_store([BUNDLED, second])
    assert store.find("eod") is not None and store.find("eod")[1] == "terms"  # type: ignore[index]
    found = store.find("艺术乡建")
    assert found is not None and found[0].id == "yishuxiangjian" and found[1] == "terms"
    only = store.find("独有")
    assert only is not None and only[0].id == "only-here" and only[1] == "second"
    assert store.find("EOD") is not None  # the bundled headword is EOD
    assert store.find("藝術鄉建") is None  # exact: lookup is the forgiving command
    assert store.find("nothing-like-this") is None
