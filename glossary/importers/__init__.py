"""Importers: each turns one outside format into Terms plus a report of what it did.

May import model, errors, exchange, progress and text; never the CLI, typer or rich.

`IMPORTS` lists every format with what the command line needs to offer it
(`glossary import NAME FILE` is generated from it), so a new format is one module and one entry
here. The modules behind it are imported only when their format is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from glossary.model import Term
from glossary.progress import Progress


@dataclass(frozen=True, slots=True)
class Imported:
    """What an importer read: the terms, a summary line, further lines for the user, and the
    details behind them (each line or entry skipped), shown with `--verbose`."""

    terms: list[Term]
    summary: str
    notes: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MergeRules:
    """How read terms join a term base: `enrich` fills in missing pinyin and ids; a term matches
    an existing one by id, and by headword when `match_headword`; `owned_fields` are the fields
    an update may change (None: all); `kind` is the kind of a term base created by the import;
    with `same_kind_only`, an existing term base of another kind is refused unless `--force`
    (the command then offers it)."""

    enrich: bool = True
    match_headword: bool = True
    owned_fields: tuple[str, ...] | None = None
    kind: str = "glossary"
    same_kind_only: bool = False


Reader = Callable[[bytes, str, "Progress | None"], Imported]


@dataclass(frozen=True, slots=True)
class ImportFormat:
    """One import format: its name, the command's help (a summary line, then more), the help of
    its FILE argument, its reader, the message when it finds nothing, its merge rules, and
    whether a progress bar follows it."""

    name: str
    summary: str
    file_help: str
    read: Reader
    nothing: str
    rules: MergeRules = MergeRules()
    progress: bool = False


def _appendix(data: bytes, name: str, progress: Progress | None) -> Imported:
    from glossary.importers.appendix import parse_appendix, report_lines, skipped_lines
    from glossary.text.fileio import decode_utf8

    terms, report = parse_appendix(decode_utf8(data, name), document=Path(name).name)
    summary = f"{report.found} entries found, {len(terms)} distinct terms"
    return Imported(terms, summary, report_lines(report), skipped_lines(report))


def _delimited(delimiter: str) -> Reader:
    def read(data: bytes, name: str, progress: Progress | None) -> Imported:
        from glossary.importers.delimited import parse_delimited
        from glossary.text.fileio import decode_utf8

        terms = parse_delimited(decode_utf8(data, name), name, delimiter)
        return Imported(terms, f"{len(terms)} rows read")

    return read


def _tbx(data: bytes, name: str, progress: Progress | None) -> Imported:
    from glossary.importers.tbx import read_tbx, skipped_lines

    read = read_tbx(data, name)
    notes, details = skipped_lines(read.skipped)
    return Imported(read.terms, f"{len(read.terms)} entries read", notes, details)


def _cedict(data: bytes, name: str, progress: Progress | None) -> Imported:
    from glossary.importers.cedict import parse_cedict

    terms = parse_cedict(data, name, progress)
    return Imported(terms, f"{len(terms)} entries read")


_NO_ROWS = "no rows under the header: nothing to import"
_APPENDIX_FIELDS = ("headword", "printed", "definition_zh", "status", "source")
"""What an appendix import may update in an existing term (with --update); the rest of a term
(English, aliases, notes, corrected pinyin) belongs to the people who wrote it."""

IMPORTS: tuple[ImportFormat, ...] = (
    ImportFormat(
        "appendix",
        "Read a printed 名词解释 (glossary) appendix: headword, separator, definition.",
        "A printed 名词解释 appendix as UTF-8 text.",
        _appendix,
        "no entries found (an entry is a headword, then a space or colon, then its definition)",
        MergeRules(owned_fields=_APPENDIX_FIELDS),
    ),
    ImportFormat(
        "csv",
        "Read comma-separated values, columns mapped by the header's names.",
        "CSV with a header row (see README: Exchange).",
        _delimited(","),
        _NO_ROWS,
    ),
    ImportFormat(
        "tsv",
        "Read tab-separated values, columns mapped by the header's names.",
        "TSV with a header row (see README: Exchange).",
        _delimited("\t"),
        _NO_ROWS,
    ),
    ImportFormat(
        "tbx",
        "Read TBX (v3 or v2) through a hardened XML parser; entities are refused.\n\n"
        "Entries without a Chinese (zh) or an English (en) term are skipped and counted on "
        "stderr\n(--verbose lists them all); the rest are imported.",
        "A TBX file: TBX-Basic v3 or v2 (martif).",
        _tbx,
        "no conceptEntry or termEntry elements: nothing to import",
    ),
    ImportFormat(
        "cedict",
        "Read CC-CEDICT; entries are matched by id only (one headword has several readings).\n\n"
        "A term base created here is a dictionary (`kind: dictionary`): annotate matches its "
        "words by\nlongest match alone, without the word-boundary check a glossary's short "
        "names get, so an existing --into that is a glossary is refused unless --force.\n"
        "On a terminal, a progress bar on stderr follows the stages (the whole file "
        "takes seconds).",
        "A CC-CEDICT file, plain or .gz.",
        _cedict,
        "no entries found (an entry is 繁體 简体 [pin1 yin1] /def/)",
        MergeRules(enrich=False, match_headword=False, kind="dictionary", same_kind_only=True),
        progress=True,
    ),
)
IMPORTERS: dict[str, ImportFormat] = {format.name: format for format in IMPORTS}
