"""Hostile data files against the commands that read them: wall time and peak memory.

    python benchmarks/hostile_data.py

Each case writes its file into a temporary folder and runs the `glossary` command a user would
run, as a separate process, printing its exit code, wall time, the child's peak RSS (from
`os.wait4`) and the first line of stderr. Before issue 15 an alias bomb in `en` ran for more than
a minute and grew to gigabytes, a 40,000-deep TBX took 15 s, and a 2 MB gzip of zeros expanded
to 2 GB; each is now refused at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path


def alias_bomb() -> str:
    lines = ['    - &a0 ["lol"]']
    for level in range(1, 10):
        lines.append(f"    - &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]")
    return (
        "terms:\n- id: bomb\n  headword: 炸弹\n  pinyin: zhàdàn\n  scratch:\n"
        + "\n".join(lines)
        + "\n  en: *a9\n"
    )


def deep_tbx(depth: int = 40_000) -> bytes:
    return (
        '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="zh"><termSec>'
        + "<hi>" * depth
        + "x"
        + "</hi>" * depth
        + "</termSec></langSec></conceptEntry></body></text></tbx>"
    ).encode()


def gzip_bomb(megabytes: int = 2_000) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(2**20)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def run(args: list[str], env: dict[str, str]) -> tuple[int, float, float, str]:
    """Exit code, wall seconds, peak RSS in MB and the first stderr line of a child."""
    started = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert child.stderr is not None
    err = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    first = err.strip().splitlines()[0] if err.strip() else ""
    return child.returncode, wall, usage.ru_maxrss / 1024, first


def main() -> None:
    if not (Path(sys.prefix) / "bin" / "glossary").exists():
        raise SystemExit("install the project first: pip install -e '.[test]'")
    glossary = [str(Path(sys.prefix) / "bin" / "glossary")]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "GLOSSARY_CACHE_DIR": str(work / "cache")}
        (work / "bomb.yaml").write_text(alias_bomb(), encoding="utf-8")
        (work / "deep.tbx").write_bytes(deep_tbx())
        (work / "bomb.u8.gz").write_bytes(gzip_bomb())
        cases = [
            ("alias bomb in en: lookup", ["lookup", "x", "-t", str(work / "bomb.yaml")]),
            ("alias bomb in en: validate", ["validate", str(work / "bomb.yaml")]),
            ("TBX nested 40,000 deep: import", ["import", "tbx", str(work / "deep.tbx")]),
            (
                f"gzip of 2 GB zeros ({(work / 'bomb.u8.gz').stat().st_size // 1024} KB): import",
                ["import", "cedict", str(work / "bomb.u8.gz")],
            ),
        ]
        print(f"{'case':<44} {'exit':>4} {'wall s':>7} {'peak MB':>8}  stderr")
        for label, args in cases:
            code, wall, peak, first = run([*glossary, *args], env)
            print(f"{label:<44} {code:>4} {wall:>7.2f} {peak:>8.0f}  {first[:90]}")


if __name__ == "__main__":
    main()
