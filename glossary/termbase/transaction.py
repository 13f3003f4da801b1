"""One change to a term base file as a transaction: take an exclusive lock on the file (a
`.NAME.lock` file beside it, via filelock), read and check the term base (a file that does not
load is refused with its line, and nothing is written), let a planner work out the new terms,
check them, splice the changed term's YAML into the text (`glossary.termbase.splice`; the house
writer when the file is new or the splice does not parse back to the expected terms), and
replace the file atomically. Concurrent writers queue on the lock, so none loses another's
change; a writer killed mid-write leaves the previous file in place (the new text goes to a
temporary file that is renamed over it only when whole).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from glossary.errors import FileAccessError, InputError, TermBaseError
from glossary.model import Term, term_from_dict
from glossary.termbase import splice
from glossary.termbase.load import parse
from glossary.termbase.save import dump
from glossary.termbase.validate import check
from glossary.termbase.yaml_io import yaml_loader
from glossary.text.fileio import decode_utf8, read_bytes, write_atomic_chunks

WHOLE_CHECK = 2_000_000
"""Characters up to which a spliced text is parsed back whole before it is written; above, the
splice is checked where it was made (the lines cut, or the last term appended after, must be
exactly the term the loader saw there), so one change to a large base costs one parse."""
LOCK_TIMEOUT = 60.0
"""Seconds to wait for another writer before giving up."""
HOLD_WRITE = "GLOSSARY_HOLD_WRITE"
"""For tests: a path; a writer that has written half of the new file creates it and waits, so
a test can kill the writer mid-write deterministically."""


@dataclass(slots=True)
class Snapshot:
    """A term base as read inside the lock."""

    path: Path
    text: str | None
    terms: list[Term]
    raws: list[Any]
    lines: list[int]
    kind: str = "glossary"

    def find(self, key: str) -> int | None:
        for index, term in enumerate(self.terms):
            if key in (term.id, term.headword):
                return index
        return None

    def name_owner(self, name: str, but: int | None = None) -> int | None:
        """The index of a term (other than `but`) with `name` as its headword or an alias."""
        for index, term in enumerate(self.terms):
            if index != but and (name == term.headword or name in term.aliases):
                return index
        return None

    def describe(self, index: int) -> str:
        term = self.terms[index]
        return f"term '{term.id}' ({term.headword}, {self.path}:{self.lines[index]})"


@dataclass(frozen=True, slots=True)
class Plan:
    """New terms and how the text changes: `index` replaced (or removed when `items` is
    None), or `items` appended when `index` is None."""

    terms: list[Term]
    index: int | None
    items: str | None
    written: tuple[Term, ...] = ()
    """The terms whose YAML `items` holds, in order."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a transaction did: its plan, the new text, whether the house writer wrote it whole,
    and the line each written term now starts on."""

    plan: Plan
    text: str
    rewritten: bool
    lines: dict[str, int]


Planner = Callable[[Snapshot], Plan]


def transaction(path: Path, planner: Planner, dry_run: bool) -> Outcome:
    """Lock, read, plan, check, write."""
    with _locked(path):
        snapshot = _read(path)
        plan = planner(snapshot)
        _check_terms(path, list(plan.written), snapshot.kind)
        outcome = _new_text(snapshot, plan)
        if not dry_run:
            _write(path, outcome.text)
    return outcome


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    from filelock import FileLock, Timeout

    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileAccessError(f"{path}: cannot write: folder {folder} does not exist")
    lock_path = folder / f".{path.name}.lock"
    lock = FileLock(str(lock_path), timeout=LOCK_TIMEOUT)
    try:
        lock.acquire()
    except Timeout:
        raise FileAccessError(
            f"{path}: another process has held {lock_path} for {LOCK_TIMEOUT:.0f} s; try again"
        ) from None
    except OSError as exc:
        raise FileAccessError(f"{path}: cannot lock {lock_path}: {exc.strerror}") from None
    try:
        yield
    finally:
        lock.release()


def _read(path: Path) -> Snapshot:
    if not path.exists():
        return Snapshot(path, None, [], [], [])
    name = str(path)
    text = decode_utf8(read_bytes(path), name)
    parsed, problems = parse(text, name)
    problems = problems or check(
        parsed.raws, parsed.lines, name, parsed.kind, controls="\\" in text
    )
    if problems:
        raise TermBaseError(f"{problems[0]} (nothing was written)")
    terms = [term_from_dict(raw) for raw in parsed.raws]
    return Snapshot(path, text, terms, list(parsed.raws), list(parsed.lines), parsed.kind)


def _check_terms(path: Path, terms: list[Term], kind: str) -> None:
    """Refuse a new or changed term the validator would refuse (a bad id, tone numbers)."""
    problems = check([term.to_dict() for term in terms], [0] * len(terms), str(path), kind)
    if problems:
        problem = problems[0]
        raise InputError(f"term '{problem.term_id}': {problem.field}: {problem.message}")


def _new_text(snapshot: Snapshot, plan: Plan) -> Outcome:
    """The new file text, spliced when the splice checks out, else written whole."""
    if snapshot.text is not None:
        spliced = _spliced(snapshot, plan)
        if spliced is not None:
            return Outcome(plan, spliced.text, False, _item_lines(spliced.line, plan))
    text = dump(plan.terms, snapshot.kind)
    return Outcome(plan, text, snapshot.text is not None, _lines_in(text))


def _spliced(snapshot: Snapshot, plan: Plan) -> splice.Spliced | None:
    """The splice, when the lines it was placed by are exactly the term the loader saw there
    and (for a file of up to WHOLE_CHECK characters) the new text parses back to the plan."""
    assert snapshot.text is not None
    if plan.index is None:
        last = len(snapshot.raws) - 1
        start = snapshot.lines[last] if snapshot.raws else None
        spliced = splice.append_term(snapshot.text, start, plan.items or "")
        neighbour = snapshot.raws[last] if snapshot.raws else None
    else:
        start = snapshot.lines[plan.index]
        spliced = splice.replace_term(snapshot.text, start, plan.items)
        neighbour = snapshot.raws[plan.index]
    if spliced is None or not _is_item(spliced.neighbour, neighbour):
        return None
    if len(spliced.text) <= WHOLE_CHECK and not _parses_to(spliced.text, plan.terms, snapshot.path):
        return None
    return spliced


def _is_item(text: str, raw: Any) -> bool:
    """Whether `text` is a YAML sequence of exactly one item, `raw` (or empty for no item)."""
    if raw is None:
        return not text
    try:
        loaded = yaml.load(text, Loader=yaml_loader())
    except yaml.YAMLError:
        return False
    return bool(loaded == [raw])


def _parses_to(text: str, terms: list[Term], path: Path) -> bool:
    parsed, problems = parse(text, str(path))
    if problems or check(parsed.raws, parsed.lines, str(path), parsed.kind, controls="\\" in text):
        return False
    return [term_from_dict(raw) for raw in parsed.raws] == terms


def _item_lines(first: int, plan: Plan) -> dict[str, int]:
    """The line each written term starts on, its items starting at line `first`."""
    lines: dict[str, int] = {}
    line = first
    for term in plan.written:
        lines[term.id] = line
        line += len(splice.lines_of(splice.item_text(term.to_dict())))
    return lines


def _lines_in(text: str) -> dict[str, int]:
    """The line each term of `text` starts on, by id."""
    parsed, _ = parse(text, "")
    return {
        str(raw.get("id")): line
        for raw, line in zip(parsed.raws, parsed.lines, strict=True)
        if isinstance(raw, dict)
    }


def _write(path: Path, text: str) -> None:
    def chunks() -> Iterator[str]:
        half = len(text) // 2
        yield text[:half]
        hold = os.environ.get(HOLD_WRITE)
        if hold:
            Path(hold).write_text("writing\n", encoding="utf-8")
            time.sleep(60)
        yield text[half:]

    write_atomic_chunks(path, chunks())
