"""Time and peak memory of the hostile inputs issue 15 found unbounded, each run as its own
`glossary` process under a memory and a time limit (so a case that is still unbounded is
stopped and reported, not left to take the machine):

    python benchmarks/hostile.py [--quick] [--limit-mb 3000] [--timeout 120]

- a lookup query of N unpunctuated random hanzi on stdin (issue: 2,000 took 50 s and 6.9 GB);
- a YAML alias bomb in `en`, through `list` (3 GB after 68 s);
- a TBX file nested D elements deep inside <termSec>, through `import tbx` (depth 40,000: 15 s);
- `annotate` of a 100 MB document (the source report repeated) in inline, jsonl and html
  (2.9 GB, 4.8 GB and 14.1 GB).

Each line: the case, the exit code (or what stopped it), wall seconds, peak resident MB (the
child's ru_maxrss) and the first line of its stderr. `--quick` uses a tenth of each size.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "sources" / "deqing-2024-government-work-report.txt"
GLOSSARY = [sys.executable, "-c", "from glossary.cli import main; main()"]


def run(
    args: list[str], stdin: Path | None, env: dict[str, str], limit_mb: int, timeout: float
) -> tuple[str, float, float, str]:
    """(exit or what stopped it, seconds, peak MB, first stderr line) of one process."""

    def limits() -> None:
        size = limit_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    source = stdin.open("rb") if stdin else subprocess.DEVNULL
    with tempfile.TemporaryFile() as err:
        return _wait(args, source, err, env, limits, limit_mb, timeout)


def _wait(
    args: list[str],
    source: Any,
    err: Any,
    env: dict[str, str],
    limits: Any,
    limit_mb: int,
    timeout: float,
) -> tuple[str, float, float, str]:
    started = time.perf_counter()
    child = subprocess.Popen(
        [*GLOSSARY, *args], stdin=source, stdout=subprocess.DEVNULL, stderr=err,
        env=env, preexec_fn=limits,
    )  # fmt: skip
    outcome = ""
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - started > timeout:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            outcome = f"killed after {timeout:.0f} s"
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    lines = err.read().decode("utf-8", "replace").strip().splitlines()
    first = next((line for line in lines if line.startswith(("error", "note", "warning"))), "")
    if not first and lines:
        first = lines[-1]  # a traceback's last line, e.g. MemoryError
    if not outcome:
        outcome = f"exit {child.returncode}"
        if "MemoryError" in first or child.returncode == -9:
            outcome += f" (over {limit_mb} MB)"
    return outcome, seconds, usage.ru_maxrss / 1024, first[:90]


def hanzi_query(folder: Path, length: int) -> Path:
    rng = random.Random(15)
    path = folder / "query.txt"
    path.write_text("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(length)) + "\n")
    return path


def alias_bomb(folder: Path, levels: int) -> Path:
    """A term whose `en` is a list of anchored lists, each eight of the one before: 8^levels."""
    nested = ['&a0 ["lol","lol","lol","lol","lol","lol","lol","lol"]']
    nested += [f"&a{n} [{','.join([f'*a{n - 1}'] * 8)}]" for n in range(1, levels)]
    lines = [
        "version: 1", "terms:", "  - id: bomb", "    headword: 炸弹", "    pinyin: zhà dàn",
        f"    en: [{', '.join(nested)}]", "    definition:", "      zh: 炸弹。",
        "      en: A bomb.",
    ]  # fmt: skip
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def deep_tbx(folder: Path, depth: int) -> Path:
    body = "<note>" * depth + "x" + "</note>" * depth
    path = folder / "deep.tbx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" '
        'xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1">'
        '<langSec xml:lang="zh"><termSec><term>深</term>' + body + "</termSec></langSec>"
        '<langSec xml:lang="en"><termSec><term>deep</term></termSec></langSec>'
        "</conceptEntry></body></text></tbx>\n",
        encoding="utf-8",
    )
    return path


def big_document(folder: Path, megabytes: int) -> Path:
    data = REPORT.read_bytes()
    path = folder / "big.txt"
    with path.open("wb") as handle:
        for _ in range(megabytes * 1_000_000 // len(data) + 1):
            handle.write(data)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of each size")
    parser.add_argument("--limit-mb", type=int, default=3000, help="address-space cap per run")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    options = parser.parse_args()
    scale = 10 if options.quick else 1
    with tempfile.TemporaryDirectory(prefix="glossary-hostile-") as name:
        folder = Path(name)
        env = {**os.environ, "GLOSSARY_CACHE_DIR": str(folder / "cache")}
        env.pop("GLOSSARY_TERMBASE", None)
        document = big_document(folder, 100 // scale)
        run(["lookup", "EOD"], None, env, options.limit_mb, options.timeout)  # build the index
        hanzi, depth = 2000 // scale, 40000 // scale
        bomb, deep = alias_bomb(folder, 9), deep_tbx(folder, depth)
        cases: list[tuple[str, list[str], Path | None]] = [
            (f"lookup - ({hanzi} hanzi)", ["lookup", "-"], hanzi_query(folder, hanzi)),
            ("list, YAML alias bomb (8^9)", ["-t", str(bomb), "list"], None),
            (f"import tbx (depth {depth})", ["import", "tbx", str(deep)], None),
        ]
        for fmt in ("inline", "jsonl", "html"):
            label = f"annotate {100 // scale} MB -f {fmt}"
            cases.append((label, ["annotate", str(document), "-f", fmt], None))
        print(f"{'case':36} {'outcome':26} {'seconds':>8} {'peak MB':>8}  stderr")
        for label, args, stdin in cases:
            outcome, seconds, peak, first = run(args, stdin, env, options.limit_mb, options.timeout)
            print(f"{label:36} {outcome:26} {seconds:8.2f} {peak:8.0f}  {first}", flush=True)


if __name__ == "__main__":
    main()
