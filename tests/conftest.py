from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.index.database import open_store
from glossary.index.store import Store
from glossary.model import Term
from glossary.termbase.load import load

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "terms.yaml"
SOURCE = REPO / "data" / "sources" / "deqing-2024-government-work-report.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


_SHARED: list[Path] = []  # jieba's dictionary file, once `_jieba_dictionary` has made it


@pytest.fixture(scope="session")
def _jieba_dictionary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """jieba's dictionary as SQLite, made once per test run (about 1.5 s of CPU)."""
    from glossary.index import jieba_words as jieba_dict

    folder = tmp_path_factory.mktemp("shared-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(folder))
        jieba_dict.open_dictionary()
    (made,) = folder.glob("jieba-dict-*.sqlite")
    _SHARED[:] = [made]
    return made


def new_cache(folder: Path) -> Path:
    """`folder`, made if missing, as a cache folder of its own (its own indexes) that shares
    jieba's dictionary file, which depends only on jieba: for a fixture or a process that
    wants a cache of its own without making that file again. Tests of the dictionary file
    itself use a bare folder."""
    (dictionary,) = _SHARED  # made by `_jieba_dictionary`, which every test uses (`_isolated`)
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / dictionary.name
    if not link.exists():
        link.symlink_to(dictionary)
    return folder


@pytest.fixture(autouse=True)
def _isolated(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    _jieba_dictionary: Path,
) -> None:
    """Each test gets its own cache folder (sharing jieba's dictionary file, which only depends
    on jieba) and no term base from the environment."""
    cache = new_cache(tmp_path_factory.mktemp("cache"))
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(cache))
    monkeypatch.delenv("GLOSSARY_TERMBASE", raising=False)
    monkeypatch.delenv("GLOSSARY_TERMINAL", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


GOLDEN = Path(__file__).resolve().parent / "golden"
TRICKY = FIXTURES / "tricky.yaml"


@pytest.fixture(scope="session")
def bundled_terms() -> tuple[Term, ...]:
    return load(BUNDLED).terms


@pytest.fixture(scope="session")
def tricky_terms() -> tuple[Term, ...]:
    return load(TRICKY).terms


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; GLOSSARY_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual


@pytest.fixture(scope="session")
def _warm_cache(tmp_path_factory: pytest.TempPathFactory, _jieba_dictionary: Path) -> Path:
    """A cache folder holding the bundled term base's index, built once per test run, for
    tests that start many processes on the bundled term base (the editor server's)."""
    from glossary.library import Glossary

    folder = tmp_path_factory.mktemp("warm-cache")
    (folder / _jieba_dictionary.name).symlink_to(_jieba_dictionary)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(folder))
        patch.delenv("GLOSSARY_TERMBASE", raising=False)
        Glossary().scanner  # noqa: B018 - builds the index
    return folder


@pytest.fixture
def warm_cache(monkeypatch: pytest.MonkeyPatch, _warm_cache: Path) -> Path:
    """Use the shared cache folder with the bundled term base's index ready."""
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(_warm_cache))
    return _warm_cache


def english_store(folder: Path, english: Sequence[str]) -> Store:
    """A fresh store (a new index in `folder`) of a dictionary whose i-th term has the English
    name `english[i]` and the headword 词 repeated i + 1 times (`ci2-i`)."""
    lines = ["kind: dictionary", "terms:"]
    for number, name in enumerate(english):
        lines += [f"- id: ci2-{number}", f"  headword: {'词' * (number + 1)}"]
        lines += [f"  pinyin: {' '.join(['cí'] * (number + 1))}", f"  en: {name}"]
    base = folder / "words.yaml"
    base.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GLOSSARY_CACHE_DIR", str(new_cache(folder / "cache")))
        return open_store([base])
