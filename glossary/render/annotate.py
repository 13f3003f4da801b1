"""The output formats of `glossary annotate`.

`inline`, `markdown`, `html`, `jsonl` and `terms_tsv` are pure functions of the text, its
occurrences and the terms (text in, text out), so golden files pin them down; only
`terms_table` builds a Rich renderable. Nothing here reads files or prints. `FORMATS` is the
registry `glossary annotate --format` is generated from: a new format is a function and an
entry there (and a golden file, which a test asks for).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from glossary.model import Term
from glossary.render import annotate_pieces as pieces
from glossary.scan.occurrence import TERM_ID

if TYPE_CHECKING:
    from glossary.scan.occurrence import Occurrence

GLOSS_OPEN, GLOSS_CLOSE = "〔", "〕"


def gloss(term: Term) -> str:
    """What `inline` puts after an occurrence: the English name in tortoise-shell brackets."""
    return f"{GLOSS_OPEN}{term.en or term.headword}{GLOSS_CLOSE}"


def _insert_after(
    text: str, occurrences: Sequence[Occurrence], every: bool, label: Callable[[str], str]
) -> str:
    """`text` with `label(term_id)` inserted after the first (or every) occurrence of a term."""
    chosen = occurrences if every else pieces.firsts(occurrences, set())
    return pieces.insert_after(text, chosen, label)


def inline(
    text: str, occurrences: Sequence[Occurrence], terms: Mapping[str, Term], every: bool = False
) -> str:
    """The text unchanged but for a gloss after the first (or every) occurrence of each term."""
    return _insert_after(text, occurrences, every, lambda term_id: gloss(terms[term_id]))


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def footnote(term: Term, newline: str = "\n") -> str:
    """`[^id]: headword (pinyin) — English. English definition`, then the Chinese definition
    as an indented continuation line, each on one line. The term's text is escaped
    (`markdown_text`), so `<script>` in a term base shows as text and never becomes HTML."""

    def one_line(text: str) -> str:
        return markdown_text(" ".join(text.split()))

    head = f"[^{term.id}]: {one_line(_named(term))} — {one_line(term.en)}."
    if term.definition_en:
        head += f" {one_line(term.definition_en)}"
    if term.definition_zh:
        head += f"{newline}    {one_line(term.definition_zh)}"
    return head


def markdown_text(text: str) -> str:
    """Term text that Markdown shows as it is: `<`, `>` and `&` as HTML entities (which every
    Markdown renderer honours, unlike `\\<`), then a backslash before the punctuation Markdown
    acts on."""
    import html as html_escape

    escaped = html_escape.escape(text, quote=False)
    return "".join("\\" + char if char in "\\`*_[]#|" else char for char in escaped)


def markdown(
    text: str, occurrences: Sequence[Occurrence], terms: Mapping[str, Term], every: bool = False
) -> str:
    """The text with a footnote marker `[^id]` after the first (or every) occurrence of each
    term and, after a blank line at the end, one bilingual footnote per term."""
    newline = _newline(text)
    body = _insert_after(text, occurrences, every, lambda term_id: f"[^{term_id}]")
    used = list(dict.fromkeys(occurrence.term_id for occurrence in occurrences))
    if not used:
        return body
    if body and not body.endswith("\n"):
        body += newline
    notes = newline.join(footnote(terms[term_id], newline) for term_id in used)
    return body + newline + notes + newline


def _title_attribute(term: Term) -> str:
    parts = [f"{_named(term)} — {term.en}"]
    parts.extend(part for part in (term.definition_en, term.definition_zh) if part)
    return "\n".join(parts)


def html(
    text: str,
    occurrences: Sequence[Occurrence],
    terms: Mapping[str, Term],
    title: str = "Annotated text",
) -> str:
    """A standalone HTML page: the escaped text, line breaks kept, each occurrence an
    `<abbr>` whose title gives the headword, pinyin, English and both definitions."""
    return html_head(title) + html_text(text, occurrences, terms) + HTML_FOOT


def html_head(title: str) -> str:
    """The page up to the text (`html` is head, text, foot; streamed, the text is in parts)."""
    import html as html_escape

    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html_escape.escape(title)}</title>\n"
        "<style>\n"
        "body { font-family: sans-serif; max-width: 48em; margin: 2em auto; line-height: 1.7; }\n"
        ".text { white-space: pre-wrap; }\n"
        "abbr.term { text-decoration: underline dotted; cursor: help; }\n"
        "</style>\n</head>\n<body>\n"
        '<div class="text">'
    )


HTML_FOOT = "</div>\n</body>\n</html>\n"


def html_text(
    text: str,
    occurrences: Sequence[Occurrence],
    terms: Mapping[str, Term],
    tags: dict[str, str] | None = None,
    surfaces: pieces.Escaped | None = None,
    shift: int = 0,
) -> str:
    """The escaped text with each occurrence an `<abbr>` (offsets into the text of which
    `text` starts at `shift`). Each term's opening tag is escaped once, into `tags`, and each
    surface into `surfaces` (pass the same ones for all parts of a text)."""
    tags = {} if tags is None else tags
    for term_id in set(map(TERM_ID, occurrences)).difference(tags):
        tags[term_id] = _opening_tag(terms[term_id])
    surfaces = pieces.Escaped() if surfaces is None else surfaces
    return pieces.html_body(text, occurrences, tags, surfaces, shift)


def _opening_tag(term: Term) -> str:
    import html as html_escape

    escape = html_escape.escape
    title = escape(_title_attribute(term))
    return f'<abbr class="term" data-term="{escape(term.id)}" title="{title}">'


def jsonl(occurrences: Sequence[Occurrence]) -> str:
    """One JSON object per occurrence and line: start, end, surface, id, headword, en, line
    (as `json.dumps(occurrence.to_dict(), ensure_ascii=False)` writes it). What follows the
    end offset up to the line number is encoded once per surface and term."""
    return pieces.jsonl_bytes(occurrences, pieces.JsonlFragments()).decode()


# -- the terms a document uses -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TermUse:
    """A term the document uses: how often, and the line of its first occurrence."""

    term: Term
    count: int
    first_line: int


def term_uses(occurrences: Sequence[Occurrence], terms: Mapping[str, Term]) -> list[TermUse]:
    """The terms in order of first occurrence, with their counts."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for occurrence in occurrences:
        counts[occurrence.term_id] = counts.get(occurrence.term_id, 0) + 1
        first.setdefault(occurrence.term_id, occurrence.line)
    return [TermUse(terms[term_id], counts[term_id], first[term_id]) for term_id in first]


