"""Start-up and query latency of `glossary lookup`, against the floor of the stack.

Runs each command as a whole process, interleaved round by round so that machine load affects
all alike, after one warm-up run that builds the index cache. Prints medians of the wall time
and of the CPU time (user + system, from os.wait4: steadier than wall time on a busy machine)
and checks that the query path imports neither jieba nor pypinyin nor yaml.

    python benchmarks/lookup.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_support import compile_package  # beside this script, so on sys.path when it runs

HERE = Path(__file__).resolve().parent
GLOSSARY = [sys.executable, "-c", "from glossary.cli import main; main()"]
COMMANDS = {
    "floor: typer + rich panel": [sys.executable, str(HERE / "bare_panel.py"), "EOD"],
    "glossary lookup EOD": [*GLOSSARY, "lookup", "EOD"],
    "glossary lookup yishu xiangjian (pinyin)": [*GLOSSARY, "lookup", "yishu xiangjian"],
    "glossary lookup ysxj (initials)": [*GLOSSARY, "lookup", "ysxj"],
    "glossary lookup 千项万亿 (full text)": [*GLOSSARY, "lookup", "千项万亿"],
    "glossary lookup ecosytem product (typo)": [*GLOSSARY, "lookup", "ecosytem product"],
}
HEAVY = ("jieba", "pypinyin", "yaml", "zhconv")


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if child.returncode != 0:
        raise SystemExit(f"error: {' '.join(command)} exited {child.returncode}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def heavy_imports(command: list[str], env: dict[str, str]) -> list[str]:
    result = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    found = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in result.stderr.splitlines()}
    return sorted(found & set(HEAVY))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=21)
    rounds = parser.parse_args().rounds
    compile_package()  # bytecode as an installed package has it (scale_support)
    env = {**os.environ, "GLOSSARY_CACHE_DIR": tempfile.mkdtemp(prefix="glossary-bench-")}
    env.pop("GLOSSARY_TERMBASE", None)
    for command in COMMANDS.values():
        timed(command, env)  # warm-up: builds the index once, fills the OS cache
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, command in COMMANDS.items():
            wall, cpu = timed(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    floor = statistics.median(walls["floor: typer + rich panel"])
    cpu_floor = statistics.median(cpus["floor: typer + rich panel"])
    print(
        f"glossary lookup benchmark: {rounds} rounds, medians, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'command':44} {'wall ms':>8} {'x floor':>8} {'cpu ms':>8} {'x floor':>8}"
        "  heavy imports on this path"
    )
    for name, command in COMMANDS.items():
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        heavy = "-"
        if not name.startswith("floor"):
            heavy = ", ".join(heavy_imports(command, env)) or "none"
        print(
            f"{name:44} {wall * 1000:8.1f} {wall / floor:8.2f} {cpu * 1000:8.1f} "
            f"{cpu / cpu_floor:8.2f}  {heavy}"
        )


if __name__ == "__main__":
    main()
