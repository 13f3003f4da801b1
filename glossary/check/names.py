"""Which of a term's names an occurrence is, compared as the scanner compares them (folded,
without layout), and the message for an unfit one."""

from __future__ import annotations

from glossary.model import Term
from glossary.text.layout import Skeleton


class NameKeys:
    """Names as the scanner keys them: folded with its translation table, layout removed."""

    def __init__(self, translation: dict[int, str]) -> None:
        self.translation = translation
        self._unfit: dict[str, dict[str, tuple[str, str]]] = {}

    def key(self, text: str) -> str:
        return Skeleton.of(text.translate(self.translation)).text

    def unfit_name(self, term: Term, surface: str) -> tuple[str, str] | None:
        """(name, status) when `surface` is one of the term's deprecated or forbidden names."""
        if not term.alias_statuses:
            return None
        keyed = self._unfit.get(term.id)
        if keyed is None:
            keyed = self._unfit[term.id] = {
                self.key(name): (name, status) for name, status in term.unfit_names()
            }
        return keyed.get(self.key(surface)) if keyed else None


def unfit_message(term: Term, name: str, status: str) -> str:
    preferred = term.preferred_for(name)
    return f"'{name}' is {status} for {term.headword}: use '{preferred}'"
