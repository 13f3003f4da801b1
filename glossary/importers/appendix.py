"""Read a printed 名词解释 appendix (plain text off a newspaper page) into terms.

The page carries the artefacts of its layout, and each is handled by a rule, not by knowledge
of one page:

- an entry is a short headword, a separator (space, `:` or `：`, or a line break) and a
  definition, which often begins with 即; a quoted headword keeps its printed form;
- a running page header (a line that is just the appendix title) is dropped, and an entry it
  split is joined back together with nothing in between;
- report paragraphs among the entries are sentences, not headword + definition, and are skipped;
  so are page furniture such as (上接第2版) and stray fragments;
- entries printed twice are merged: identical copies silently, near-identical ones keeping the
  more complete copy;
- a definition cut off by the page is kept as printed and marked truncated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from glossary.model import Source, Term

TITLE_PATTERN = re.compile(r"^[^\s。，,；;：:]{0,24}名词(解释|注释|释义|说明)$")
FURNITURE_PATTERN = re.compile(r"^[(（](上接|下转|接|转)第?.{1,4}[版页][)）]$")
SECTION_PATTERN = re.compile(
    r"^([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.、])"
)
SEPARATOR = re.compile(r"\s*[:：]\s*|[ \t\u3000\n]+")
HEADWORD_FORBIDDEN = set("。，,；;！!？?：:()（）[]【】")
QUOTE_PAIRS = {"“": "”", '"': '"', "「": "」", "『": "』", "‘": "’", "'": "'"}
TERMINAL = set("。！？!?…")
CLOSERS = set("”’」』)）》")
MAX_HEADWORD = 30
MIN_LEAD_CLAUSE = 8  # a definition's text up to its first 。 is at least this long
NEAR_DUPLICATE = 90  # rapidfuzz ratio above which two printings are one entry


@dataclass(slots=True)
class Skipped:
    line: int
    text: str
    reason: str


@dataclass(slots=True)
class AppendixReport:
    """What the importer did, for the user to read on stderr."""

    found: int = 0
    identical_duplicates: int = 0
    merged: list[str] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)
    truncated: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(slots=True)
class _Block:
    line: int
    text: str
    after_header: bool


@dataclass(slots=True)
class _Entry:
    line: int
    printed: str
    headword: str
    definition: str
    joined: bool = False


def parse_appendix(text: str, document: str) -> tuple[list[Term], AppendixReport]:
    """The entries of an appendix as terms (id and pinyin left for the caller), and a report."""
    report = AppendixReport()
    entries: list[_Entry] = []
    for block in _blocks(text, report):
        entry = _as_entry(block)
        if entry is not None:
            entries.append(entry)
            continue
        previous = entries[-1] if entries else None
        if block.after_header and previous and not _is_terminated(previous.definition):
            previous.definition += block.text.replace("\n", "")
            previous.joined = True
            report.joined.append(previous.headword)
        else:
            report.skipped.append(Skipped(block.line, block.text, _why_not_entry(block.text)))
    report.found = len(entries)
    terms = [_to_term(entry, document, report) for entry in _deduplicate(entries, report)]
    return terms, report


def _blocks(text: str, report: AppendixReport) -> list[_Block]:
    """Paragraphs (runs of non-blank lines) with page headers and furniture taken out."""
    blocks: list[_Block] = []
    after_header = False
    current: list[str] = []
    start = 0
    lines = unicodedata.normalize("NFC", text).splitlines()
    for number, raw in enumerate([*lines, ""], start=1):
        line = raw.strip()
        is_furniture = bool(TITLE_PATTERN.match(line) or FURNITURE_PATTERN.match(line))
        if line and not is_furniture:
            if not current:
                start = number
            current.append(line)
            continue
        if current:
            blocks.append(_Block(start, "\n".join(current), after_header))
            after_header = False
            current = []
        if is_furniture:
            after_header = True
            kind = "page header" if TITLE_PATTERN.match(line) else "page furniture"
            report.skipped.append(Skipped(number, line, kind))
    return blocks


def _as_entry(block: _Block) -> _Entry | None:
    text = block.text
    if SECTION_PATTERN.match(text):
        return None
    match = SEPARATOR.search(text, 1)
    head_end = match.start() if match else -1
    if match is None or head_end > MAX_HEADWORD:
        at = text.find("即", 1, MAX_HEADWORD + 1)
        if at < 0:
            return None
        head_end, def_start = at, at
    else:
        def_start = match.end()
    head, definition = text[:head_end], text[def_start:].replace("\n", "")
    if not head or any(ch in HEADWORD_FORBIDDEN for ch in head) or len(definition) < 2:
        return None
    lead = definition.split("。", 1)[0]
    if "。" in definition and len(lead) < MIN_LEAD_CLAUSE:
        return None  # `深入实施 扩中提低。…`: a report sentence broken by a stray space
    return _Entry(block.line, head, _unquote(head), definition, joined=False)


def _unquote(head: str) -> str:
    closer = QUOTE_PAIRS.get(head[0])
    if closer and len(head) > 2 and head.endswith(closer):
        return head[1:-1].strip()
    return head


FRAGMENT = "a stray fragment, not an entry"
SECTION = "a section heading, not an entry"
TITLE = "a title (one short line without a definition), not an entry"
ASIDE = "a line in parentheses (a date or a byline), not an entry"
PARAGRAPH = "a report paragraph (a sentence, not headword + definition)"
REASON_NOUNS = {
    "page header": ("page header", "page headers"),
    "page furniture": ("line of page furniture", "lines of page furniture"),
    FRAGMENT: ("stray fragment", "stray fragments"),
    SECTION: ("section heading", "section headings"),
    TITLE: ("title", "titles"),
    ASIDE: ("line in parentheses", "lines in parentheses"),
    PARAGRAPH: ("report paragraph", "report paragraphs"),
}
"""Each reason a line is skipped for, as a noun (singular, plural) for the summary."""
_SENTENCE_MARKS = set("。，,；;！!？?")


def _why_not_entry(text: str) -> str:
    if len(text) <= 3:
        return FRAGMENT
    if SECTION_PATTERN.match(text):
        return SECTION
    if "\n" not in text and text[0] in "(（" and text[-1] in ")）":
        return ASIDE
    if "\n" not in text and len(text) <= MAX_HEADWORD and not _SENTENCE_MARKS & set(text):
        return TITLE
    return PARAGRAPH


def count_of(count: int, singular: str, plural: str) -> str:
    """`1 identical reprint`, `2 identical reprints`."""
    return f"{count} {singular if count == 1 else plural}"


def skipped_summary(skipped: list[Skipped]) -> str:
    """`30 report paragraphs, 5 section headings, 1 title`: by reason, most first."""
    counts: dict[str, int] = {}
    for each in skipped:
        counts[each.reason] = counts.get(each.reason, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: -item[1])
    return ", ".join(
        count_of(count, *REASON_NOUNS.get(reason, (reason, reason))) for reason, count in ordered
    )


def _is_terminated(definition: str) -> bool:
    tail = definition.rstrip()
    while tail and tail[-1] in CLOSERS:
        if len(tail) >= 2 and tail[-2] in TERMINAL:
            return True
        tail = tail[:-1]
    return bool(tail) and tail[-1] in TERMINAL


def _deduplicate(entries: list[_Entry], report: AppendixReport) -> list[_Entry]:
    from rapidfuzz import fuzz

    kept: dict[str, _Entry] = {}
    for entry in entries:
        first = kept.get(entry.headword)
        if first is None:
            kept[entry.headword] = entry
        elif first.definition == entry.definition:
            report.identical_duplicates += 1
        elif (
            fuzz.ratio(first.definition, entry.definition) >= NEAR_DUPLICATE
            or first.definition.startswith(entry.definition)
            or entry.definition.startswith(first.definition)
        ):
            better = _more_complete(first, entry)
            other = entry if better is first else first
            kept[entry.headword] = better
            report.merged.append(
                f"{entry.headword}: printed at lines {first.line} and {entry.line}; kept the "
                f"more complete copy (line {better.line}) over line {other.line}"
            )
        else:
            report.conflicts.append(
                f"{entry.headword}: lines {first.line} and {entry.line} define it differently; "
                f"kept line {first.line}"
            )
    return list(kept.values())


def _more_complete(first: _Entry, second: _Entry) -> _Entry:
    def completeness(entry: _Entry) -> tuple[bool, int]:
        return (_is_terminated(entry.definition), len(entry.definition))

    return second if completeness(second) > completeness(first) else first


def _to_term(entry: _Entry, document: str, report: AppendixReport) -> Term:
    truncated = not _is_terminated(entry.definition)
    if truncated:
        report.truncated.append(entry.headword)
    return Term(
        id="",
        headword=entry.headword,
        pinyin="",
        en="",
        printed=entry.printed if entry.printed != entry.headword else None,
        definition_zh=entry.definition,
        status="truncated" if truncated else "complete",
        source=Source(document, entry.line),
    )


def report_lines(report: AppendixReport) -> list[str]:
    """What the importer did, one line each, for the user to read on stderr; skipped lines as
    a count per reason (`skipped_lines` lists them)."""
    lines = []
    if report.identical_duplicates:
        reprints = count_of(report.identical_duplicates, "identical reprint", "identical reprints")
        lines.append(f"  merged {reprints}")
    lines.extend(f"  merged near-identical reprints: {line}" for line in report.merged)
    lines.extend(f"  joined across a page header: {headword}" for headword in report.joined)
    lines.extend(
        f"  truncated in the source (kept as printed, status: truncated): {headword}"
        for headword in report.truncated
    )
    lines.extend(f"  conflict: {line}" for line in report.conflicts)
    if report.skipped:
        skipped = count_of(len(report.skipped), "line", "lines")
        lines.append(f"  skipped {skipped}: {skipped_summary(report.skipped)}")
    return lines


def skipped_lines(report: AppendixReport) -> list[str]:
    """Every skipped line with its reason and the start of its text, in file order."""
    lines = []
    for skipped in sorted(report.skipped, key=lambda s: s.line):
        excerpt = skipped.text.replace("\n", " ")
        excerpt = excerpt if len(excerpt) <= 24 else excerpt[:24] + "…"
        lines.append(f"  skipped line {skipped.line}: {skipped.reason}: {excerpt}")
    return lines
