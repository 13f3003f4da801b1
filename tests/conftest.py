"""Shared fixtures: the bundled term base, a small tricky one, golden-file comparison."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary.model import Term
from glossary.termbase import bundled_path, load

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
TRICKY = FIXTURES / "tricky.yaml"


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GLOSSARY_TERMBASE", raising=False)
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def bundled_terms() -> tuple[Term, ...]:
    return load(bundled_path()).terms


@pytest.fixture(scope="session")
def tricky_terms() -> tuple[Term, ...]:
    return load(TRICKY).terms


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; GLOSSARY_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual
