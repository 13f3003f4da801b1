"""CC-CEDICT: `繁體 简体 [pin1 yin1] /definition/definition/`, `#` comments, gzip accepted.

Each entry becomes a term: the simplified form is the headword (the traditional form an alias
when it differs), tone numbers become tone marks, the first definition is the English name and
the rest the English definition. CEDICT has many entries with the same headword and different
readings, so ids come from the numbered pinyin (`hao3`, `hao4`), with a short hash of the
hanzi where different headwords share one reading, and `-2`, `-3`... for entries repeated
with the same hanzi and reading. Work per line is a regular expression and a few string
operations: the whole dictionary (120,000 lines) takes a second or two. `progress`, when
given, is called as `progress(stage, done, total)` now and then: stage "reading" counts lines,
"converting" counts entries.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import zlib
from collections import Counter
from dataclasses import dataclass

from glossary.errors import InputError
from glossary.model import Source, Term
from glossary.progress import Progress, counted
from glossary.text.fileio import decode_utf8
from glossary.text.pinyin import numbers_to_marks

DOCUMENT = "CC-CEDICT"
ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class _Entry:
    line: int
    traditional: str
    simplified: str
    pinyin: str
    definitions: tuple[str, ...]


MAX_DECOMPRESSED = 128 * 1024 * 1024
"""Bytes a gzip file may expand to: the whole of CC-CEDICT is about 10 MB, while a few MB of
gzip can expand to gigabytes (a gzip bomb)."""


def decode(data: bytes, name: str) -> str:
    """The text of a CEDICT file, gunzipped first when it is gzip (by its magic bytes), reading
    no more than MAX_DECOMPRESSED bytes out of it."""
    limit = MAX_DECOMPRESSED
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                data = stream.read(limit + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"{name}: not a readable gzip file: {exc}") from None
        if len(data) > limit:
            raise InputError(
                f"{name}: refused: it decompresses to more than {limit // 2**20} MB "
                "(all of CC-CEDICT is about 10 MB): not a CC-CEDICT file"
            )
    return decode_utf8(data, name)


def numbered_slug(pinyin: str) -> str:
    """`Bei3 jing1` -> `bei3jing1`; `nu:3` -> `nv3`."""
    return _NOT_SLUG.sub("", pinyin.lower().replace("u:", "v").replace("ü", "v")) or "term"


def _entries(text: str, name: str, progress: Progress | None) -> list[_Entry]:
    entries = []
    lines = text.splitlines()
    for number, line in enumerate(counted(lines, len(lines), "reading", progress), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        match = ENTRY.match(line)
        if match is None:
            raise InputError(
                f"{name}:{number}: malformed entry (expected: 繁體 简体 [pin1 yin1] /def/def/): "
                f"{line[:40]}"
            )
        definitions = tuple(part.strip() for part in match[4].split("/") if part.strip())
        if not definitions:
            raise InputError(f"{name}:{number}: entry has no definition: {line[:40]}")
        entries.append(_Entry(number, match[1], match[2], match[3].strip(), definitions))
    return entries


def _ids(entries: list[_Entry]) -> list[str]:
    slugs = [numbered_slug(entry.pinyin) for entry in entries]
    shared = Counter(slugs)
    taken: set[str] = set()
    ids = []
    for entry, slug in zip(entries, slugs, strict=True):
        if shared[slug] > 1:
            hanzi = f"{entry.traditional} {entry.simplified}".encode()
            slug = f"{slug}-{hashlib.sha1(hanzi).hexdigest()[:6]}"
        candidate, number = slug, 2
        while candidate in taken:
            candidate = f"{slug}-{number}"
            number += 1
        taken.add(candidate)
        ids.append(candidate)
    return ids


def _term(entry: _Entry, term_id: str) -> Term:
    return Term(
        id=term_id,
        headword=entry.simplified,
        pinyin=numbers_to_marks(entry.pinyin),
        en=entry.definitions[0],
        aliases=(entry.traditional,) if entry.traditional != entry.simplified else (),
        definition_en="; ".join(entry.definitions[1:]),
        status="complete",
        source=Source(DOCUMENT, entry.line),
    )


def parse_cedict(data: bytes, name: str, progress: Progress | None = None) -> list[Term]:
    """Terms from CC-CEDICT bytes (plain or gzip); a malformed line is an error naming it."""
    entries = _entries(decode(data, name), name, progress)
    pairs = zip(entries, _ids(entries), strict=True)
    return [
        _term(entry, term_id)
        for entry, term_id in counted(pairs, len(entries), "converting", progress)
    ]
