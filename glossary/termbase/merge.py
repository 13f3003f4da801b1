"""Merge imported terms into a term base without losing anything written by hand."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from glossary.errors import InputError
from glossary.model import Term
from glossary.progress import Progress, counted


@dataclass(slots=True)
class MergeResult:
    terms: list[Term]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def merge(
    existing: Sequence[Term],
    incoming: Iterable[Term],
    *,
    update: bool = False,
    owned_fields: Sequence[str] | None = None,
    match_headword: bool = True,
    progress: Progress | None = None,
) -> MergeResult:
    """Add new terms; match the others by id, then (with `match_headword`) by headword.

    A matched term is left alone unless `update` is set. With `update`, fields the import owns
    (`owned_fields`; all fields when None) take the imported value; any other field (English,
    aliases, notes, corrected pinyin: what people write by hand) is only filled where empty,
    never overwritten. Without `update`, a difference is listed as a conflict. `progress` hears
    stage "merging", counting the incoming terms.
    """
    arriving = list(incoming)
    terms = list(existing)
    by_id = {term.id: index for index, term in enumerate(terms)}
    by_headword: dict[str, int] = {}
    for index, term in enumerate(terms):
        by_headword.setdefault(term.headword, index)
    result = MergeResult(terms)
    for new in counted(arriving, len(arriving), "merging", progress):
        found = by_id.get(new.id) if new.id else None
        if found is None and match_headword:
            found = by_headword.get(new.headword)
        if found is None:
            new = unique_id(new, by_id)
            by_id[new.id] = len(terms)
            by_headword.setdefault(new.headword, len(terms))
            terms.append(new)
            result.added.append(new.id)
            continue
        index = found
        old = terms[index]
        merged = _combine(old, new, owned_fields)
        if merged == old:
            result.unchanged.append(old.id)
        elif update:
            terms[index] = merged
            result.updated.append(old.id)
        else:
            changed = [
                name for name in _field_names(old) if getattr(old, name) != getattr(merged, name)
            ]
            result.conflicts.append(
                f"{old.id}: differs in {', '.join(changed)} (--update takes the import's values)"
            )
    return result


def _field_names(term: Term) -> tuple[str, ...]:
    return tuple(term.__dataclass_fields__)


def _combine(old: Term, new: Term, owned_fields: Sequence[str] | None) -> Term:
    changes = {}
    for name in _field_names(old):
        if name == "id":
            continue
        value = getattr(new, name)
        if value in ("", (), None):
            continue
        owned = owned_fields is None or name in owned_fields
        if owned or getattr(old, name) in ("", (), None):
            changes[name] = value
    return old.with_changes(**changes) if changes else old


def unique_id(term: Term, taken: Container[str]) -> Term:
    """`term`, its id suffixed -2, -3 ... when another term has it already."""
    if term.id not in taken:
        return term
    number = 2
    while f"{term.id}-{number}" in taken:
        number += 1
    return term.with_changes(id=f"{term.id}-{number}")


def merge_into_file(
    path: str | Path,
    incoming: Iterable[Term],
    *,
    update: bool = False,
    dry_run: bool = False,
    owned_fields: Sequence[str] | None = None,
    match_headword: bool = True,
    kind: str = "glossary",
    same_kind_only: bool = False,
    progress: Progress | None = None,
) -> MergeResult:
    """Merge into the term base at `path` (created as a `kind` term base when missing) and save
    it atomically, unless nothing changed or this is a dry run. An existing file keeps its kind;
    with `same_kind_only`, an existing file of another kind is refused (InputError).

    `progress` hears stages "loading" (an existing file: 0 of 1, then 1 of 1), "merging" and
    "writing".
    """
    from glossary.termbase.load import load
    from glossary.termbase.save import save

    target = Path(path)
    existing: tuple[Term, ...] = ()
    if target.exists():
        if progress is not None:
            progress("loading", 0, 1)
        loaded = load(target)
        if same_kind_only and loaded.kind != kind:
            raise InputError(
                f"{target}: this term base is a {loaded.kind}, and these terms make a {kind}, "
                "which annotate matches differently: merge into a new file, or pass --force"
            )
        existing, kind = loaded.terms, loaded.kind
        if progress is not None:
            progress("loading", 1, 1)
    result = merge(
        existing,
        incoming,
        update=update,
        owned_fields=owned_fields,
        match_headword=match_headword,
        progress=progress,
    )
    if not dry_run and (result.changed or not target.exists()):
        save(target, result.terms, kind, progress=progress)
    return result
