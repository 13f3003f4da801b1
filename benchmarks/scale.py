"""The scale benchmark (issue 6): the bundled glossary beside CC-CEDICT, at three sizes.

    python benchmarks/scale.py [--sizes 15,10000,full] [--rounds 7] [--timeout 120]

Size 15 is the bundled term base alone; `full` (or any size from 122,000) is the bundled term
base beside the whole of CC-CEDICT (122,143 entries), and any other size N beside its first N
entries, imported through the real CLI (`glossary import cedict FILE --into`). For each size,
with a private GLOSSARY_CACHE_DIR: the first `lookup` (it builds the index), the median of
--rounds whole-process lookups of each query and whether the right entry came first, annotate
throughput (in-process scan of a 1 MB document, and `glossary annotate` as a process), and the
peak RSS of every child process. Prints one table, with each target and a pass/fail mark for
the largest size measured, then what dominates a warm lookup at that size (cProfile).

Only the CLI and the library's entry points `glossary.scan.document.scanner_for` and
`glossary.termbase.load` are used, so the internals can change under it. A command that fails
or runs past --timeout is reported as a failure; one slower than --patience on its first timed
run is not repeated.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scale_support import (  # beside this script, so on sys.path when it runs
    CEDICT_ID,
    QUERIES,
    Run,
    cedict_file,
    census,
    document,
    dominant_cost,
    glossary_command,
    pad,
    run,
    write_subset,
)

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "terms.yaml"
BUNDLED_ID = "lianheguo-2030-niankechixufazhanyicheng"
"""The bundled term for sustainable development: the right first hit without CEDICT's."""


@dataclass
class Cell:
    """One measurement: the value the target is judged on, how it reads, whether it passes."""

    text: str
    ok: bool | None = None  # None: no target for this row


@dataclass
class Column:
    entries: int  # CC-CEDICT entries beside the bundled glossary (0: the glossary alone)
    label: str
    terms: int = 0
    cells: dict[str, Cell] = field(default_factory=dict)
    hits: dict[str, tuple[str, str]] = field(default_factory=dict)  # query -> (first, expected)
    slowest: tuple[float, str] = (0.0, "")
    profile: str = ""
    has_entry: bool = False  # whether its CC-CEDICT part has the 可持续发展 entry


ROWS = [
    ("import", "import cedict --into: wall", "< 30 s"),
    ("import_rss", "import cedict --into: peak RSS", "-"),
    ("index", "lookup, first run (builds the index)", "< 60 s"),
    ("index_rss", "lookup, first run: peak RSS", "-"),
    *((f"q:{query}", f"lookup {query}", "< 300 ms, right 1st") for query in QUERIES),
    ("lookup_rss", "lookup, later runs: peak RSS (max)", "< 400 MB"),
    ("scan_build", "annotate: scanner, first use (in-process)", "-"),
    ("scan_mbs", "annotate: scan of 1 MB after start-up", ">= 2 MB/s"),
    ("scan_rss", "annotate in-process: peak RSS", "< 400 MB"),
    ("annotate", "annotate --format jsonl 1 MB (process)", "-"),
    ("annotate_rss", "annotate --format jsonl: peak RSS", "< 400 MB"),
]


def bundled_terms() -> int:
    from glossary.termbase.load import load

    return len(load(BUNDLED).terms)


def columns_for(sizes: str, total: int) -> list[Column]:
    """`15,10000,full` -> columns of 0, 10,000 and every CC-CEDICT entry beside the glossary."""
    counts = set()
    for size in sizes.split(","):
        size = size.strip().lower()
        if size:
            number = total if size == "full" else int(size)
            counts.add(0 if number <= 15 else total if number >= 122_000 else min(number, total))
    return [Column(count, label(count)) for count in sorted(counts)]


def label(entries: int) -> str:
    if not entries:
        return "15"
    return f"{entries // 1000}k" if entries >= 1000 else str(entries)


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"


def failed(result: Run) -> Cell:
    return Cell("timeout" if result.timed_out else f"exit {result.returncode}", False)


def rss_cell(megabytes: float) -> Cell:
    return Cell(f"{megabytes:.0f} MB", megabytes < 400)


def build_termbases(
    column: Column, folder: Path, source: Path, census: tuple[int, int], timeout: float
) -> list[Path]:
    """The term bases of this size; a CEDICT part is imported through the CLI, and timed.
    `census` is CC-CEDICT's entry count and the number of its 可持续发展 entry."""
    column.terms = bundled_terms() + column.entries
    if not column.entries:
        return [BUNDLED]
    total, entry = census
    subset = source  # the whole file, as shipped
    if column.entries < total:
        subset = folder / f"cedict-{column.entries}.txt"
        write_subset(source, column.entries, subset)
    column.has_entry = 0 < entry <= column.entries
    into = folder / f"cedict-{column.entries}.yaml"
    result = run(
        [*glossary_command(), "import", "cedict", str(subset), "--into", str(into)], timeout=timeout
    )
    if result.ok:
        column.cells["import"] = Cell(seconds(result.seconds), result.seconds < 30)
        column.cells["import_rss"] = Cell(f"{result.rss_mb:.0f} MB")
    else:
        column.cells["import"] = failed(result)
    return [BUNDLED, into]


