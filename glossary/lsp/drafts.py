"""The "add the selection to the term base as a draft" code action and the command it runs:
the selected text becomes a term of status `draft` (pinyin guessed, English left to fill in),
written through `termbase.edit.add_term`, the locked, checked and atomic path of
`glossary add`, to the first term base named (never the bundled one)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from glossary.model import Term

COMMAND = "glossary.addDraft"
LONGEST = 30  # characters of a selection offered as a headword (an appendix headword's limit)


def offer(selection: str) -> list[types.Command]:
    """The action for a selection that could be a headword: one line, not blank, not long. (A
    bare Command, not a CodeAction carrying one: lsprotocol's own client reads any code action
    with a `command` as a Command, and so loses it.)"""
    headword = selection.strip()
    if not headword or len(headword) > LONGEST or "\n" in headword or "\r" in headword:
        return []
    title = f"Add '{headword}' to the term base as a draft"
    return [types.Command(title=title, command=COMMAND, arguments=[headword])]


def add(headword: str, termbases: Sequence[Path]) -> str:
    """Add the draft to the first of `termbases`; what was done, to tell the user."""
    from glossary.termbase.edit import add_term
    from glossary.termbase.enrich import guess_pinyin
    from glossary.termbase.locations import writable_path

    target = writable_path(termbases)
    term = Term(id="", headword=headword, pinyin=guess_pinyin(headword).pinyin, en="")
    done = add_term(target, term.with_changes(status="draft"))
    return (
        f"glossary: {done.action} {done.term.headword} ({done.term.id}) in {done.path}:{done.line}"
    )
