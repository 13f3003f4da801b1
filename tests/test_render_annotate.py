"""The annotate formats: golden files for each, and the inline format's promise to change nothing
but the glosses it inserts. Regenerate the golden files with GLOSSARY_UPDATE_GOLDEN=1 and
review the diff."""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.index.scan_tables import build_tables
from glossary.model import Term
from glossary.render import annotate as formats
from glossary.scan.occurrence import Occurrence
from glossary.scan.scanner import Scanner
from glossary.termbase.load import load
from glossary.termbase.locations import bundled_path

GOLDEN = Path(__file__).resolve().parent / "golden" / "annotate"
SAMPLE = (GOLDEN / "sample.txt").read_text(encoding="utf-8")


@cache
def bundled() -> Scanner:
    return Scanner(build_tables([load(bundled_path())]))


@cache
def bundled_terms() -> dict[str, Term]:
    return {term.id: term for term in load(bundled_path()).terms}


def rendered(name: str, text: str = SAMPLE) -> str:
    scanner = bundled()
    occurrences = scanner.scan(text)
    terms = bundled_terms()
    if name == "sample.inline.txt":
        return formats.inline(text, occurrences, terms)
    if name == "sample.every.txt":
        return formats.inline(text, occurrences, terms, every=True)
    if name == "sample.md":
        return formats.markdown(text, occurrences, terms)
    if name == "sample.html":
        return formats.html(text, occurrences, terms, title="sample.txt")
    if name == "sample.jsonl":
        return formats.jsonl(occurrences)
    if name == "sample.terms.tsv":
        return formats.terms_tsv(formats.term_uses(occurrences, terms))
    raise AssertionError(name)


GOLDEN_NAMES = [
    "sample.inline.txt",
    "sample.every.txt",
    "sample.md",
    "sample.html",
    "sample.jsonl",
    "sample.terms.tsv",
]


@pytest.mark.parametrize("name", GOLDEN_NAMES)
def test_golden(name: str) -> None:
    path = GOLDEN / name
    output = rendered(name)
    if os.environ.get("GLOSSARY_UPDATE_GOLDEN") == "1":
        path.write_bytes(output.encode("utf-8"))
    assert output == path.read_bytes().decode("utf-8")


def test_crlf_text_keeps_its_line_endings() -> None:
    crlf = SAMPLE.replace("\n", "\r\n")
    assert rendered("sample.inline.txt", crlf) == rendered("sample.inline.txt").replace(
        "\n", "\r\n"
    )
    markdown = rendered("sample.md", crlf)
    assert "\n" not in markdown.replace("\r\n", "")


def test_jsonl_offsets_point_at_the_surfaces() -> None:
    for line in rendered("sample.jsonl").splitlines():
        record = json.loads(line)
        assert set(record) == {"start", "end", "surface", "id", "headword", "en", "line"}
        assert SAMPLE[record["start"] : record["end"]] == record["surface"]


def test_html_escapes_the_text_and_the_titles() -> None:
    page = rendered("sample.html")
    assert "&amp; 推进" in page and "&lt;二期&gt;" in page
    assert "<二期>" not in page
    assert page.count('<abbr class="term"') == len(bundled().scan(SAMPLE))


def test_markdown_without_terms_is_the_text() -> None:
    assert formats.markdown("nothing here", [], {}) == "nothing here"


def strip_glosses(output: str, occurrences: list[Occurrence], every: bool) -> str:
    """Take out the glosses `inline` promised to insert, checking each is where it should be."""
    terms = bundled_terms()
    shift = 0
    seen: set[str] = set()
    for occurrence in occurrences:
        if not every and occurrence.term_id in seen:
            continue
        seen.add(occurrence.term_id)
        gloss = formats.gloss(terms[occurrence.term_id])
        at = occurrence.end + shift
        assert output[at : at + len(gloss)] == gloss
        output = output[:at] + output[at + len(gloss) :]
    return output


TEXTS = st.lists(
    st.one_of(
        st.sampled_from(["艺术乡建", "GEP", "EOD", "联合国2030\n年可持续发展议程", "“三源治理”"]),
        st.text(max_size=4),
    ),
    max_size=20,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.booleans())
def test_inline_output_minus_the_glosses_is_the_input(text: str, every: bool) -> None:
    occurrences = bundled().scan(text)
    output = formats.inline(text, occurrences, bundled_terms(), every=every)
    assert strip_glosses(output, occurrences, every) == text
