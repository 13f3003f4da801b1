from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "data" / "terms.yaml"
SOURCE = REPO / "data" / "sources" / "deqing-2024-government-work-report.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test gets its own cache folder and no term base from the environment."""
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("GLOSSARY_TERMBASE", raising=False)
    monkeypatch.delenv("GLOSSARY_TERMINAL", raising=False)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
