"""The occurrences of terms in a document after an edit, from those before it, by scanning only
the lines around the edit: the same occurrences as a scan of the whole new text (a property
test holds the two equal over random edits).

The scanner decides leftmost first, each decision at a position of its skeleton (the text
without layout and quotes) looking ahead at most `Scanner.margin` skeleton characters and back
at most jieba's window and the character before a name; after a match it goes on where the
match ends. So:

- every decision made before `start` is the same in the new text when at least `margin`
  characters that are not layout lie between `start` and the edit; `start` is moved back to a
  line start (or, in a very long line, a character that is not a quote mark, which a name
  could take in) that no occurrence crosses, so the old scan made a decision there too;
- from there the new text is scanned (with the context before `start` that decisions look back
  at) until a `sync` point past the edit, again a line start, that neither the new scan nor the
  old one crossed, with enough unchanged text before it for what decisions look back at: from
  there both scans make the same decisions on the same text, so the old occurrences after it
  stand, moved by the edit's length and its line breaks.
"""

from __future__ import annotations

from glossary.lsp.occurrences import Occurrences, Piece
from glossary.lsp.positions import Edit
from glossary.scan.boundaries import WINDOW
from glossary.scan.occurrence import Occurrence
from glossary.scan.scanner import Scanner
from glossary.text.layout import IGNORABLE, QUOTES

LOOK_BEHIND = WINDOW + 4
"""Characters other than layout that decisions look back at: jieba's window and the character
before a name, with room to spare (a space kept between two letters counts as one)."""
LONG_LINE = 2_048
"""Characters a cut looks for a line start within before it cuts inside the line."""
FIRST_REACH = 1_024
"""Characters after the edit scanned at first (doubled until the scans meet again)."""


def rescan(
    scanner: Scanner, before: Occurrences, old: str, new: str, edit: Edit
) -> tuple[Occurrences, list[Occurrence]]:
    """The occurrences in `new`, which is `old` changed by `edit`, from those in `old` (and
    those of the lines scanned again, some of which may be new terms)."""
    start = _start(scanner, before, new, edit.start)
    context = _back(new, start, LOOK_BEHIND)
    lines_before = new.count("\n", 0, context)
    ready = _forward(new, edit.new_end, LOOK_BEHIND)  # decisions from here look back at old text
    reach = ready + FIRST_REACH
    while True:
        final = reach >= len(new)
        found, resume = scanner.scan_part(new[context:reach], start - context, final)
        middle = Occurrences.of([Piece.of(found).moved(context, lines_before)])
        sync = _sync(new, ready, context + resume, middle, before, edit.delta)
        if sync is not None:
            break
        reach = context + 2 * (reach - context)
    lines = new.count("\n", edit.start, edit.new_end) - old.count("\n", edit.start, edit.old_end)
    pieces = [
        *before.before(start),
        *middle.before(sync),
        *before.after(sync - edit.delta, edit.delta, lines),
    ]
    return Occurrences.of(pieces), found


def _start(scanner: Scanner, before: Occurrences, text: str, changed: int) -> int:
    """A cut far enough before the change that no decision before it looks at the change."""
    target = _back(text, changed, scanner.margin + 2)
    while True:
        cut = _cut_before(text, target)
        crossing = before.spanning(cut)
        if crossing is None:
            return cut
        target = crossing.start


def _sync(
    text: str, ready: int, resume: int, middle: Occurrences, before: Occurrences, delta: int
) -> int | None:
    """The first cut from `ready` on, within what the new scan decided (up to `resume`), that
    neither the new scan (`middle`) nor the old one (`before`, `delta` before) crossed."""
    target = ready
    while True:
        cut = _cut_after(text, target)
        if cut > resume:
            return None
        if (crossing := middle.spanning(cut)) is not None:
            target = crossing.end
        elif (crossing := before.spanning(cut - delta)) is not None:
            target = crossing.end + delta
        else:
            return cut


def _cut_before(text: str, target: int) -> int:
    """The start of the line `target` is in, or when that is far, the nearest offset at or
    before `target` that does not follow a quote mark."""
    line = text.rfind("\n", 0, target) + 1
    if target - line <= LONG_LINE:
        return line
    while target > 0 and text[target - 1] in QUOTES:
        target -= 1
    return target


def _cut_after(text: str, target: int) -> int:
    """The start of the first line at or after `target` (the end of the text when there is
    none), or when that is far, the nearest offset at or after `target` that does not follow
    a quote mark."""
    if target <= 0 or text[target - 1] == "\n":
        return max(0, target)
    newline = text.find("\n", target)
    line = len(text) if newline < 0 else newline + 1
    if line - target <= LONG_LINE:
        return line
    while target < len(text) and text[target - 1] in QUOTES:
        target += 1
    return target


def _back(text: str, end: int, count: int) -> int:
    """An offset with at least `count` characters other than layout between it and `end` (or
    the start of the text)."""
    start = end
    while start > 0:
        start = max(0, end - max(count, 2 * (end - start)))
        if len(IGNORABLE.sub("", text[start:end])) >= count:
            break
    return start


def _forward(text: str, start: int, count: int) -> int:
    """An offset with at least `count` characters other than layout between `start` and it
    (or the end of the text)."""
    end = start
    while end < len(text):
        end = min(len(text), start + max(count, 2 * (end - start)))
        if len(IGNORABLE.sub("", text[start:end])) >= count:
            break
    return end


class Known(Scanner):
    """A scanner that knows the occurrences in one text (found by a rescan) and gives them for
    that text without scanning it again; any other text it scans."""

    def __init__(self, scanner: Scanner, text: str, occurrences: Occurrences) -> None:
        self.__dict__.update(scanner.__dict__)  # the same tables, shared, not copied
        self._known = text, occurrences
        self._scanner = scanner  # which loads jieba once for all when a scan needs it

    def scan(self, text: str, glossaries_only: bool = False) -> list[Occurrence]:
        known, occurrences = self._known
        if text is known or text == known:
            return occurrences.listed()  # a dictionary's too: glossaries_only may keep them
        return self._scanner.scan(text, glossaries_only)