def first_hit(result: Run) -> str:
    if result.returncode == 1:
        return "(nothing)"
    try:
        data = json.loads(result.stdout)
    except json.JSONDecodeError:
        return "(not JSON)"
    answer = data[0] if isinstance(data, list) else data
    hits = answer.get("results") or [{}]
    return str(hits[0].get("id", "(nothing)"))


def measure_lookups(
    column: Column, bases: list[Path], env: dict[str, str], args: argparse.Namespace
) -> None:
    base_args = [arg for path in bases for arg in ("--termbase", str(path))]
    command = [*glossary_command(), *base_args, "lookup", "--json"]
    expected = CEDICT_ID if column.has_entry else BUNDLED_ID
    first = run([*command, QUERIES[0]], env=env, timeout=args.timeout)
    if first.ok or first.returncode == 1:
        column.cells["index"] = Cell(seconds(first.seconds), first.seconds < 60)
        column.cells["index_rss"] = rss_cell(first.rss_mb)
    else:
        column.cells["index"] = failed(first)
    times: dict[str, list[float]] = {query: [] for query in QUERIES}
    broken: dict[str, Run] = {}
    rss = 0.0
    for _ in range(args.rounds):
        for query in QUERIES:
            if query in broken or (times[query] and times[query][0] > args.patience):
                continue
            result = run([*command, query], env=env, timeout=args.timeout)
            if not (result.ok or result.returncode == 1):
                broken[query] = result
                continue
            times[query].append(result.seconds)
            rss = max(rss, result.rss_mb)
            column.hits[query] = (first_hit(result), expected)
    for query in QUERIES:
        if query in broken:
            column.cells[f"q:{query}"] = failed(broken[query])
            continue
        median = statistics.median(times[query])
        right = column.hits[query][0] == expected
        runs = "" if len(times[query]) == args.rounds else f" ({len(times[query])} run)"
        mark = "" if right else " wrong 1st"
        column.cells[f"q:{query}"] = Cell(f"{seconds(median)}{runs}{mark}", median < 0.3 and right)
        column.slowest = max(column.slowest, (median, query))
    if rss:
        column.cells["lookup_rss"] = rss_cell(rss)


def measure_annotate(
    column: Column, bases: list[Path], env: dict[str, str], args: argparse.Namespace, doc: Path
) -> None:
    child = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--scan-child",
        str(doc),
        *map(str, bases),
    ]
    result = run(child, env=env, timeout=args.timeout)
    if result.ok:
        figures = json.loads(result.stdout)
        column.cells["scan_build"] = Cell(seconds(figures["build"]))
        column.cells["scan_mbs"] = Cell(f"{figures['mb_per_s']:.2f} MB/s", figures["mb_per_s"] >= 2)
        column.cells["scan_rss"] = rss_cell(result.rss_mb)
        if not figures["spans_ok"]:
            column.cells["scan_mbs"] = Cell(column.cells["scan_mbs"].text + " bad spans", False)
    else:
        column.cells["scan_mbs"] = failed(result)
    base_args = [arg for path in bases for arg in ("--termbase", str(path))]
    command = [*glossary_command(), *base_args, "annotate", "--format", "jsonl", str(doc)]
    times, rss = [], 0.0
    for _ in range(3):
        result = run(command, env=env, timeout=args.timeout)
        if not result.ok:
            column.cells["annotate"] = failed(result)
            return
        times.append(result.seconds)
        rss = max(rss, result.rss_mb)
        if result.seconds > args.patience:
            break
    runs = "" if len(times) == 3 else f" ({len(times)} run)"
    column.cells["annotate"] = Cell(f"{seconds(statistics.median(times))}{runs}")
    column.cells["annotate_rss"] = rss_cell(rss)


