"""Writing a term base: deterministic YAML (fields in FIELD_ORDER, terms as given), written
atomically, piece by piece."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from glossary.model import Term
from glossary.progress import Progress
from glossary.termbase.yaml_io import to_yaml
from glossary.text.fileio import write_atomic_chunks

FORMAT_VERSION = 1

HEADER = (
    "# glossary term base (format documented in the README: 'The term base format').\n"
    "# Edit by hand or with 'glossary import'; check with 'glossary validate'.\n"
)


CHUNK = 1_000
"""Terms turned into YAML at a time: PyYAML builds a node for every value before it writes, so
a whole dictionary at once would hold millions of nodes (most of an import's memory)."""


def dump(terms: Iterable[Term], kind: str = "glossary") -> str:
    """The YAML text of a term base, deterministic: fields in FIELD_ORDER, terms as given; `kind`
    is written only when it is not the default."""
    return "".join(dump_chunks(list(terms), kind))


def dump_chunks(
    terms: Sequence[Term],
    kind: str = "glossary",
    progress: Progress | None = None,
    chunk: int = CHUNK,
) -> Iterator[str]:
    """`dump` in pieces of `chunk` terms, the same text when joined; `progress` hears stage
    "writing", counting terms.

    A block sequence under a mapping key is written flush with the key, exactly as a top-level
    sequence is, so a term list dumped piece by piece reads the same as one dumped whole.
    """
    document: dict[str, Any] = {"version": FORMAT_VERSION}
    if kind != "glossary":
        document["kind"] = kind
    if not terms:
        document["terms"] = []
        yield HEADER + to_yaml(document)
        return
    yield HEADER + to_yaml(document) + "terms:\n"
    for start in range(0, len(terms), chunk):
        piece = terms[start : start + chunk]
        yield to_yaml([term.to_dict() for term in piece])
        if progress is not None:
            progress("writing", start + len(piece), len(terms))


def save(
    path: str | Path,
    terms: Iterable[Term],
    kind: str = "glossary",
    progress: Progress | None = None,
) -> None:
    """Write the term base atomically, YAML produced and written piece by piece."""
    write_atomic_chunks(path, dump_chunks(list(terms), kind, progress))
