"""Loading, validating and saving term bases."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.errors import FileAccessError, InputError, TermBaseError
from glossary.model import Term
from glossary.termbase.load import load, validate
from glossary.termbase.save import HEADER, dump, dump_chunks, save

from .conftest import BUNDLED, TRICKY

GOOD = """version: 1
terms:
- id: eod
  headword: EOD
  pinyin: EOD
  en: Eco-environment-Oriented Development
"""


def write(tmp_path: Path, text: str | bytes, name: str = "tb.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_bundled_term_base_is_clean() -> None:
    assert validate(BUNDLED) == []
    assert len(load(BUNDLED).terms) == 15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms:\n- id: a\n  headword: [oops\n", "malformed YAML"),
        (GOOD + "- id: eod\n  headword: X\n  pinyin: x\n  en: x\n",
         "tb.yaml:7: term 'eod': id: duplicate id (first used at line 3)"),
        ("terms:\n- id: x\n  headword: 艺术乡建\n  en: art\n",
         "tb.yaml:2: term 'x': pinyin: missing: this field is required"),
        ("terms:\n- headword: 艺术乡建\n  pinyin: yìshù\n  en: art\n",
         "tb.yaml:2: id: missing: this field is required"),
        (GOOD.replace("pinyin: EOD", "pinyin: yi4shu4"), "term 'eod': pinyin: tone numbers"),
        (GOOD + "  status: finished\n", "term 'eod': status: 'finished' is not one of"),
        (GOOD + "  aliases: EOD模式\n", "term 'eod': aliases: expected a list"),
        (GOOD + "  colour: red\n", "term 'eod': colour: unknown field"),
        (GOOD.replace("id: eod", "id: EOD Mode"), "term 'EOD Mode': id: use lowercase"),
        (GOOD + "  source:\n    line: 3\n", "term 'eod': source: expected a mapping"),
        ("- just a list\n", "tb.yaml:1: expected a mapping with 'terms'"),
        ("", "tb.yaml:1: empty file"),
    ],
)  # fmt: skip
def test_validate_names_file_line_term_field_and_problem(
    tmp_path: Path, text: str, expected: str
) -> None:
    problems = [str(p) for p in validate(write(tmp_path, text))]
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(str(tmp_path / "tb.yaml") + ":") for p in problems)


def test_load_raises_first_problem_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "  status: nope\n  colour: red\n")
    with pytest.raises(TermBaseError) as caught:
        load(path)
    assert "\n" not in caught.value.message
    assert "and 1 more" in caught.value.message


def test_not_utf8_and_binary_and_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not valid UTF-8"):
        load(write(tmp_path, GOOD.encode("utf-8") + "  note: 中文\n".encode("gb18030")))
    with pytest.raises(InputError, match="binary"):
        load(write(tmp_path, b"\x00\x01\x02terms"))
    with pytest.raises(FileAccessError, match="no such file"):
        load(tmp_path / "missing.yaml")


def test_yaml_is_read_with_the_safe_loader(tmp_path: Path) -> None:
    path = write(tmp_path, "terms: !!python/object/apply:os.system ['echo hacked']\n")
    assert validate(path)  # refused, not executed
    with pytest.raises(TermBaseError):
        load(path)


def test_save_round_trips_and_is_deterministic(tmp_path: Path) -> None:
    terms = load(BUNDLED).terms
    path = tmp_path / "copy.yaml"
    save(path, terms)
    assert load(path).terms == terms
    assert path.read_text(encoding="utf-8") == dump(terms)
    assert dump(terms) == BUNDLED.read_text(encoding="utf-8")


def test_failed_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, GOOD)
    import glossary.text.fileio as fileio

    def broken_replace(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", broken_replace)
    term = Term(id="x", headword="X", pinyin="x", en="x")
    with pytest.raises(FileAccessError, match="No space left"):
        save(path, [term])
    assert path.read_text() == GOOD
    assert [p.name for p in tmp_path.iterdir()] == ["tb.yaml"]  # no temp file left behind


def test_kind_defaults_to_glossary_and_round_trips(tmp_path: Path) -> None:
    assert load(write(tmp_path, GOOD)).kind == "glossary"
    dictionary = load(write(tmp_path, GOOD.replace("terms:", "kind: dictionary\nterms:")))
    assert dictionary.kind == "dictionary"
    path = tmp_path / "saved.yaml"
    save(path, dictionary.terms, "dictionary")
    assert "kind: dictionary\n" in path.read_text(encoding="utf-8")
    assert load(path).kind == "dictionary"
    assert "kind:" not in dump(dictionary.terms)


def test_unknown_kind_is_a_located_problem(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("terms:", "kind: thesaurus\nterms:"))
    assert [str(p) for p in validate(path)] == [
        f"{path}:2: kind: expected one of: glossary, dictionary"
    ]


def whole_dump(terms: list[Term], kind: str = "glossary") -> str:
    """The term base dumped as one document, as `dump` did before it wrote in pieces."""
    import yaml

    document: dict[str, object] = {"version": 1}
    if kind != "glossary":
        document["kind"] = kind
    document["terms"] = [term.to_dict() for term in terms]
    body = yaml.dump(
        document, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=100_000
    )
    return HEADER + body


AWKWARD = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=4)
    | st.sampled_from(["\n", "\n\n", " ", "...", "---", "#", "- ", ": ", "'", '"']),
    max_size=5,
).map("".join)
"""Text that pushes YAML into quoting, line breaks and document markers."""


@settings(max_examples=150, deadline=None)
@given(
    notes=st.lists(AWKWARD, min_size=1, max_size=5),
    chunk=st.integers(min_value=1, max_value=3),
    kind=st.sampled_from(["glossary", "dictionary"]),
)
def test_dump_in_pieces_reads_the_same_as_dump_whole(
    notes: list[str], chunk: int, kind: str
) -> None:
    terms = [
        Term(
            id=f"t{n}", headword="词", pinyin="cí", en=note, note=note, aliases=(note,) * bool(note)
        )
        for n, note in enumerate(notes)
    ]
    assert "".join(dump_chunks(terms, kind, chunk=chunk)) == whole_dump(terms, kind)


def test_dump_of_no_terms_and_of_the_tricky_fixture() -> None:
    assert dump([]) == whole_dump([])
    assert dump([], "dictionary") == whole_dump([], "dictionary")
    tricky = list(load(TRICKY).terms)
    assert "".join(dump_chunks(tricky, chunk=1)) == whole_dump(tricky)


def test_save_reports_writing_progress(tmp_path: Path) -> None:
    terms = list(load(BUNDLED).terms)
    heard: list[tuple[str, int, int]] = []
    save(tmp_path / "tb.yaml", terms, progress=lambda *report: heard.append(report))
    assert heard == [("writing", len(terms), len(terms))]  # fewer terms than one piece
    heard.clear()
    "".join(dump_chunks(terms, progress=lambda *report: heard.append(report), chunk=4))
    assert [done for _, done, _ in heard] == [4, 8, 12, len(terms)]
