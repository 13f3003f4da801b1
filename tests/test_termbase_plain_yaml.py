"""The fast reader of glossary's own YAML gives what PyYAML's safe loader gives, or declines."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.termbase import bulk_parse, plain_yaml
from glossary.termbase.yaml_io import to_yaml, yaml_loader

from .conftest import BUNDLED


def pyyaml_items(text: str, lines_before: int = 0) -> plain_yaml.Items:
    root = yaml.compose(text, Loader=yaml_loader())
    assert isinstance(root, yaml.SequenceNode)
    loader = yaml_loader()("")
    raws = [loader.construct_object(item, deep=True) for item in root.value]
    return raws, [lines_before + item.start_mark.line + 1 for item in root.value]


def test_the_bundled_term_base_reads_as_pyyaml_reads_it() -> None:
    split = bulk_parse.split(BUNDLED.read_text(encoding="utf-8"), min_size=0, piece_items=4)
    assert split is not None
    for text, lines_before in split[1]:
        found = plain_yaml.read_items(text, lines_before)
        assert found is not None
        assert found == pyyaml_items(text, lines_before)


SAME = [
    "- id: a\n  line: 31\n  zero: 0\n  minus: -7\n",
    "- id: a\n  flag: yes\n  other: Off\n",
    "- id: a\n  check: false\n  nothing: ~\n  empty:\n  null_word: null\n",
    "- id: a\n  en: 'it''s: fine # really'\n"
    '  zh: "\\U0002AA0A and \\x41\\u00e9\\t\\\\ \\"q\\""\n',
    "- id: a\n  en: a:b c#d 3C 1.5x -ism ?x :y\n  n: '421'\n",
    "- id: a\n  aliases:\n  - x\n  - name: y\n    status: deprecated\n  source:\n"
    "    document: d\n    line: 2\n\n- id: b\n  examples:\n    match:\n    - m 1\n    no_match:\n"
    "      - m 2\n",
    "- plain item\n- 'quoted item'\n",
]


@pytest.mark.parametrize("text", SAME)
def test_what_it_reads_is_what_pyyaml_reads(text: str) -> None:
    assert plain_yaml.read_items(text, 10) == pyyaml_items(text, 10)


DECLINED = [
    "# a comment\n- id: a\n",
    "- id: a  # a comment\n",
    "- id: &anchor a\n- id: *anchor\n",
    "- id: !!str 1\n",
    "- id: a\n  tags: [x, y]\n",
    "- id: a\n  map: {}\n",
    "- id: a\n  note: |\n    block\n",
    "- id: a\n  note: folded\n    on two lines\n",
    "- id: a\n  note: 'quoted\n    on two lines'\n",
    "- id: a\n\tnote: tab\n",
    "- id: a\n  id: b\n",
    "- id: a\n  size: 1.5\n  when: 2001-12-14\n",
    "- id: a\n  octal: 017\n",
    "- id: a\n  <<: {}\n",
    "- id: a\n  yes: key\n",
    '- id: a\n  bad: "\\q"\n',
    "- id: a\r\n",
    "- id: a\n  en: \x85\n",
    "- id: a\n  en: a\u2028b\n",  # a line break to PyYAML: an error here
    "- id: a\n  en: 'a\u2029b'\n",
    '- id: a\n  en: "\\ud800"\n',  # a surrogate: libyaml refuses the escape
    '- id: a\n  en: "\\U0000DFFF"\n',
    "- \n  id: a\n",  # an item whose mapping starts on the next line
    "- a\n- \n",
    "- - nested\n",
    "---\n- id: a\n",
    "- id: a\n   odd: indent\n",
    "- id: a\n  en: trailing \n",
    "- id: a\n  deep:\n" + "".join(f"{'  ' * (n + 2)}k{n}:\n" for n in range(10)),
]


@pytest.mark.parametrize("text", DECLINED)
def test_anything_else_is_left_to_pyyaml(text: str) -> None:
    assert plain_yaml.read_items(text) is None


words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
raw_terms = st.fixed_dictionaries(
    {"id": words, "headword": words, "pinyin": words},
    optional={
        "en": words,
        "aliases": st.lists(
            st.one_of(words, st.fixed_dictionaries({"name": words, "status": words})),
            min_size=1,
            max_size=3,
        ),
        "definition": st.fixed_dictionaries({}, optional={"zh": words, "en": words}),
        "source": st.fixed_dictionaries(
            {"document": words}, optional={"line": st.integers(-5, 10**6)}
        ),
        "check": st.booleans(),
        "tags": st.lists(words, min_size=1, max_size=3),
    },
)


@settings(max_examples=300, deadline=None)
@given(st.lists(raw_terms, min_size=1, max_size=4))
def test_term_bases_glossary_writes_read_the_same_or_are_declined(terms: list[Any]) -> None:
    text = to_yaml(terms)
    found = plain_yaml.read_items(text, 3)
    if found is not None:
        assert found == pyyaml_items(text, 3)
