"""Reading what `glossary check` is given as segments: a draft alone, two files aligned by
line, a two-column TSV, or XLIFF 1.2/2.x, PO and TMX through translate-toolkit's readers (an
optional extra: see `bilingual_file`)."""

from __future__ import annotations

from pathlib import Path

from glossary.check.segments import Aligned, Segment, lines_of
from glossary.check.suppress import suppressed_lines
from glossary.errors import InputError
from glossary.text.decoding import decode

TRANSLATION_FILES = {".xlf": "XLIFF", ".xliff": "XLIFF", ".po": "PO", ".pot": "PO", ".tmx": "TMX"}
TSV_SUFFIXES = (".tsv", ".tab")


def is_bilingual_file(name: str) -> bool:
    """Whether a file is a source and translation in one (TSV, XLIFF, PO, TMX)."""
    suffix = Path(name).suffix.lower()
    return suffix in TRANSLATION_FILES or suffix in TSV_SUFFIXES


def line_aligned(source: str, source_name: str, target: str, target_name: str) -> Aligned:
    """Two texts aligned by line: line i of the target translates line i of the source (blank
    lines are empty segments in both). Different line counts are an InputError."""
    sources = lines_of(source, source_name, suppressed_lines(source))
    targets = lines_of(target, target_name, suppressed_lines(target))
    if _count(sources) != _count(targets):
        raise InputError(
            f"{source_name} has {_count(sources)} lines but {target_name} has "
            f"{_count(targets)}: a translation checked by line needs the same number of lines "
            "as its source (blank lines included)"
        )
    size = min(len(sources), len(targets))
    return Aligned(sources[:size], targets[:size], fixable=True)


def _count(segments: list[Segment]) -> int:
    """Lines, not counting the empty one after a final line break."""
    return len(segments) - (1 if segments and not segments[-1].text else 0)


def tsv(text: str, name: str) -> Aligned:
    """A two-column TSV: source, tab, target on each line; blank lines are skipped."""
    suppressed = suppressed_lines(text)
    sources: list[Segment] = []
    targets: list[Segment] = []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != 2:
            raise InputError(
                f"{name}:{number}: expected two tab-separated columns (source, translation), "
                f"found {len(cells)}"
            )
        sources.append(Segment(cells[0], name, number, 1, 0, suppressed))
        targets.append(Segment(cells[1], name, number, len(cells[0]) + 2, 0, suppressed))
    return Aligned(sources, targets)


def bilingual_file(data: bytes, name: str, encoding: str | None = None) -> Aligned:
    """The segments of a TSV, XLIFF, PO or TMX file."""
    suffix = Path(name).suffix.lower()
    if suffix in TSV_SUFFIXES:
        return tsv(decode(data, name, encoding).text, name)
    from glossary.check.translation_files import read_units

    return read_units(data, name, TRANSLATION_FILES[suffix])
