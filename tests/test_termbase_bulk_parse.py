"""Parsing a large term base in pieces gives exactly what parsing it whole gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.errors import TermBaseError
from glossary.model import Term, term_from_dict
from glossary.termbase import bulk_parse
from glossary.termbase import load as termbase
from glossary.termbase.save import dump

from .conftest import BUNDLED


def pieces_of(text: str) -> list[bulk_parse.Piece]:
    split = bulk_parse.split(text, min_size=0, piece_items=4)
    assert split is not None
    return split[1]


def test_pieces_parse_to_the_whole_file_items_and_lines() -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    whole, _ = termbase._parse_whole(text, "terms.yaml")
    pieces = pieces_of(text)
    assert len(pieces) == 4  # 15 terms, 4 a piece
    assert bulk_parse.parse_items(pieces) == (whole.raws, whole.lines)


def test_a_generated_dictionary_parses_in_worker_processes(tmp_path: Path) -> None:
    terms = [
        Term(id=f"t{n}", headword=f"词{n}", pinyin="cí", en=f"word {n}: yes, no, 1.5, ~")
        for n in range(1_200)
    ]
    text = dump(terms, "dictionary")
    split = bulk_parse.split(text, min_size=0, piece_items=400)
    assert split is not None and len(split[1]) == 3  # more pieces than workers wait in turn
    whole, _ = termbase._parse_whole(text, "big.yaml")
    assert bulk_parse.parse_items(split[1]) == (whole.raws, whole.lines)
    assert whole.kind == "dictionary"


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\nterms:\n- id: a\n  headword: A\n  pinyin: A\n# a comment at column 0\n",
        "terms:\n- id: a\n  headword: A\n  pinyin: A\nversion: 1\n",  # a key after the terms
        "terms:\n  - id: a\n    headword: A\n    pinyin: A\n",  # items indented
        "terms: []\n",
    ],
)
def test_other_shapes_are_left_to_the_whole_file_parse(text: str) -> None:
    assert bulk_parse.split(text, min_size=0) is None


def test_a_piece_that_does_not_parse_falls_back_to_the_whole_file_error() -> None:
    good = "- id: a{n}\n  headword: A\n  pinyin: A\n"
    items = "".join(good.format(n=n) for n in range(9)) + "- id: bad\n  headword: [unclosed\n"
    text = "version: 1\nterms:\n" + items
    assert bulk_parse.parse_items(pieces_of(text)) is None
    original = termbase._parse_whole(text, "tb.yaml")
    assert original[1] and original[1][0].message.startswith("malformed YAML")


BIG = [
    Term(
        id=f"t{n}",
        headword=f"词{n}",
        pinyin="cí",
        en=f"word {n}: yes, no, 1.5, ~",
        aliases=(f"詞{n}",) if n % 3 else (),
        definition_en="" if n % 2 else f"it's #{n}",
    )
    for n in range(17_000)
]


@pytest.fixture(scope="module")
def big_text() -> str:
    text = dump(BIG, "dictionary")
    assert len(text) > bulk_parse.MIN_SIZE
    return text


@pytest.fixture
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> str:
    """The first 400 terms of BIG as glossary writes them, with `load` cutting a file of any
    size into pieces of 50 terms: the path a large file takes (`big_text` checks it at the real
    size), with a whole-file parse to compare against that takes milliseconds, not seconds."""
    split = bulk_parse.split

    def small(
        text: str, min_size: int = 0, piece_items: int = 50
    ) -> tuple[str, list[bulk_parse.Piece]] | None:
        return split(text, min_size, piece_items)

    monkeypatch.setattr(bulk_parse, "split", small)
    return dump(BIG[:400], "dictionary")


def test_a_large_term_base_loads_a_piece_at_a_time_to_the_same_terms(big_text: str) -> None:
    streamed = termbase._load_in_pieces(big_text, "big.yaml")
    assert streamed is not None
    starts = [n + 1 for n, line in enumerate(big_text.splitlines()) if line.startswith("- id: ")]
    assert streamed.terms == tuple(BIG)
    assert streamed.lines == dict(zip((t.id for t in BIG), starts, strict=True))
    assert streamed.kind == "dictionary" and streamed.name == "big"


def test_an_id_repeated_in_a_later_piece_is_reported_as_the_whole_file_check_reports_it(
    tmp_path: Path, small_pieces: str
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(small_pieces.replace("- id: t399\n", "- id: t0\n"), encoding="utf-8")
    assert termbase._load_in_pieces(path.read_text(encoding="utf-8"), str(path)) is None
    with pytest.raises(
        TermBaseError, match=r"term 't0': id: duplicate id \(first used at line 6\)"
    ):
        termbase.load(path)


def whole_file_terms(text: str) -> tuple[tuple[Term, ...], dict[str, int]]:
    parsed, problems = termbase._parse_whole(text, "big.yaml")
    assert not problems
    terms = tuple(term_from_dict(raw) for raw in parsed.raws)
    return terms, {term.id: line for term, line in zip(terms, parsed.lines, strict=True)}


@pytest.mark.parametrize(
    ("written", "by_hand"),
    [
        ("- id: t7\n", "- \n  id: t7\n"),  # the item's mapping on the line below its dash
        ("en: 'word 3: yes", "en: 'word\u20283: yes"),  # a line break to YAML, not to split
        ("en: 'word 4: yes", 'en: "word\r4: yes'),  # a raw CR
    ],
)
def test_a_hand_edited_term_base_cut_in_pieces_loads_as_the_whole_file_parse_reads_it(
    tmp_path: Path, small_pieces: str, written: str, by_hand: str
) -> None:
    text = small_pieces.replace(written, by_hand, 1)
    if by_hand.startswith('en: "'):
        text = text.replace("4: yes, no, 1.5, ~'", '4: yes, no, 1.5, ~"', 1)
    path = tmp_path / "big.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = termbase.load(path)
    assert (loaded.terms, loaded.lines) == whole_file_terms(text)
