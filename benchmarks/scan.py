"""Figures for the scanner alone, in this process with the index open: the time of
`Scanner.scan` over a text (by default /tmp/glossary-batch/1mb.txt, the batch benchmark's 1 MB of
Chinese) against the bundled term base and against the bundled base beside CC-CEDICT, with
and without `glossaries_only` (what `check` asks for), and the time to make the scanner from
the index's tables (part of every command's start-up).

    python benchmarks/scan.py [--text FILE] [--rounds 5] [--no-cedict]
                              [--cedict-yaml FILE] [--cache DIR]

Prints, per term-base set: the scanner's load time, then for each mode the best and median
wall time of --rounds scans, the best CPU time (steadier on a shared machine), MB/s (best
wall) and the number of occurrences, and a digest of them, so two
checkouts can be compared for identical results. The first scan is not counted (it imports
jieba's segmenter when a short name needs it). Run it interleaved in the old and new
checkouts; the machine is noisy, so compare the best figures.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

MEGABYTE = 1_000_000
BATCH = Path("/tmp/glossary-batch")


def measure(label: str, paths: list[Path], text: str, rounds: int) -> None:
    from glossary.index.database import open_store
    from glossary.scan.document import scanner_of

    store = open_store(paths)
    started = time.perf_counter()
    scanner = scanner_of(store)
    loaded = time.perf_counter() - started
    print(f"{label}: scanner made from the index's tables in {loaded * 1000:.1f} ms")
    megabytes = len(text.encode("utf-8")) / MEGABYTE
    for only in (False, True):
        found = scanner.scan(text, glossaries_only=only)  # warm-up (jieba's segmenter)
        times, cpu = [], []
        for _ in range(rounds):
            started, used = time.perf_counter(), time.process_time()
            scanner.scan(text, glossaries_only=only)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
        digest = hashlib.sha256(repr(found).encode()).hexdigest()[:12]
        mode = "glossaries_only" if only else "all terms"
        print(
            f"  {mode:16} best {min(times) * 1000:7.1f} ms  median "
            f"{statistics.median(times) * 1000:7.1f} ms  CPU best {min(cpu) * 1000:7.1f} ms  "
            f"{megabytes / min(times):6.1f} MB/s  "
            f"{len(found):,} occurrences (digest {digest})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text", type=Path, default=BATCH / "1mb.txt")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-cedict", action="store_true", help="Only the bundled term base.")
    parser.add_argument("--cedict-yaml", type=Path, default=BATCH / "cedict.yaml")
    parser.add_argument("--cache", type=Path, help="an index cache to reuse (kept)")
    options = parser.parse_args()
    if not options.text.is_file():
        sys.exit(f"error: {options.text} not found (benchmarks/batch.py --work makes it)")
    from glossary.termbase.locations import bundled_path

    cache = options.cache or Path(tempfile.mkdtemp(prefix="glossary-scan-"))
    os.environ["GLOSSARY_CACHE_DIR"] = str(cache)
    text = options.text.read_text(encoding="utf-8")
    print(
        f"text: {options.text}, {len(text.encode('utf-8')) / MEGABYTE:.2f} MB, {len(text):,} chars"
    )
    measure("bundled", [bundled_path()], text, options.rounds)
    if not options.no_cedict:
        if not options.cedict_yaml.is_file():
            sys.exit(f"error: {options.cedict_yaml} not found (give --cedict-yaml)")
        measure("bundled + CC-CEDICT", [bundled_path(), options.cedict_yaml], text, options.rounds)


if __name__ == "__main__":
    main()
