"""Every format in a registry (export, import, annotate) has a golden file, and what the
registry entry produces is what that file holds. A new format that forgets its golden file
fails here. Regenerate with GLOSSARY_UPDATE_GOLDEN=1 and review the diff."""

from __future__ import annotations

import os
import sqlite3
import zipfile
from pathlib import Path

import pytest

from glossary.exporters import EXPORTS, ExportFormat, ExportOptions
from glossary.importers import IMPORTS, ImportFormat
from glossary.model import Term
from glossary.render import annotate as formats
from glossary.termbase.save import dump

from .conftest import FIXTURES, GOLDEN
from .test_render_annotate import SAMPLE, bundled, bundled_terms

EXPORT_GOLDEN = {
    "anki": "tricky.anki.txt",  # the package's notes as text: the package itself has timestamps
    "tbx": "tricky.tbx",
    "csv": "tricky.csv",
    "tsv": "tricky.tsv",
    "json": "tricky.json",
    "markdown": "tricky.md",
}
IMPORT_SAMPLES = {
    "appendix": FIXTURES / "appendix-second.txt",
    "csv": GOLDEN / "tricky.csv",
    "tsv": GOLDEN / "tricky.tsv",
    "tbx": GOLDEN / "tricky.tbx",
    "cedict": FIXTURES / "cedict-slice.txt",
}
ANNOTATE_GOLDEN = {
    "inline": "sample.inline.txt",
    "markdown": "sample.md",
    "html": "sample.html",
    "jsonl": "sample.jsonl",
    "terms": "sample.terms.tsv",
}


def check_golden(path: Path, actual: str) -> None:
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN") == "1":
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"{path.name}: no golden file (run with GLOSSARY_UPDATE_GOLDEN=1)"
    assert actual == path.read_bytes().decode("utf-8")


def anki_notes(package: bytes, tmp_path: Path) -> str:
    """The notes of an .apkg, one line each: GUID, tags, fields (what a user's cards show)."""
    archive = tmp_path / "package.apkg"
    archive.write_bytes(package)
    with zipfile.ZipFile(archive) as zipped:
        zipped.extract("collection.anki2", tmp_path)
    db = sqlite3.connect(tmp_path / "collection.anki2")
    rows = db.execute("SELECT guid, tags, flds FROM notes ORDER BY guid").fetchall()
    db.close()
    return "".join(
        f"{guid}\t{tags.strip()}\t{fields.replace(chr(31), ' | ')}\n" for guid, tags, fields in rows
    )


@pytest.mark.parametrize("format", EXPORTS, ids=lambda format: format.name)
def test_every_export_format_matches_its_golden_file(
    format: ExportFormat, tricky_terms: tuple[Term, ...], tmp_path: Path
) -> None:
    assert format.name in EXPORT_GOLDEN, f"export format {format.name!r} has no golden file"
    data = format.write(tricky_terms, ExportOptions())
    text = anki_notes(data, tmp_path) if isinstance(data, bytes) else data
    check_golden(GOLDEN / EXPORT_GOLDEN[format.name], text)


@pytest.mark.parametrize("format", IMPORTS, ids=lambda format: format.name)
def test_every_import_format_matches_its_golden_file(format: ImportFormat) -> None:
    assert format.name in IMPORT_SAMPLES, f"import format {format.name!r} has no sample input"
    sample = IMPORT_SAMPLES[format.name]
    imported = format.read(sample.read_bytes(), sample.name, None)
    check_golden(GOLDEN / "import" / f"{format.name}.yaml", dump(imported.terms, format.rules.kind))


@pytest.mark.parametrize("format", formats.FORMATS, ids=lambda format: format.name)
def test_every_annotate_format_matches_its_golden_file(format: formats.AnnotateFormat) -> None:
    assert format.name in ANNOTATE_GOLDEN, f"annotate format {format.name!r} has no golden file"
    page = formats.Page(SAMPLE, bundled().scan(SAMPLE), bundled_terms(), title="sample.txt")
    check_golden(GOLDEN / "annotate" / ANNOTATE_GOLDEN[format.name], format.render(page))
