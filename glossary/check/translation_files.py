"""XLIFF 1.2/2.x, PO and TMX read through translate-toolkit (`pip install
'glossary[translation-files]'`): each unit with a source is a segment, located at the line its
unit starts on."""

from __future__ import annotations

import re
from typing import Any

from glossary.check.inputs import Aligned
from glossary.check.segments import Segment
from glossary.check.suppress import suppressed_lines
from glossary.errors import InputError
from glossary.text.fileio import reject_binary

XLIFF_2 = re.compile(rb"<xliff\b[^>]*\bversion\s*=\s*[\"']2\.", re.DOTALL)
PO_MSGID = re.compile(r"^msgid\b", re.MULTILINE)


def read_units(data: bytes, name: str, kind: str) -> Aligned:
    """The units of a translation file of `kind` (XLIFF, PO or TMX) as aligned segments."""
    reject_binary(data, name)
    store = _parse(data, name, kind)
    text = data.decode("utf-8", errors="replace")
    suppressed = suppressed_lines(text)
    po_lines = [text.count("\n", 0, m.start()) + 1 for m in PO_MSGID.finditer(text)]
    sources: list[Segment] = []
    targets: list[Segment] = []
    for position, unit in enumerate(store.units):
        if unit.isheader() or not str(unit.source or "").strip():
            continue
        line = _line_of(unit, position, po_lines)
        sources.append(Segment(str(unit.source), name, line, 1, 0, suppressed))
        targets.append(Segment(str(unit.target or ""), name, line, 1, 0, suppressed))
    return Aligned(sources, targets)


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


def _line_of(unit: Any, position: int, po_lines: list[int]) -> int:
    element = getattr(unit, "xmlelement", None)
    line = getattr(element, "sourceline", None)
    if isinstance(line, int):
        return line
    return po_lines[position] if position < len(po_lines) else 1
