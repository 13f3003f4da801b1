"""Figures for `glossary annotate`: throughput after start-up, and a one-page draft end to end.

    python benchmarks/annotate.py
    python benchmarks/annotate.py --beside /tmp/glossary-batch/cedict.yaml --cache DIR

Prints MB/s for scanning (and scanning + the inline rendering) of a generated 1 MB document,
the body of the source report repeated, with the bundled term base; and the median wall time of
`glossary annotate page.txt` as a separate process (start-up included) for a one-page draft.
Targets (issue 4): >= 5 MB/s, one page < 0.5 s.

With `--beside`, instead: what `annotate` does after the scan, for each format, with the bundled
base beside that term base (CC-CEDICT: 174,000 occurrences in the 1 MB document): the CPU
seconds from the scanner's occurrences to the bytes written (to /dev/null), best of 5. It uses
only `render.annotate_stream.STREAMED`, so the same script measures an older checkout too (run
it with that checkout's Python). The whole-process figure is `benchmarks/batch.py`'s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import scale_support  # beside this script, so on sys.path when it runs
from scale_support import compile_package

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "sources" / "deqing-2024-government-work-report.txt"
RUNS = 11


def report_body() -> str:
    text = REPORT.read_text(encoding="utf-8")
    return text[: text.index("三个一号工程 即省委")]


def throughput() -> None:
    from glossary.render import annotate as annotate_render
    from glossary.scan.document import scanner_for
    from glossary.termbase.load import load
    from glossary.termbase.locations import bundled_path

    body = report_body()
    document = body * (1_000_000 // len(body.encode("utf-8")) + 1)
    megabytes = len(document.encode("utf-8")) / 1e6
    scanner = scanner_for([bundled_path()])
    terms = {term.id: term for term in load(bundled_path()).terms}
    scan_times, total_times = [], []
    for _ in range(5):
        started = time.perf_counter()
        occurrences = scanner.scan(document)
        scanned = time.perf_counter()
        annotate_render.inline(document, occurrences, terms)
        scan_times.append(scanned - started)
        total_times.append(time.perf_counter() - started)
    print(
        f"document: {megabytes:.2f} MB, {len(document):,} characters, "
        f"{len(occurrences)} occurrences"
    )
    print(f"scan:           {megabytes / statistics.median(scan_times):6.1f} MB/s (median of 5)")
    print(f"scan + inline:  {megabytes / statistics.median(total_times):6.1f} MB/s (median of 5)")
    print(f"jieba imported while scanning (a short name was checked): {'jieba' in sys.modules}")


def one_page(page: str, label: str) -> None:
    command = Path(sys.executable).parent / "glossary"
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "page.txt"
        draft.write_text(page, encoding="utf-8")
        env = {**os.environ, "GLOSSARY_CACHE_DIR": str(Path(folder) / "cache")}
        times = []
        for _ in range(RUNS + 1):
            started = time.perf_counter()
            subprocess.run(
                [str(command), "annotate", str(draft)],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            times.append(time.perf_counter() - started)
    print(f"{label} ({len(page)} characters), cold cache: {times[0]:.3f} s")
    print(f"{label}, warm cache: {statistics.median(times[1:]):.3f} s (median of {RUNS} runs)")


def after_scan(beside: Path) -> None:
    from glossary.index.database import open_store
    from glossary.render.annotate_stream import STREAMED
    from glossary.scan.document import parts_in
    from glossary.termbase.locations import bundled_path

    document, _ = scale_support.document()  # batch.py's 1 MB document
    store = open_store([bundled_path(), beside])
    parts = list(parts_in(store, [document]))
    found = sum(len(part.occurrences) for part, _terms in parts)
    print(f"document: {len(document.encode('utf-8')) / 1e6:.2f} MB, {found:,} occurrences")
    for name, every in [(name, False) for name in STREAMED] + [("inline", True)]:
        best, written = float("inf"), 0
        for _ in range(5):
            started = time.process_time()
            written = _write_all(STREAMED[name](parts, every, "doc.txt"))
            best = min(best, time.process_time() - started)
        label = name + (" --every" if every else "")
        print(f"  {label:16} {best:6.3f} s CPU after the scan, {written / 1e6:5.1f} MB written")


def _write_all(pieces: Iterable[str | bytes]) -> int:
    """Write as `glossary annotate` does (UTF-8, to /dev/null); the bytes written."""
    written = 0
    with open(os.devnull, "wb") as sink:
        for piece in pieces:
            written += sink.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beside", type=Path, help="a term base to scan beside the bundled one")
    parser.add_argument("--cache", type=Path, help="the index cache to use (kept)")
    args = parser.parse_args()
    if args.beside:
        if args.cache:
            os.environ["GLOSSARY_CACHE_DIR"] = str(args.cache)
        after_scan(args.beside)
        sys.exit(0)
    compile_package()  # bytecode as an installed package has it (scale_support)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["GLOSSARY_CACHE_DIR"] = cache
        throughput()
    page = report_body()[:1500]  # about one printed page of Chinese
    one_page(page, "one page")
    # A short name (六率) between Chinese characters needs jieba's word boundaries.
    one_page(page[:-20] + "抓好六率考核。", "one page with a short name (jieba checks it)")
