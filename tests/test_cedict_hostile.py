"""CC-CEDICT import against what can go wrong: a gzip bomb, and a dictionary about to be mixed
into a glossary."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from glossary.cli import app
from glossary.importers import cedict
from glossary.importers.cedict import parse_cedict
from glossary.termbase.load import load

from .conftest import BUNDLED, FIXTURES

SLICE = FIXTURES / "cedict-slice.txt"


def gzip_of_zeros(megabytes: int) -> bytes:
    """A gzip member of `megabytes` MB of zeros, compressed a megabyte at a time."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(2**20)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def test_a_gzip_bomb_is_refused_after_the_cap(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cedict.MAX_DECOMPRESSED == 128 * 2**20
    monkeypatch.setattr(cedict, "MAX_DECOMPRESSED", 4 * 2**20)  # the same code, sooner
    path = tmp_path / "bomb.u8.gz"
    path.write_bytes(gzip_of_zeros(5))
    assert path.stat().st_size < 10_000
    result = runner.invoke(app, ["import", "cedict", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {path}: refused: it decompresses to more than 4 MB "
        "(all of CC-CEDICT is about 10 MB): not a CC-CEDICT file\n"
    )


def test_a_real_gzip_still_imports() -> None:
    data = gzip.compress(SLICE.read_bytes())
    assert parse_cedict(data, "slice.gz") == parse_cedict(SLICE.read_bytes(), "slice.gz")


def test_into_an_existing_glossary_is_refused_without_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    glossary = tmp_path / "terms.yaml"
    glossary.write_bytes(BUNDLED.read_bytes())
    result = runner.invoke(app, ["import", "cedict", str(SLICE), "--into", str(glossary)])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"error: {glossary}: this term base is a glossary, and these terms make a dictionary, "
        "which annotate matches differently: merge into a new file, or pass --force"
    )
    assert glossary.read_bytes() == BUNDLED.read_bytes()
    forced = ["import", "cedict", str(SLICE), "--into", str(glossary), "--force"]
    assert runner.invoke(app, forced).exit_code == 0
    assert len(load(glossary).terms) == 15 + 243
    assert load(glossary).kind == "glossary"


def test_into_an_existing_dictionary_needs_no_force(runner: CliRunner, tmp_path: Path) -> None:
    into = tmp_path / "cedict.yaml"
    args = ["import", "cedict", str(SLICE), "--into", str(into)]
    assert runner.invoke(app, args).exit_code == 0
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and "243 unchanged" in again.stderr
