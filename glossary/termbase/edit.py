"""Adding, changing and removing terms in a term base file: the plans of add, edit and remove,
each run as one locked, atomic transaction (`glossary.termbase.transaction`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.errors import InputError, TermNotFoundError
from glossary.model import Term
from glossary.termbase import splice
from glossary.termbase.enrich import id_from_pinyin
from glossary.termbase.merge import unique_id
from glossary.termbase.transaction import Plan, Planner, Snapshot, transaction


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
    """Changes to a term: Term field names with their new values, aliases to add and remove,
    and (alias, status) pairs that give aliases a status (deprecated, forbidden, admitted)."""

    fields: dict[str, Any] = field(default_factory=dict)
    add_aliases: tuple[str, ...] = ()
    remove_aliases: tuple[str, ...] = ()
    alias_statuses: tuple[tuple[str, str], ...] = ()


# -- the operations --------------------------------------------------------------------------


def add_term(
    path: str | Path, term: Term, *, update: bool = False, dry_run: bool = False
) -> EditResult:
    """Add `term`; one whose headword (or id, when it has one) another term already has is
    refused, naming that term, unless `update` merges it into that term. A term without an id
    gets one made from its pinyin (`-2`, `-3` ... when another term has it)."""
    outcome: list[tuple[Term, str]] = []

    def plan(snapshot: Snapshot) -> Plan:
        found = snapshot.name_owner(term.headword)
        if found is None and term.id:
            found = snapshot.find(term.id)
        if found is None:
            new = _unique_id(term, snapshot)
            outcome.append((new, "added"))
            return Plan([*snapshot.terms, new], None, _item(new), (new,))
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

    def plan(snapshot: Snapshot) -> Plan:
        for term in terms:
            if snapshot.name_owner(term.headword) is None:
                new = _unique_id(term, snapshot)
                snapshot.terms.append(new)
                added.append(new)
        items = "".join(_item(term) for term in added)
        return Plan(list(snapshot.terms), None, items, tuple(added))

    done = transaction(Path(path), plan, dry_run)
    return [
        EditResult(
            "added", t, Path(path), _item(t), done.lines.get(t.id, 0), done.rewritten, dry_run
        )
        for t in added
    ]


def edit_term(
    path: str | Path, key: str, change: TermChange, *, dry_run: bool = False
) -> EditResult:
    """Change the term whose id or headword is `key`."""
    outcome: list[tuple[Term, str]] = []

    def plan(snapshot: Snapshot) -> Plan:
        index = _existing(snapshot, key)
        new = _applied(snapshot.terms[index], change)
        _refuse_taken(snapshot, new, index)
        outcome.append((new, "updated"))
        return _replaced(snapshot, index, new)

    return _result(Path(path), plan, outcome, dry_run)


def remove_term(path: str | Path, key: str, *, dry_run: bool = False) -> EditResult:
    """Remove the term whose id or headword is `key`."""
    outcome: list[tuple[Term, str]] = []

    def plan(snapshot: Snapshot) -> Plan:
        index = _existing(snapshot, key)
        outcome.append((snapshot.terms[index], "removed"))
        return Plan(snapshot.terms[:index] + snapshot.terms[index + 1 :], index, None)

    return _result(Path(path), plan, outcome, dry_run)


def _result(
    path: Path, planner: Planner, outcome: list[tuple[Term, str]], dry_run: bool
) -> EditResult:
    done = transaction(path, planner, dry_run)
    term, action = outcome[0]
    if action == "removed":
        return EditResult(action, term, path, _item(term), 0, done.rewritten, dry_run)
    line = done.lines.get(term.id, 0)
    return EditResult(action, term, path, done.plan.items or "", line, done.rewritten, dry_run)


# -- term-level helpers -----------------------------------------------------------------------


def _existing(snapshot: Snapshot, key: str) -> int:
    index = snapshot.find(key)
    if index is None:
        raise TermNotFoundError(f"{snapshot.path}: no term with id or headword '{key}'")
    return index


def _refuse_taken(snapshot: Snapshot, term: Term, index: int) -> None:
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
    statuses = dict(new.alias_statuses)
    for alias, status in change.alias_statuses:
        if alias not in aliases:
            have = ", ".join(aliases) or "none"
            raise InputError(
                f"term '{term.id}' has no alias {alias!r} to mark {status} (its aliases: {have}; "
                "add it with --add-alias)"
            )
        statuses[alias] = status
    kept = tuple(
        (alias, statuses[alias])
        for alias in aliases
        if statuses.get(alias, "admitted") != "admitted"
    )
    return new.with_changes(aliases=tuple(aliases), alias_statuses=kept)


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


def _unique_id(term: Term, snapshot: Snapshot) -> Term:
    if not term.id:
        term = term.with_changes(id=id_from_pinyin(term.pinyin or term.headword))
    return unique_id(term, {existing.id for existing in snapshot.terms})


def _item(term: Term, keys: list[str] | None = None) -> str:
    data = term.to_dict()
    return splice.item_text(splice.ordered_like(data, keys) if keys else data)


def _replaced(snapshot: Snapshot, index: int, term: Term) -> Plan:
    raw = snapshot.raws[index]
    keys = [str(key) for key in raw] if isinstance(raw, dict) else None
    terms = [*snapshot.terms[:index], term, *snapshot.terms[index + 1 :]]
    return Plan(terms, index, _item(term, keys), (term,))