def scan_child(doc: Path, bases: Sequence[str]) -> None:
    """In a child process: build the scanner, time scans of the document, check the spans."""
    from glossary.scan.document import scanner_for

    text = doc.read_text(encoding="utf-8")
    megabytes = len(text.encode("utf-8")) / 1e6
    paths = [Path(base) for base in bases]
    started = time.perf_counter()
    scanner = scanner_for(paths)
    built = time.perf_counter() - started
    scans = []
    for _ in range(3):
        started = time.perf_counter()
        occurrences = scanner.scan(text)
        scans.append(time.perf_counter() - started)
    spans_ok = all(text[o.start : o.end] == o.surface for o in occurrences) and all(
        a.end <= b.start for a, b in itertools.pairwise(occurrences)
    )
    median = statistics.median(scans)
    print(
        json.dumps(
            {
                "build": built,
                "scan": median,
                "mb_per_s": megabytes / median,
                "occurrences": len(occurrences),
                "spans_ok": spans_ok,
            }
        )
    )


def print_table(columns: list[Column], rounds: int) -> None:
    top = columns[-1]
    width = max(len(name) for _, name, _ in ROWS) + 2
    head = pad("measurement", width) + "".join(pad(c.label, 20, right=True) for c in columns)
    head += pad("target", 22, right=True) + f"  at {top.label}"
    print(head)
    print("-" * len(head))
    for key, name, target in ROWS:
        cells = [column.cells.get(key) for column in columns]
        if not any(cells):
            continue
        texts = "".join(pad(cell.text if cell else "-", 20, right=True) for cell in cells)
        mark = "-"
        if target != "-":
            cell = top.cells.get(key)
            mark = "✗" if cell is None or cell.ok is False else "✓"
        print(pad(name, width) + texts + pad(target, 22, right=True) + f"  {mark}")
    print(
        f"lookups: median of {rounds} whole-process runs with the index ready ('1 run': slower "
        "than --patience, not repeated);\npeak RSS is each child process's own (os.wait4); "
        f"the last column judges the largest size ({top.label}) against the target;\nthe "
        "400 MB target is for runs with the index ready (issue 6): the one-off index build's "
        "peak is shown without one"
    )


def print_hits(columns: list[Column]) -> None:
    print("\nfirst hit of each lookup (✓: the expected entry; ✗: what was expected):")
    for query in QUERIES:
        parts = []
        for column in columns:
            if query in column.hits:
                got, expected = column.hits[query]
                right = "✓" if got == expected else f"✗ {expected}"
                parts.append(f"{column.label}: {got} {right}")
        print(f"  {pad(query, 25)} " + ("; ".join(parts) or "(no run finished)"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes",
        default="15,10000,full",
        help="comma-separated sizes: 15 (the glossary alone), N (beside the first N CC-CEDICT "
        "entries), full (beside all of it) (default: 15,10000,full)",
    )
    parser.add_argument("--rounds", type=int, default=7, help="runs per lookup (default 7)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per command")
    parser.add_argument(
        "--patience",
        type=float,
        default=5,
        help="a command slower than this on its first run is not repeated",
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile line")
    parser.add_argument("--scan-child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scan_child:
        scan_child(Path(args.scan_child[0]), args.scan_child[1:])
        return
    source = cedict_file()
    counted = census(source)
    columns = columns_for(args.sizes, counted[0])
    with tempfile.TemporaryDirectory(prefix="glossary-scale-") as tmp:
        folder = Path(tmp)
        doc = folder / "document.txt"
        text, note = document()
        doc.write_text(text, encoding="utf-8")
        print(f"glossary scale benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        print(f"CC-CEDICT: {source}")
        print(f"annotate document: {note}", flush=True)
        for column in columns:
            print(f"measuring {column.label} ...", file=sys.stderr, flush=True)
            env = {**os.environ, "GLOSSARY_CACHE_DIR": str(folder / f"cache-{column.entries}")}
            env.pop("GLOSSARY_TERMBASE", None)
            env.pop("GLOSSARY_TERMINAL", None)
            bases = build_termbases(column, folder, source, counted, args.timeout)
            measure_lookups(column, bases, env, args)
            measure_annotate(column, bases, env, args, doc)
            if column is columns[-1] and not args.no_profile and column.slowest[1]:
                base_args = [a for path in bases for a in ("--termbase", str(path))]
                query = column.slowest[1]
                profile = dominant_cost(
                    [*base_args, "lookup", "--json", query], env, folder, args.timeout
                )
                column.profile = f"one warm `lookup {query}`: {profile}"
        counts = ", ".join(f"{column.label} = {column.terms:,}" for column in columns)
        print(f"\nterms per size: {counts} (bundled glossary + CC-CEDICT entries)\n")
        print_table(columns, args.rounds)
        print_hits(columns)
        for column in columns:
            if column.entries and not column.has_entry:
                print(
                    f"  ({column.label}: 可持续发展 is CC-CEDICT entry {counted[1]:,}, not among "
                    f"the first {column.entries:,}, so the bundled term is the right first hit)"
                )
        top = columns[-1]
        if top.profile:
            print(f"\nwhat dominates at {top.label} (cProfile of {top.profile})")


if __name__ == "__main__":
    main()
