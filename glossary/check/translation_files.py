"""XLIFF 1.2/2.x, PO and TMX read through translate-toolkit (`pip install
'glossary[translation-files]'`): each unit with a source is a segment. A finding's line is that
of the element (`<source>`, `<target>`, `<seg>`) or PO keyword (`msgid`, `msgstr`) its side
starts on; its column and offsets count within the segment's text."""

from __future__ import annotations

import re
from typing import Any

from glossary.check.segments import Aligned, Segment
from glossary.check.suppress import suppressed_lines
from glossary.errors import InputError
from glossary.text.fileio import reject_binary

XLIFF_2 = re.compile(rb"<xliff\b[^>]*\bversion\s*=\s*[\"']2\.", re.DOTALL)
PO_KEYWORDS = re.compile(r"^(msgid|msgstr)\b", re.MULTILINE)
SIDE_TAGS = ({"source", "seg"}, {"target", "seg"})


def read_units(data: bytes, name: str, kind: str) -> Aligned:
    """The units of a translation file of `kind` (XLIFF, PO or TMX) as aligned segments."""
    reject_binary(data, name)
    store = _parse(data, name, kind)
    text = data.decode("utf-8", errors="replace")
    suppressed = suppressed_lines(text)
    po_lines = _po_lines(text) if kind == "PO" else []
    sources: list[Segment] = []
    targets: list[Segment] = []
    for position, unit in enumerate(store.units):
        if unit.isheader() or not str(unit.source or "").strip():
            continue
        source_line, target_line = _lines_of(unit, position, po_lines)
        sources.append(Segment(str(unit.source), name, source_line, 1, 0, suppressed))
        targets.append(Segment(str(unit.target or ""), name, target_line, 1, 0, suppressed))
    return Aligned(sources, targets)


def _po_lines(text: str) -> list[tuple[int, int]]:
    """The lines of each entry's msgid and msgstr, in file order."""
    found: list[tuple[int, int]] = []
    msgid = 0
    for match in PO_KEYWORDS.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if match.group(1) == "msgid":
            msgid = line
        elif msgid:
            found.append((msgid, line))
            msgid = 0
    return found


def _parse(data: bytes, name: str, kind: str) -> Any:
    try:
        from translate.storage import pypo, tmx, xliff, xliff2
    except ImportError:
        raise InputError(
            f"reading {kind} ({name}) needs translate-toolkit: "
            "pip install 'glossary[translation-files]'"
        ) from None
    reader: Any
    if kind == "PO":
        reader = pypo.pofile
    elif kind == "TMX":
        reader = tmx.tmxfile
    else:
        reader = xliff2.Xliff2File if XLIFF_2.search(data[:4096]) else xliff.xlifffile
    try:
        return reader.parsestring(data)
    # translate-toolkit's readers raise lxml's XMLSyntaxError, ValueError, AssertionError and
    # others for a malformed file; any of them means the same thing to the user.
    except Exception as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise InputError(f"{name}: not a readable {kind} file: {reason}") from None


def _lines_of(unit: Any, position: int, po_lines: list[tuple[int, int]]) -> tuple[int, int]:
    """The lines the unit's source and target start on."""
    element = getattr(unit, "xmlelement", None)
    if element is None:
        return po_lines[position] if position < len(po_lines) else (1, 1)
    unit_line = element.sourceline if isinstance(element.sourceline, int) else 1
    lines = [unit_line, unit_line]
    seen = 0
    for child in element.iter():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if seen < 2 and tag in SIDE_TAGS[seen] and isinstance(child.sourceline, int):
            lines[seen] = child.sourceline
            seen += 1
    return lines[0], lines[1]
