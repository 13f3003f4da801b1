"""How results look: a Rich rendering for a terminal, plain tab-separated text for a pipe, and
JSON. The output mode is decided once, by `choose_mode`."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, TextIO

from glossary.model import Term

if TYPE_CHECKING:
    from rich.console import Console

    from glossary.search.ranking import SearchResult


class Mode(Enum):
    TERMINAL = "terminal"
    PLAIN = "plain"
    JSON = "json"


def choose_mode(as_json: bool, stream: TextIO | None = None) -> Mode:
    """--json wins; otherwise Rich on a terminal, plain text in a pipe.

    GLOSSARY_TERMINAL=1 (or 0) overrides the terminal check, for scripts and tests.
    """
    if as_json:
        return Mode.JSON
    forced = os.environ.get("GLOSSARY_TERMINAL")
    if forced in ("0", "1"):
        return Mode.TERMINAL if forced == "1" else Mode.PLAIN
    stream = stream or sys.stdout
    return Mode.TERMINAL if stream.isatty() else Mode.PLAIN


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    forced = os.environ.get("GLOSSARY_TERMINAL") == "1"
    return Console(stderr=stderr, force_terminal=forced or None, highlight=False, soft_wrap=False)


def write_json(data: Any, out: TextIO | None = None) -> None:
    (out or sys.stdout).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def write_json_line(data: Any, out: TextIO | None = None) -> None:
    (out or sys.stdout).write(json.dumps(data, ensure_ascii=False) + "\n")


def plain_row(values: Iterable[object]) -> str:
    """One tab-separated line; tabs and line breaks inside values become spaces, other control
    characters are written out (`\\x1b`)."""
    from glossary.render.safe import visible

    return "\t".join(
        visible(str(value).replace("\t", " ").replace("\r", " ").replace("\n", " "))
        for value in values
    )


# -- term lists and single terms ------------------------------------------------------------


def term_list(rows: Sequence[tuple[Term, str]], mode: Mode, show_origin: bool) -> None:
    """`glossary list`: id, headword, pinyin, English (and the term base, when several)."""
    if mode is Mode.JSON:
        write_json([term.to_dict() for term, _ in rows])
        return
    if mode is Mode.PLAIN:
        out = sys.stdout
        for term, origin in rows:
            values = [term.id, term.headword, term.pinyin, term.en]
            out.write(plain_row([*values, origin] if show_origin else values) + "\n")
        return
    from rich.table import Table

    from glossary.render.safe import rich_text

    table = Table(show_edge=False, header_style="bold")
    # ids are what `show` takes: never wrapped or cut; the other columns give way
    widest = max((len(term.id) for term, _ in rows), default=2)
    table.add_column("id", no_wrap=True, min_width=widest)
    for column in ("headword", "pinyin", "English", *(("term base",) if show_origin else ())):
        table.add_column(column)
    for term, origin in rows:
        values = [term.id, term.headword, term.pinyin, term.en, *((origin,) if show_origin else ())]
        table.add_row(*(rich_text(value) for value in values))
    console().print(table)


def term_detail(term: Term, origin: str, mode: Mode) -> None:
    """`glossary show`: one term in full."""
    if mode is Mode.JSON:
        write_json(term.to_dict())
    elif mode is Mode.PLAIN:
        sys.stdout.write(plain_detail(term, origin))
    else:
        console().print(term_panel(term, origin))


def plain_detail(term: Term, origin: str) -> str:
    lines = [
        ("id", term.id),
        ("headword", term.headword),
        ("printed", term.printed or ""),
        ("pinyin", term.pinyin),
        ("en", term.en),
        ("aliases", " | ".join(alias_labels(term))),
        ("definition.zh", term.definition_zh),
        ("definition.en", term.definition_en),
        ("status", term.status),
        ("source", str(term.source) if term.source else ""),
        ("tags", ", ".join(term.tags)),
        ("note", term.note),
        ("termbase", origin),
    ]
    from glossary.render.safe import visible

    return "".join(f"{name}: {visible(value)}\n" for name, value in lines if value)


def alias_labels(term: Term) -> list[str]:
    """The aliases, each not admitted followed by its status: `six ratios (deprecated)`."""
    return [
        alias if (status := term.status_of(alias)) == "admitted" else f"{alias} ({status})"
        for alias in term.aliases
    ]


def unfit_note(match: Any) -> str:
    """`'X' is deprecated: use 'Y'` when a lookup matched an unfit name, else ''."""
    unfit = match.unfit_name()
    return f"'{unfit['name']}' is {unfit['status']}: use '{unfit['use']}'" if unfit else ""


def term_panel(term: Term, origin: str, highlight: str = "", subtitle: str = "") -> Any:
    """A Rich panel: headword, pinyin (unless it only repeats a Latin headword), English, both
    definitions, then printed form, aliases, status, source, tags and note. Every value is a
    `Text`, so markup in the data is printed, not interpreted."""
    from rich.panel import Panel
    from rich.text import Text

    from glossary.render.safe import rich_text

    body = Text()
    title = rich_text(term.headword, style="bold cyan")
    if highlight:
        title.highlight_words([highlight], style="reverse", case_sensitive=False)
    body.append_text(title)
    if not _repeats(term.pinyin, term.headword):
        body.append_text(rich_text(f"  {term.pinyin}", style="magenta"))
    body.append("\n")
    body.append_text(rich_text(term.en, style="bold"))
    body.append("\n")
    if term.definition_zh:
        body.append_text(rich_text("\n" + term.definition_zh + "\n"))
    if term.definition_en:
        body.append_text(rich_text("\n" + term.definition_en + "\n", style="italic"))
    details: list[tuple[str, str]] = [
        ("printed", term.printed or ""),
        ("aliases", " · ".join(alias_labels(term))),
        ("status", term.status),
        ("source", str(term.source) if term.source else ""),
        ("tags", ", ".join(term.tags)),
        ("note", term.note),
    ]
    for label, value in details:
        if value:
            body.append(f"\n{label}: ", style="dim")
            body.append_text(rich_text(value, style="yellow" if label == "status" else ""))
    return Panel(
        body,
        title=rich_text(term.id, style="bold"),
        subtitle=rich_text(subtitle or origin),
        subtitle_align="right",
        title_align="left",
    )


def _repeats(pinyin: str, headword: str) -> bool:
    """Whether the pinyin only repeats the headword (a Latin acronym: EOD, EOD)."""
    return pinyin.replace(" ", "").lower() == headword.replace(" ", "").lower()


# -- lookup ----------------------------------------------------------------------------------


def lookup_results(
    results: Iterable[SearchResult], mode: Mode, several: bool, show_origin: bool = False
) -> None:
    """JSON: one object per query (JSON Lines when several); plain: one TSV line per match
    (with the query first when several, the term base last when `show_origin`); terminal: a
    panel for the best (its term base in the subtitle), a table for the rest. Each result is
    written (and, when several, flushed) as soon as it comes, so a batch streams."""
    if mode is Mode.JSON:
        for result in results:
            data = lookup_json(result)
            if several:
                write_json_line(data)
                sys.stdout.flush()
            else:
                write_json(data)
        return
    if mode is Mode.PLAIN:
        for result in results:
            for match in result.matches:
                values = [
                    match.term.id,
                    match.term.headword,
                    match.term.pinyin,
                    match.term.en,
                    match.kind,
                    f"{match.score:g}",
                    *((match.termbase,) if show_origin else ()),
                    *((note,) if (note := unfit_note(match)) else ()),
                ]
                sys.stdout.write(plain_row([result.query, *values] if several else values) + "\n")
            if several:
                sys.stdout.flush()
        return
    out = console()
    for result in results:
        if result.matches:
            out.print(_lookup_view(result, show_origin))


def lookup_json(result: SearchResult) -> dict[str, Any]:
    return {"query": result.query, "results": [match.to_dict() for match in result.matches]}


def _lookup_view(result: SearchResult, show_origin: bool) -> Any:
    from rich.console import Group
    from rich.table import Table

    from glossary.render.safe import rich_text

    best, *others = result.matches
    highlight = result.query if best.kind in ("exact", "fragment") else ""
    panel = term_panel(
        best.term,
        best.termbase,
        highlight=highlight,
        subtitle=f"{best.kind} {best.score:g} · {best.termbase}",
    )
    note = unfit_note(best)
    if note:
        from rich.text import Text

        panel = Group(panel, Text(note, style="bold yellow"))
    if not others:
        return panel
    table = Table(show_edge=False, header_style="bold", title_justify="left")
    for column in ("headword", "pinyin", "English", "match", "score"):
        table.add_column(column)
    if show_origin:
        table.add_column("term base")
    for match in others:
        values = [match.term.headword, match.term.pinyin, match.term.en, match.kind]
        values += [f"{match.score:g}", *((match.termbase,) if show_origin else ())]
        table.add_row(*(rich_text(value) for value in values))
    return Group(panel, table)
