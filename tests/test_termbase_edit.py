"""The splice behind add/edit/remove on hand-written files: indented sequences, comments between
terms, keys after the list, a term's own field order, and the whole-file fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.model import Term
from glossary.termbase import transaction
from glossary.termbase.edit import TermChange, add_term, edit_term, remove_term
from glossary.termbase.load import load

HAND_WRITTEN = """\
# my terms
version: 1
terms:
  # economy
  - id: alpha
    en: alpha thing
    headword: 甲
    pinyin: jiǎ
    aliases: [甲一, 甲二]

  # ecology
  - id: beta
    headword: 乙
    pinyin: yǐ
    note: |
      two lines
      of note
kind: glossary
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hand.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_add_to_an_indented_list_keeps_every_byte_and_the_indent(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    result = add_term(path, Term(id="", headword="丙", pinyin="bǐng", en="third"))
    assert result.term.id == "bing" and not result.rewritten
    text = path.read_text(encoding="utf-8")
    head, _ = HAND_WRITTEN.split("kind: glossary\n")
    assert text == head + "  - id: bing\n    headword: 丙\n    pinyin: bǐng\n    en: third\n" + (
        "    status: complete\nkind: glossary\n"
    )
    assert [t.id for t in load(path).terms] == ["alpha", "beta", "bing"]
    assert result.line == 18


def test_edit_keeps_the_terms_field_order_and_the_comments_around_it(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    edit_term(path, "alpha", TermChange({"note": "checked"}, add_aliases=("甲三",)))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my terms\nversion: 1\nterms:\n  # economy\n  - id: alpha\n    en: ")
    assert "    aliases:\n    - 甲一\n    - 甲二\n    - 甲三\n" in text
    assert "    note: checked\n\n  # ecology\n  - id: beta\n" in text  # note after aliases
    assert text.endswith(HAND_WRITTEN[HAND_WRITTEN.index("  # ecology") :])


def test_remove_keeps_the_comment_before_the_next_term(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    remove_term(path, "甲")
    text = path.read_text(encoding="utf-8")
    alpha = HAND_WRITTEN[HAND_WRITTEN.index("  - id: alpha") : HAND_WRITTEN.index("\n\n") + 1]
    assert text == HAND_WRITTEN.replace(alpha, "")  # its lines only: comments and blank kept
    assert [t.id for t in load(path).terms] == ["beta"]


def test_a_shape_the_splice_cannot_read_is_written_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\nterms: [{id: a, headword: 甲, pinyin: jiǎ}]\n")
    result = add_term(path, Term(id="", headword="乙", pinyin="yǐ", en=""))
    assert result.rewritten
    assert [t.id for t in load(path).terms] == ["a", "yi"]
    assert path.read_text(encoding="utf-8").startswith("# glossary term base")


def test_an_empty_list_gets_its_first_term(tmp_path: Path) -> None:
    path = write(tmp_path, "# kept\nversion: 1\nterms: []\n")
    result = add_term(path, Term(id="", headword="甲", pinyin="jiǎ", en=""))
    assert not result.rewritten
    assert path.read_text(encoding="utf-8") == (
        "# kept\nversion: 1\nterms:\n- id: jia\n  headword: 甲\n  pinyin: jiǎ\n  status: complete\n"
    )


def test_a_dry_run_writes_nothing_and_says_what_it_would_write(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_WRITTEN)
    result = add_term(path, Term(id="", headword="丙", pinyin="bǐng", en=""), dry_run=True)
    assert result.dry_run and result.yaml.startswith("- id: bing\n")
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN


def test_a_misjudged_span_is_caught_where_the_splice_was_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A block scalar whose last line looks like a comment: the span stops short of it. With
    the whole-text check off (as for a large file), the local check still refuses the splice."""
    monkeypatch.setattr(transaction, "WHOLE_CHECK", 0)
    text = (
        "version: 1\nterms:\n- id: a\n  headword: 甲\n  pinyin: jiǎ\n"
        "  note: |\n    text\n    # not a comment\n"
    )
    path = write(tmp_path, text)
    result = edit_term(path, "a", TermChange({"en": "first"}))
    assert result.rewritten
    (term,) = load(path).terms
    assert term.en == "first" and term.note == "text\n# not a comment\n"
