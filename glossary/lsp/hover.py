"""Hover: a Markdown card of the term under the cursor (headword, pinyin, English, both
definitions, status and the term base it comes from)."""

from __future__ import annotations

import re

from lsprotocol import types

from glossary.model import Term

_MARKDOWN = re.compile(r"([\\`*_\[\]<>|~])|^([#>+\-]|\d+\.)", re.MULTILINE)


def escape(text: str) -> str:
    """`text` shown as typed in Markdown (no emphasis, links or headings made of it)."""
    return _MARKDOWN.sub(_escaped, text)


def _escaped(found: re.Match[str]) -> str:
    mark = found.group()
    return mark[:-1] + "\\." if mark.endswith(".") else "\\" + mark


def card(term: Term, termbase: str) -> str:
    """The Markdown hover card of a term."""
    title = f"**{escape(term.headword)}**"
    if term.pinyin and _folded(term.pinyin) != _folded(term.headword):
        title += f" {escape(term.pinyin)}"
    lines = [title]
    if term.en and term.en != term.headword:
        lines.append(f"*{escape(term.en)}*")
    others = [name for name in term.aliases if name not in (term.headword, term.en)]
    if others:
        lines.append("also: " + ", ".join(escape(name) for name in others))
    parts = ["  \n".join(lines)]
    parts += [escape(text) for text in (term.definition_zh, term.definition_en) if text]
    if term.note:
        parts.append(f"Note: {escape(term.note)}")
    parts.append(f"`{term.status}` · term base `{termbase}` · id `{term.id}`")
    return "\n\n".join(parts)


def _folded(text: str) -> str:
    return text.replace(" ", "").lower()


def plain_card(term: Term, termbase: str) -> str:
    """The card as plain text, for a client that does not read Markdown."""
    title = term.headword
    if term.pinyin and _folded(term.pinyin) != _folded(term.headword):
        title += f" {term.pinyin}"
    lines = [title]
    if term.en and term.en != term.headword:
        lines.append(term.en)
    others = [name for name in term.aliases if name not in (term.headword, term.en)]
    if others:
        lines.append("also: " + ", ".join(others))
    parts = ["\n".join(lines)]
    parts += [text for text in (term.definition_zh, term.definition_en) if text]
    if term.note:
        parts.append(f"Note: {term.note}")
    parts.append(f"{term.status} · term base {termbase} · id {term.id}")
    return "\n\n".join(parts)


def content(term: Term, termbase: str, markdown: bool) -> types.MarkupContent:
    """The card in the format the client reads."""
    if markdown:
        return types.MarkupContent(types.MarkupKind.Markdown, card(term, termbase))
    return types.MarkupContent(types.MarkupKind.PlainText, plain_card(term, termbase))
