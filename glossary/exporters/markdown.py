"""Markdown: a readable bilingual glossary, sorted by pinyin, one section per term."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.model import Term
from glossary.text.pinyin import strip_tones


def sort_key(term: Term) -> tuple[str, str, str]:
    """Alphabetical by toneless pinyin (ü after u), then by headword and id for ties."""
    plain, _ = strip_tones(term.pinyin)
    letters = "".join(char for char in plain if char.isalnum() or char == " ")
    return (" ".join(letters.split()), term.headword, term.id)


def _escape(text: str) -> str:
    """Keep Markdown from reading text as markup: backslash the characters it acts on."""
    return "".join("\\" + char if char in "\\`*_[]<>#|" else char for char in text)


def section(term: Term) -> str:
    lines = [f"## {_escape(term.headword)} · {_escape(term.pinyin)}", "", f"**{_escape(term.en)}**"]
    if term.definition_zh:
        lines += ["", _escape(term.definition_zh)]
    if term.definition_en:
        lines += ["", _escape(term.definition_en)]
    details = [
        ("Aliases", "; ".join(term.aliases)),
        ("Status", term.status if term.status != "complete" else ""),
        ("Source", str(term.source) if term.source else ""),
        ("Tags", ", ".join(term.tags)),
        ("Note", term.note),
        ("ID", term.id),
    ]
    shown = [f"- {label}: {_escape(value)}" for label, value in details if value]
    if shown:
        lines += ["", *shown]
    return "\n".join(lines) + "\n"


def export(terms: Sequence[Term], title: str = "Glossary") -> str:
    ordered = sorted(terms, key=sort_key)
    head = f"# {title}\n\n{len(ordered)} terms, sorted by pinyin.\n"
    return "\n".join([head, *(section(term) for term in ordered)])