TERMS_COLUMNS = ("headword", "pinyin", "English", "count", "first line")


def _cells(use: TermUse) -> list[str]:
    return [use.term.headword, use.term.pinyin, use.term.en, str(use.count), str(use.first_line)]


def terms_tsv(uses: Sequence[TermUse]) -> str:
    """Tab-separated rows under a header row, for pipes."""
    from glossary.render.terms import plain_row

    rows = [plain_row(TERMS_COLUMNS)] + [plain_row(_cells(use)) for use in uses]
    return "".join(row + "\n" for row in rows)


def terms_table(uses: Sequence[TermUse]) -> Any:
    """A Rich table of the same rows, for a terminal."""
    from rich.table import Table

    from glossary.render.safe import rich_text

    table = Table(show_edge=False, header_style="bold")
    for column in TERMS_COLUMNS:
        table.add_column(column, justify="right" if column in ("count", "first line") else "left")
    for use in uses:
        table.add_row(*(rich_text(cell) for cell in _cells(use)))
    return table


def _named(term: Term) -> str:
    """The headword with its pinyin, unless the pinyin only repeats it (EOD, not "EOD (EOD)")."""
    same = term.pinyin.replace(" ", "").lower() == term.headword.replace(" ", "").lower()
    return term.headword if same else f"{term.headword} ({term.pinyin})"


@dataclass(frozen=True, slots=True)
class Page:
    """What an annotate format is given: the text, its occurrences and their terms, whether to
    mark every occurrence, and the document's title."""

    text: str
    occurrences: Sequence[Occurrence]
    terms: Mapping[str, Term]
    every: bool = False
    title: str = "Annotated text"


@dataclass(frozen=True, slots=True)
class AnnotateFormat:
    """One output format of `glossary annotate`: its name, its help, and its renderer."""

    name: str
    help: str
    render: Callable[[Page], str]


FORMATS: tuple[AnnotateFormat, ...] = (
    AnnotateFormat(
        "inline",
        "the text with a gloss after each term's first occurrence",
        lambda page: inline(page.text, page.occurrences, page.terms, every=page.every),
    ),
    AnnotateFormat(
        "markdown",
        "footnotes",
        lambda page: markdown(page.text, page.occurrences, page.terms, every=page.every),
    ),
    AnnotateFormat(
        "html",
        "a page with <abbr> titles",
        lambda page: html(page.text, page.occurrences, page.terms, title=page.title),
    ),
    AnnotateFormat("jsonl", "one object per occurrence", lambda page: jsonl(page.occurrences)),
    AnnotateFormat(
        "terms",
        "the terms used",
        lambda page: terms_tsv(term_uses(page.occurrences, page.terms)),
    ),
)
ANNOTATE_FORMATS: dict[str, AnnotateFormat] = {format.name: format for format in FORMATS}
