"""jsonl and html encode each term's part of the output once, and assemble the output without
Python code per occurrence (`render.annotate_pieces`): the bytes are what encoding every
occurrence afresh gives, whatever the text holds (quotes, backslashes, control characters,
format characters, line separators, characters outside the BMP), for a whole text and for a
text rendered in parts (offsets into the whole, `shift` where the part starts)."""

from __future__ import annotations

import html as html_escape
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.model import Term
from glossary.render import annotate as formats
from glossary.render import annotate_pieces as pieces
from glossary.scan.occurrence import Occurrence

FIELDS = st.text(alphabet=st.sampled_from(list("\"\\\n\t\x00\x1f<>&'%{}\u2028\U0001f600中x ")))
TERMS = st.lists(st.tuples(FIELDS, FIELDS, FIELDS), min_size=1, max_size=4)


def occurrences(draw: st.DrawFn, text: str, terms: list[tuple[str, str, str]]) -> list[Occurrence]:
    found, position = [], 0
    while position < len(text):
        start = draw(st.integers(position, len(text)))
        if start >= len(text):
            break
        end = draw(st.integers(start + 1, len(text)))
        term_id, headword, en = terms[draw(st.integers(0, len(terms) - 1))]
        found.append(Occurrence(start, end, text[start:end], term_id, headword, en, 1))
        position = end
    return found


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, list[Occurrence]]:
    terms = draw(TERMS)
    unique = list({term_id: (term_id, h, e) for term_id, h, e in terms}.values())
    text = draw(FIELDS)
    return text, occurrences(draw, text, unique)


@settings(max_examples=300, deadline=None)
@given(pages())
def test_jsonl_is_json_dumps_of_each_occurrence(page: tuple[str, list[Occurrence]]) -> None:
    _, found = page
    expected = "".join(json.dumps(o.to_dict(), ensure_ascii=False) + "\n" for o in found)
    fragments = pieces.JsonlFragments()
    half = len(found) // 2
    in_parts = pieces.jsonl_bytes(found[:half], fragments)
    in_parts += pieces.jsonl_bytes(found[half:], fragments)
    assert formats.jsonl(found) == in_parts.decode() == expected
    forgetful = Forgetful()
    one_by_one = b"".join(pieces.jsonl_bytes([o], forgetful) for o in found)
    assert one_by_one.decode() == expected
    assert [json.loads(line) for line in expected.split("\n")[:-1]] == [o.to_dict() for o in found]


class Forgetful(pieces.JsonlFragments):
    LIMIT = 1
    """Begins afresh at every second fragment."""


@settings(max_examples=200, deadline=None)
@given(pages())
def test_html_tags_are_escaped_as_at_every_occurrence(page: tuple[str, list[Occurrence]]) -> None:
    text, found = page
    terms = {
        o.term_id: Term(o.term_id, o.headword, "pin", o.en, definition_en="<b>&") for o in found
    }
    expected = []
    position = 0
    for o in found:
        term = terms[o.term_id]
        title = f"{o.headword} (pin) — {o.en}\n<b>&"
        expected += [
            html_escape.escape(text[position : o.start]),
            f'<abbr class="term" data-term="{html_escape.escape(term.id)}" '
            f'title="{html_escape.escape(title)}">{html_escape.escape(o.surface)}</abbr>',
        ]
        position = o.end
    expected.append(html_escape.escape(text[position:]))
    assert formats.html_text(text, found, terms, {}) == "".join(expected)


def terms_of(found: list[Occurrence]) -> dict[str, Term]:
    return {o.term_id: Term(o.term_id, o.headword, "pin", o.en) for o in found}


@settings(max_examples=200, deadline=None)
@given(pages(), st.data())
def test_a_text_in_parts_renders_as_the_whole(
    page: tuple[str, list[Occurrence]], data: st.DataObject
) -> None:
    text, found = page
    terms = terms_of(found)
    cut = data.draw(st.integers(0, len(found)))
    at = found[cut - 1].end if cut else data.draw(st.integers(0, len(text)))
    at = min(at, found[cut].start) if cut < len(found) else at
    head, tail = (text[:at], found[:cut]), (text[at:], found[cut:])
    tags: dict[str, str] = {}
    surfaces = pieces.Escaped()
    in_parts = formats.html_text(*head, terms, tags, surfaces)
    in_parts += formats.html_text(*tail, terms, tags, surfaces, shift=at)
    assert in_parts == formats.html_text(text, found, terms)

    def label(term_id: str) -> str:
        return f"<{term_id}>"

    glossed = pieces.insert_after(*head, label) + pieces.insert_after(*tail, label, shift=at)
    expected, position = [], 0
    for o in found:
        expected += [text[position : o.end], label(o.term_id)]
        position = o.end
    assert glossed == "".join(expected) + text[position:]
