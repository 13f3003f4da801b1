"""Figures for `glossary extract`: how many appendix headwords it finds in the report's body.

    python benchmarks/extract.py [--top 50]

The body of the seed report is its text before the appendix: before the first line any term of
data/terms.yaml was imported from (`source.line`; the appendix's entries) and before its title
政府工作报告有关名词解释, whichever comes first. Extraction runs on it with an empty term base.
The answers are read from data/terms.yaml now, not kept here: each term whose headword, or an
alias, occurs in the body (layout and quote marks aside) counts as found when one of those
names is among the top candidates. Prints each such term with the rank it got, the count found,
and the time of the extraction (the first in this process, jieba's dictionary loading included,
and a second one).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TERMS = ROOT / "data" / "terms.yaml"
REPORT = ROOT / "data" / "sources" / "deqing-2024-government-work-report.txt"
APPENDIX_TITLE = "政府工作报告有关名词解释"


def body_of_report() -> str:
    from glossary.termbase.load import load

    lines = REPORT.read_text(encoding="utf-8").split("\n")
    first_entry = min(
        (t.source.line for t in load(TERMS).terms if t.source and t.source.line), default=0
    )
    title = next((n for n, line in enumerate(lines, 1) if APPENDIX_TITLE in line), len(lines))
    end = min(first_entry or title, title)
    return "\n".join(lines[: end - 1])


def plain(text: str) -> str:
    from glossary.text.layout import Skeleton

    return Skeleton.of(text).text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=50)
    top = parser.parse_args().top
    os.environ.setdefault("GLOSSARY_CACHE_DIR", tempfile.mkdtemp(prefix="glossary-bench-"))
    from glossary.extract.candidates import extract
    from glossary.extract.known import known_to
    from glossary.index.database import open_store
    from glossary.scan.document import scanner_of
    from glossary.termbase.load import load

    body = body_of_report()
    flat_body = plain(body)
    expected = {
        term.headword: [name for name in (term.headword, *term.aliases) if plain(name) in flat_body]
        for term in load(TERMS).terms
    }
    expected = {headword: names for headword, names in expected.items() if names}
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.yaml"
        empty.write_text("version: 1\nterms: []\n", encoding="utf-8")
        known = known_to(scanner_of(open_store([empty])))
        started = time.perf_counter()
        candidates = extract(body, known, top)
        first = time.perf_counter() - started
        started = time.perf_counter()
        extract(body, known, top)
        second = time.perf_counter() - started
    rank_of = {plain(c.text): rank for rank, c in enumerate(candidates, 1)}
    found = 0
    print(f"body: {len(body)} characters ({body.count(chr(10)) + 1} lines), empty term base")
    for headword, names in expected.items():
        ranks = [(rank_of[plain(name)], name) for name in names if plain(name) in rank_of]
        if ranks:
            found += 1
            rank, name = min(ranks)
            print(f"  {headword}: rank {rank} (as {name})")
        else:
            print(f"  {headword}: not in the top {top}")
    print(
        f"{found} of {len(expected)} appendix headwords that occur in the body are in the top "
        f"{top} candidates; extraction {first:.2f} s (first, jieba loading included), "
        f"{second:.2f} s (second)"
    )


if __name__ == "__main__":
    sys.exit(main())
