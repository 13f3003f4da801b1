"""The suggestions of a miss (issue 11): how often "did you mean" names the entry a garbled
query was made from, and what a miss costs, beside the whole of CC-CEDICT.

    python benchmarks/suggestions.py [--queries 400] [--seed 5] [--work DIR] [--cache DIR]

The queries are the English names of CC-CEDICT entries (6 to 30 characters, ASCII, without
their parentheses), each given two or three random edits after its first letter (a letter
dropped, changed, added, or two neighbours swapped), and kept when the search finds nothing:
the misses a user who half-remembers an English name makes. Prints how many of them have
the entry's headword among the (up to three) suggestions, how many have any suggestion, and
the in-process time of the whole search (median, p99, max), as batch.py times its queries.
The index is the one batch.py builds (the same --work and --cache).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

from batch import BUNDLED, load_terms, percentile
from scale_support import compile_package

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def garble(text: str, edits: int, rng: random.Random) -> str:
    """`text` with `edits` random edits, none to its first character."""
    for _ in range(edits):
        i = rng.randrange(1, len(text))
        letter = rng.choice(LETTERS)
        match rng.choice("dsit"):
            case "d":
                text = text[:i] + text[i + 1 :]
            case "s":
                text = text[:i] + letter + text[i + 1 :]
            case "i":
                text = text[:i] + letter + text[i:]
            case _ if i < len(text) - 1:
                text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=400, help="misses to keep")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/glossary-batch"))
    parser.add_argument("--cache", type=Path, help="an index cache to reuse (built if empty)")
    args = parser.parse_args()
    compile_package()
    cedict = args.work / "cedict.yaml"
    if not cedict.exists():
        sys.exit(f"error: {cedict} is missing: run benchmarks/batch.py --work {args.work} first")
    if args.cache:
        os.environ["GLOSSARY_CACHE_DIR"] = str(args.cache)
    import glossary

    terms = load_terms()
    library = glossary.open([BUNDLED, cedict])
    library.search("warm up")
    rng = random.Random(args.seed)
    times: list[float] = []
    named = given = tried = 0
    while len(times) < args.queries:
        term = rng.choice(terms)
        english = re.sub(r"\([^)]*\)|\[[^]]*\]", "", term.en).strip().lower()
        if not (6 <= len(english) <= 30 and english.isascii()):
            continue
        query = garble(english, rng.choice((2, 3)), rng)
        tried += 1
        before = time.perf_counter()
        result = library.search(query, 5)
        elapsed = time.perf_counter() - before
        if result.matches:
            continue
        times.append(elapsed)
        named += term.headword in result.suggestions
        given += bool(result.suggestions)
    count = len(times)
    print(f"garbled English names: {tried} tried, {count} found nothing (seed {args.seed})")
    print(f"  the entry among the suggestions: {named} ({100 * named / count:.1f}%)")
    print(f"  any suggestion: {given} ({100 * given / count:.1f}%)")
    print(
        f"  search time: median {1000 * statistics.median(times):.1f} ms, "
        f"p99 {1000 * percentile(times, 0.99):.1f} ms, max {1000 * max(times):.1f} ms"
    )


if __name__ == "__main__":
    main()
