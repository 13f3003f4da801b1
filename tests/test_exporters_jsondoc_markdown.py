"""JSON (the shape of `glossary list --json`) and Markdown (sorted by pinyin)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from glossary.cli import app
from glossary.exporters import jsondoc, markdown
from glossary.model import Term

from .conftest import assert_golden


def test_json_is_list_json(bundled_terms: tuple[Term, ...]) -> None:
    listed = CliRunner().invoke(app, ["list", "--json"])
    assert listed.exit_code == 0
    assert json.loads(jsondoc.export(bundled_terms)) == json.loads(listed.stdout)


def test_markdown_golden(tricky_terms: tuple[Term, ...]) -> None:
    assert_golden("tricky.md", markdown.export(tricky_terms))


def test_markdown_sorted_by_pinyin(bundled_terms: tuple[Term, ...]) -> None:
    text = markdown.export(bundled_terms)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(headings) == 15
    keys = [markdown.sort_key(term) for term in bundled_terms]
    expected = [term.headword for _, term in sorted(zip(keys, bundled_terms, strict=True))]
    assert [heading[3:].split(" · ")[0] for heading in headings] == expected
    assert headings[0].startswith("## 部省共建")


def test_markdown_escapes_markup(tricky_terms: tuple[Term, ...]) -> None:
    text = markdown.export(tricky_terms)
    assert r"\<b\>tags\</b\>" in text
    assert "<b>" not in text
