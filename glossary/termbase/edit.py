"""Adding, changing and removing terms in a term base file, safely.

Every change is one transaction: take an exclusive lock on the file (a `.NAME.lock` file beside
it, via filelock), read and check the term base (a file that does not load is refused with its
line, and nothing is written), work out the new terms, splice the changed term's YAML into the
text (`glossary.termbase.splice`; the house writer when the file is new or the splice does not
parse back to the expected terms), and replace the file atomically. Concurrent writers queue on
the lock, so none of them loses another's change; a writer killed mid-write leaves the previous
file in place (the new text goes to a temporary file that is renamed over it only when whole).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.errors import FileAccessError, InputError, TermBaseError, TermNotFoundError
from glossary.model import Term, term_from_dict
from glossary.termbase import splice
from glossary.termbase.enrich import id_from_pinyin
from glossary.termbase.load import parse
from glossary.termbase.save import dump
from glossary.termbase.validate import check
from glossary.text.fileio import read_bytes, write_atomic_chunks

LOCK_TIMEOUT = 60.0
"""Seconds to wait for another writer before giving up."""
HOLD_WRITE = "GLOSSARY_HOLD_WRITE"
"""For tests: a path; a writer that has written half of the new file creates it and waits, so
a test can kill the writer mid-write deterministically."""


@dataclass(frozen=True, slots=True)
class EditResult:
    """What one change did: the term as it now is (as it was, for a removal), its YAML as
    written, the line it starts on in the new file (0 when removed), and whether the whole file
    had to be rewritten by the house writer (comments dropped)."""

    action: str  # added, updated, removed
    term: Term
    path: Path
    yaml: str
    line: int = 0
    rewritten: bool = False
    dry_run: bool = False


@dataclass(frozen=True, slots=True)
class TermChange:
    """Changes to a term: Term field names with their new values, aliases to add and remove."""

    fields: dict[str, Any] = field(default_factory=dict)
    add_aliases: tuple[str, ...] = ()
    remove_aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class _Snapshot:
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
class _Plan:
    """New terms and how the text changes: `index` replaced (or removed when `items` is
    None), or `items` appended when `index` is None."""

    terms: list[Term]
    index: int | None
    items: str | None


# -- the operations --------------------------------------------------------------------------


def add_term(
    path: str | Path, term: Term, *, update: bool = False, dry_run: bool = False
) -> EditResult:
    """Add `term`; one whose headword (or id, when it has one) another term already has is
    refused, naming that term, unless `update` merges it into that term. A term without an id
    gets one made from its pinyin (`-2`, `-3` ... when another term has it)."""
    outcome: list[tuple[Term, str]] = []

    def plan(snapshot: _Snapshot) -> _Plan:
        found = snapshot.name_owner(term.headword)
        if found is None and term.id:
            found = snapshot.find(term.id)
        if found is None:
            new = _unique_id(term, snapshot)
            outcome.append((new, "added"))
            return _Plan([*snapshot.terms, new], None, _item(new))
        if not update:
            raise InputError(
                f"{term.headword} is already {snapshot.describe(found)}: change it with "
                f"'glossary edit {snapshot.terms[found].id}', or give --update to merge into it"
            )
        merged = _merge(snapshot.terms[found], term)
        _refuse_taken(snapshot, merged, found)
        outcome.append((merged, "updated"))
        return _replaced(snapshot, found, merged)

    return _result(Path(path), plan, outcome, dry_run)


def add_terms(
    path: str | Path, terms: Sequence[Term], *, dry_run: bool = False
) -> list[EditResult]:
    """Add several new terms in one transaction; a term whose headword is already a name in
    the term base is left out (and not in the results)."""
    added: list[Term] = []

    def plan(snapshot: _Snapshot) -> _Plan:
        for term in terms:
            if snapshot.name_owner(term.headword) is None:
                new = _unique_id(term, snapshot)
                snapshot.terms.append(new)
                added.append(new)
        return _Plan(list(snapshot.terms), None, "".join(_item(term) for term in added))

    _, text, rewritten = _transaction(Path(path), plan, dry_run)
    lines = _lines_of(text) if added else {}
    return [
        EditResult("added", t, Path(path), _item(t), lines.get(t.id, 0), rewritten, dry_run)
        for t in added
    ]


def edit_term(
    path: str | Path, key: str, change: TermChange, *, dry_run: bool = False
) -> EditResult:
    """Change the term whose id or headword is `key`."""
    outcome: list[tuple[Term, str]] = []

    def plan(snapshot: _Snapshot) -> _Plan:
        index = _existing(snapshot, key)
        new = _applied(snapshot.terms[index], change)
        _refuse_taken(snapshot, new, index)
        outcome.append((new, "updated"))
        return _replaced(snapshot, index, new)

    return _result(Path(path), plan, outcome, dry_run)


def remove_term(path: str | Path, key: str, *, dry_run: bool = False) -> EditResult:
    """Remove the term whose id or headword is `key`."""
    outcome: list[tuple[Term, str]] = []

    def plan(snapshot: _Snapshot) -> _Plan:
        index = _existing(snapshot, key)
        outcome.append((snapshot.terms[index], "removed"))
        return _Plan(snapshot.terms[:index] + snapshot.terms[index + 1 :], index, None)

    return _result(Path(path), plan, outcome, dry_run)


def _result(
    path: Path, planner: Planner, outcome: list[tuple[Term, str]], dry_run: bool
) -> EditResult:
    plan, text, rewritten = _transaction(path, planner, dry_run)
    term, action = outcome[0]
    if action == "removed":
        return EditResult(action, term, path, _item(term), 0, rewritten, dry_run)
    line = _lines_of(text).get(term.id, 0)
    return EditResult(action, term, path, plan.items or "", line, rewritten, dry_run)


# -- term-level helpers -----------------------------------------------------------------------


def _existing(snapshot: _Snapshot, key: str) -> int:
    index = snapshot.find(key)
    if index is None:
        raise TermNotFoundError(f"{snapshot.path}: no term with id or headword '{key}'")
    return index


def _refuse_taken(snapshot: _Snapshot, term: Term, index: int) -> None:
    for name in (term.headword, *term.aliases):
        owner = snapshot.name_owner(name, but=index)
        if owner is not None:
            raise InputError(f"{name} is already a name of {snapshot.describe(owner)}")
    for other, existing in enumerate(snapshot.terms):
        if other != index and existing.id == term.id:
            raise InputError(f"id '{term.id}' is already {snapshot.describe(other)}")


def _applied(term: Term, change: TermChange) -> Term:
    new = term.with_changes(**change.fields) if change.fields else term
    missing = [alias for alias in change.remove_aliases if alias not in new.aliases]
    if missing:
        have = ", ".join(new.aliases) or "none"
        raise InputError(f"term '{term.id}' has no alias {missing[0]!r} (its aliases: {have})")
    aliases = [alias for alias in new.aliases if alias not in change.remove_aliases]
    aliases += [alias for alias in change.add_aliases if alias not in aliases]
    return new.with_changes(aliases=tuple(aliases))


def _merge(old: Term, new: Term) -> Term:
    """`new`'s non-empty fields over `old`'s; aliases and tags joined."""
    changes = {
        name: getattr(new, name)
        for name in ("headword", "pinyin", "en", "printed", "definition_zh", "definition_en",
                     "note", "source")
        if getattr(new, name)
    }  # fmt: skip
    if new.status != "complete":
        changes["status"] = new.status
    changes["aliases"] = tuple(dict.fromkeys([*old.aliases, *new.aliases]))
    changes["tags"] = tuple(dict.fromkeys([*old.tags, *new.tags]))
    return old.with_changes(**changes)


def _unique_id(term: Term, snapshot: _Snapshot) -> Term:
    if not term.id:
        term = term.with_changes(id=id_from_pinyin(term.pinyin or term.headword))
    taken = {existing.id for existing in snapshot.terms}
    if term.id not in taken:
        return term
    number = 2
    while f"{term.id}-{number}" in taken:
        number += 1
    return term.with_changes(id=f"{term.id}-{number}")


def _item(term: Term, keys: list[str] | None = None) -> str:
    data = term.to_dict()
    return splice.item_text(splice.ordered_like(data, keys) if keys else data)


def _replaced(snapshot: _Snapshot, index: int, term: Term) -> _Plan:
    raw = snapshot.raws[index]
    keys = [str(key) for key in raw] if isinstance(raw, dict) else None
    terms = [*snapshot.terms[:index], term, *snapshot.terms[index + 1 :]]
    return _Plan(terms, index, _item(term, keys))


# -- the transaction --------------------------------------------------------------------------


Planner = Callable[[_Snapshot], _Plan]


def _transaction(path: Path, planner: Planner, dry_run: bool) -> tuple[_Plan, str, bool]:
    """Lock, read, plan, check, write: the plan, the new text and whether it was rewritten."""
    with _locked(path):
        snapshot = _read(path)
        plan = planner(snapshot)
        _check_terms(path, plan.terms)
        text, rewritten = _new_text(snapshot, plan)
        if not dry_run:
            _write(path, text)
    return plan, text, rewritten


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


def _read(path: Path) -> _Snapshot:
    if not path.exists():
        return _Snapshot(path, None, [], [], [])
    from glossary.text.fileio import decode_utf8

    name = str(path)
    text = decode_utf8(read_bytes(path), name)
    parsed, problems = parse(text, name)
    problems = problems or check(parsed.raws, parsed.lines, name)
    if problems:
        raise TermBaseError(f"{problems[0]} (nothing was written)")
    terms = [term_from_dict(raw) for raw in parsed.raws]
    return _Snapshot(path, text, terms, list(parsed.raws), list(parsed.lines), parsed.kind)


def _check_terms(path: Path, terms: list[Term]) -> None:
    """Refuse a new or changed term the validator would refuse (a bad id, tone numbers)."""
    problems = check([term.to_dict() for term in terms], [0] * len(terms), str(path))
    if problems:
        problem = problems[0]
        raise InputError(f"term '{problem.term_id}': {problem.field}: {problem.message}")


def _new_text(snapshot: _Snapshot, plan: _Plan) -> tuple[str, bool]:
    """The new file text, spliced when possible; and whether the house writer wrote it all."""
    if snapshot.text is not None:
        spliced: str | None
        if plan.index is None:
            last = snapshot.lines[len(snapshot.raws) - 1] if snapshot.raws else None
            spliced = splice.append_term(snapshot.text, last, plan.items or "")
        else:
            spliced = splice.replace_term(snapshot.text, snapshot.lines[plan.index], plan.items)
        if spliced is not None and _parses_to(spliced, plan.terms, snapshot.path):
            return spliced, False
    return dump(plan.terms, snapshot.kind), snapshot.text is not None


def _parses_to(text: str, terms: list[Term], path: Path) -> bool:
    parsed, problems = parse(text, str(path))
    if problems or check(parsed.raws, parsed.lines, str(path)):
        return False
    return [term_from_dict(raw) for raw in parsed.raws] == terms


def _lines_of(text: str) -> dict[str, int]:
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
