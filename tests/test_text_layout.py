"""The skeleton of a text (`glossary.text.layout.Skeleton`) against its definition written out
character by character: ignorable characters dropped, one space kept where a run of them with
whitespace in it sits between two ASCII letters or digits, and each skeleton character's
original offset."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossary.text.layout import IGNORABLE, LAYOUT_SPACE, WORD_CHARS, Skeleton

TEXTS = st.text(st.sampled_from("ab Z9 \t\n\u3000\u2028“”'\"国家\u200b x,"), max_size=40)


def defined(text: str, ignorable: re.Pattern[str]) -> tuple[str, list[int]]:
    skeleton, offsets = [], []
    position = 0
    while position < len(text):
        run = ignorable.match(text, position)
        if run is None:
            skeleton.append(text[position])
            offsets.append(position)
            position += 1
            continue
        begin, end = run.span()
        between_words = begin > 0 and end < len(text)
        between_words = between_words and text[begin - 1] in WORD_CHARS
        if between_words and text[end] in WORD_CHARS and re.search(r"\s", run.group()):
            skeleton.append(" ")
            offsets.append(begin)
        position = end
    return "".join(skeleton), offsets


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("EOD model and GEP")
@example("2030  Agenda")
@example("a “b” c")
@example("E O D")
def test_a_skeleton_is_the_text_without_layout(text: str) -> None:
    for ignorable in (IGNORABLE, LAYOUT_SPACE):
        skeleton = Skeleton.of(text, ignorable)
        assert (skeleton.text, skeleton.offsets()) == defined(text, ignorable)


def test_one_space_between_words_stays_and_layout_around_it_goes() -> None:
    skeleton = Skeleton.of("the “2030\n Agenda”  for")
    assert skeleton.text == "the 2030 Agenda for"
    assert skeleton.offsets()[:5] == [0, 1, 2, 3, 5]
