"""Hostile data files against the commands that read them: wall time and peak memory.

    python benchmarks/hostile_data.py

Each case writes its file into a temporary folder and runs the `glossary` command a user would
run, as a separate process, printing its exit code, wall time, the child's peak RSS (from
`os.wait4`) and the first line of stderr. Before issue 15 an alias bomb in `en` ran for more than
a minute and grew to gigabytes, a 40,000-deep TBX took 15 s, and a 2 MB gzip of zeros expanded
to 2 GB; each is now refused at once. A long run of breaks that a dictionary word spans, before a
deprecated name, made `check` look back over the text once per break (7 s); now once per kind
of break.
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


SPANNED_BREAKS = (
    "kind: dictionary\nterms:\n- id: w\n  headword: 一不做，二不休\n  pinyin: yī bù zuò èr bù xiū\n"
    "  en: in for a penny, in for a pound\n",
    "terms:\n- id: kaohe\n  headword: 考核\n  pinyin: kǎohé\n  en: assessment\n"
    "  aliases:\n  - {name: 考覈, status: deprecated}\n",
    "一不做，二不休" * 40_000 + "考覈。、；：？！…—·|/~()[]<>《》〈〉【】〔〕",
)
"""A dictionary word holding a break (，) repeated 40,000 times before a deprecated name, with
every other break after it: `check` looks back for the last cut before the name (the first
version of that search took 7 s here, one pass over the text per spanned break)."""


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
        for name, content in zip(
            ("words.yaml", "unfit.yaml", "breaks.txt"), SPANNED_BREAKS, strict=True
        ):
            (work / name).write_text(content, encoding="utf-8")
        unfit_beside_words = ["-t", str(work / "unfit.yaml"), "-t", str(work / "words.yaml")]
        cases = [
            ("alias bomb in en: lookup", ["lookup", "x", "-t", str(work / "bomb.yaml")]),
            ("alias bomb in en: validate", ["validate", str(work / "bomb.yaml")]),
            ("TBX nested 40,000 deep: import", ["import", "tbx", str(work / "deep.tbx")]),
            (
                f"gzip of 2 GB zeros ({(work / 'bomb.u8.gz').stat().st_size // 1024} KB): import",
                ["import", "cedict", str(work / "bomb.u8.gz")],
            ),
            (
                "280,000 spanned breaks before a name: check",
                ["check", "-f", "plain", str(work / "breaks.txt"), *unfit_beside_words],
            ),
        ]
        print(f"{'case':<44} {'exit':>4} {'wall s':>7} {'peak MB':>8}  stderr")
        for label, args in cases:
            code, wall, peak, first = run([*glossary, *args], env)
            print(f"{label:<44} {code:>4} {wall:>7.2f} {peak:>8.0f}  {first[:90]}")


if __name__ == "__main__":
    main()
