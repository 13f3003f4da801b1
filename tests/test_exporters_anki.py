"""The Anki package, imported by the real Anki client into a fresh collection."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition, ImportCsvRequest

from glossary.exporters import anki
from glossary.exporters.delimited import export as export_delimited
from glossary.model import Term

IF_NEWER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    col = Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_package(col: Collection, path: Path) -> Any:
    options = ImportAnkiPackageOptions(update_notes=IF_NEWER, update_notetypes=IF_NEWER)
    return col.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=options)
    )


def write_package(
    tmp_path: Path, terms: Sequence[Term], name: str = "g.apkg", **kwargs: Any
) -> Path:
    path = tmp_path / name
    path.write_bytes(anki.package(terms, **kwargs))
    return path


def notes_by_guid(col: Collection) -> dict[str, Any]:
    return {col.get_note(nid).guid: col.get_note(nid) for nid in col.find_notes("")}


def test_bundled_term_base_gives_15_notes_and_30_cards(
    collection: Collection, tmp_path: Path, bundled_terms: tuple[Term, ...]
) -> None:
    import_package(collection, write_package(tmp_path, bundled_terms))
    assert collection.note_count() == 15
    assert collection.card_count() == 30
    assert "Glossary" in [deck.name for deck in collection.decks.all_names_and_ids()]


def test_fields_are_shown_as_typed(
    collection: Collection, tmp_path: Path, tricky_terms: tuple[Term, ...]
) -> None:
    import_package(collection, write_package(tmp_path, tricky_terms))
    note = notes_by_guid(collection)[anki.note_guid("yishu-xiangjian")]
    assert note["Headword"] == "艺术乡建"
    assert note["Pinyin"] == "yìshù xiāngjiàn"
    assert note["Definition (zh)"] == "即以艺术介入乡村建设（&lt;试点&gt;）。"
    assert note["Definition (en)"] == (
        "Rural building led by art, where &lt;b&gt;tags&lt;/b&gt; &amp; ampersands show as typed."
    )
    assert note["Aliases"] == "艺术乡村建设; art &amp; village building"
    assert note["Source"] == "report.txt, line 12"
    assert sorted(note.tags) == ["culture", "rural_policy"]
    card = note.cards()[0]
    assert "&lt;b&gt;tags&lt;/b&gt;" in card.answer()
    assert "<b>tags</b>" not in card.answer()


def test_pinyin_cards_on_request(
    collection: Collection, tmp_path: Path, bundled_terms: tuple[Term, ...]
) -> None:
    path = write_package(tmp_path, bundled_terms, cards=("zh-en", "en-zh", "pinyin"))
    import_package(collection, path)
    assert collection.card_count() == 45
    templates = {
        card.template()["name"]
        for card in collection.get_note(collection.find_notes("")[0]).cards()
    }
    assert templates == {"Chinese → English", "English → Chinese", "Pinyin → Hanzi"}


def test_edited_reexport_updates_notes_in_place(
    collection: Collection, tmp_path: Path, bundled_terms: tuple[Term, ...]
) -> None:
    first = write_package(tmp_path, bundled_terms, "first.apkg", timestamp=time.time() - 60)
    import_package(collection, first)
    ids_before = sorted(collection.find_notes(""))
    edited = [bundled_terms[0].with_changes(en="Three Number-One Projects"), *bundled_terms[1:]]
    import_package(collection, write_package(tmp_path, edited, "second.apkg"))
    assert collection.note_count() == 15
    assert collection.card_count() == 30
    assert sorted(collection.find_notes("")) == ids_before
    note = notes_by_guid(collection)[anki.note_guid(bundled_terms[0].id)]
    assert note["English"] == "Three Number-One Projects"


def test_identities_are_fixed() -> None:
    assert anki.deck_id("Glossary") == anki.deck_id("Glossary")
    assert anki.deck_id("Glossary") != anki.deck_id("Other deck")
    assert anki.note_guid("eod") == anki.note_guid("eod") != anki.note_guid("eod-2")
    assert anki._model().model_id == anki.MODEL_ID


def test_csv_for_anki_updates_the_same_notes(
    collection: Collection, tmp_path: Path, bundled_terms: tuple[Term, ...]
) -> None:
    import_package(collection, write_package(tmp_path, bundled_terms))
    edited = [bundled_terms[0].with_changes(en="A & B <edited>"), *bundled_terms[1:]]
    path = tmp_path / "g.csv"
    path.write_text(export_delimited(edited, ",", anki_deck="Glossary"), encoding="utf-8")
    metadata = collection.get_csv_metadata(str(path), None)
    log = collection.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 14)
    assert collection.note_count() == 15
    note = notes_by_guid(collection)[anki.note_guid(bundled_terms[0].id)]
    assert note["English"] == "A &amp; B &lt;edited&gt;"


CAVEAT = Term(
    id="earth-field",
    headword="地球磁场",
    pinyin="dìqiú cíchǎng",
    en='Earth\'s "magnetic" field',
    note="Translator's caveat: <check> the official name & usage.",
)


def test_the_note_reaches_the_card_and_quotes_stay_quotes(
    collection: Collection, tmp_path: Path
) -> None:
    import_package(collection, write_package(tmp_path, [CAVEAT]))
    note = notes_by_guid(collection)[anki.note_guid("earth-field")]
    assert note["English"] == 'Earth\'s "magnetic" field'
    assert note["Note"] == "Translator's caveat: &lt;check&gt; the official name &amp; usage."
    assert "Translator's caveat: &lt;check&gt;" in note.cards()[0].answer()
    assert len(collection.find_notes("Earth's")) == 1


def test_csv_for_anki_stores_the_fields_as_the_package_does(
    collection: Collection, tmp_path: Path
) -> None:
    import_package(collection, write_package(tmp_path, [CAVEAT], timestamp=time.time() - 60))
    before = dict(notes_by_guid(collection)[anki.note_guid("earth-field")].items())
    path = tmp_path / "g.csv"
    path.write_text(export_delimited([CAVEAT], ",", anki_deck="Glossary"), encoding="utf-8")
    metadata = collection.get_csv_metadata(str(path), None)
    collection.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
    assert dict(notes_by_guid(collection)[anki.note_guid("earth-field")].items()) == before


def test_a_fresh_profile_has_no_glossary_note_type_so_the_cli_says_so(
    collection: Collection, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from glossary.cli import app

    path = tmp_path / "g.csv"
    path.write_text(export_delimited([CAVEAT], ",", anki_deck="Glossary"), encoding="utf-8")
    metadata = collection.get_csv_metadata(str(path), None)
    chosen = collection.models.get(metadata.global_notetype.id)
    assert chosen is not None and chosen["name"] != anki.MODEL_NAME  # Anki falls back
    result = CliRunner().invoke(app, ["export", "csv", "--anki", "-o", str(path)])
    assert result.exit_code == 0
    hint = (
        "note: Anki's text import cannot create the note type 'Glossary term (glossary CLI)': "
        "import a package from 'glossary export anki' once first"
    )
    assert [line for line in result.stderr.splitlines() if line.startswith(hint)]
