"""Asking for a term's fields on a terminal (Rich prompts, on stderr) and reporting a change to
a term base: messages on stderr, the change's YAML or the term's JSON on stdout."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from glossary.errors import InputError
from glossary.render.terms import write_json

if TYPE_CHECKING:
    from glossary.termbase.edit import EditResult

Guess = Callable[[str], tuple[str, list[str]]]
"""A headword -> its guessed pinyin and the polyphonic characters in it, described."""

LIST_SEPARATOR = "|"


def interactive() -> bool:
    """Prompts only when both stdin and stdout are terminals (GLOSSARY_TERMINAL=1/0 forces)."""
    forced = os.environ.get("GLOSSARY_TERMINAL")
    if forced in ("0", "1"):
        return forced == "1"
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_term(headword: str | None, guess: Guess) -> dict[str, Any]:
    """The fields of a new term, asked one by one; the guessed pinyin is the default."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=True, highlight=False)

    def ask(question: str, default: str = "", required: bool = False) -> str:
        while True:
            answer = _ask(console, question, default).strip()
            if answer or not required:
                return answer
            console.print("  (required)")

    headword = headword or ask("Headword", required=True)
    pinyin, polyphones = guess(headword)
    if polyphones:
        console.print(f"  guessed; check: {escape(', '.join(polyphones))}")
    fields: dict[str, Any] = {"headword": headword, "pinyin": ask("Pinyin", pinyin, True)}
    fields["en"] = ask("English", required=True)
    fields["aliases"] = _split(ask(f"Aliases (separate with {LIST_SEPARATOR})"))
    fields["definition_zh"] = ask("Definition (zh)")
    fields["definition_en"] = ask("Definition (en)")
    fields["tags"] = _split(ask(f"Tags (separate with {LIST_SEPARATOR})"))
    fields["note"] = ask("Note")
    return fields


def _ask(console: Any, question: str, default: str) -> str:
    from rich.markup import escape
    from rich.prompt import Prompt

    try:
        if default:
            return str(Prompt.ask(escape(question), console=console, default=default))
        return str(Prompt.ask(escape(question), console=console, default="", show_default=False))
    except EOFError:
        raise InputError(f"no answer for {question.lower()} (end of input)") from None


def _split(answer: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in answer.split(LIST_SEPARATOR) if part.strip())


def report_edit(result: EditResult, as_json: bool) -> None:
    """`--json`: the resulting term; `--dry-run`: the change's YAML; a line on stderr always."""
    if as_json:
        write_json(result.term.to_dict())
    elif result.dry_run:
        sys.stdout.write(result.yaml)
    verb = {"added": "add", "updated": "update", "removed": "remove"}[result.action]
    where = f" (line {result.line})" if result.line else ""
    if result.dry_run:
        message = f"dry run: would {verb} term '{result.term.id}' in {result.path}; nothing written"
    else:
        preposition = {"added": "to", "updated": "in", "removed": "from"}[result.action]
        message = f"{result.action} term '{result.term.id}' {preposition} {result.path}{where}"
    print(message, file=sys.stderr)
    if result.rewritten:
        print(
            f"note: {result.path} was rewritten whole by glossary's writer "
            "(its layout could not be kept; comments are lost)",
            file=sys.stderr,
        )
