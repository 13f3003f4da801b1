"""Which of a term's names an occurrence is, compared as the scanner compares them (folded,
without layout), and the message for an unfit one."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.model import Term
from glossary.text.layout import Skeleton


class NameKeys:
    """Names as the scanner keys them: folded with its translation table, layout removed."""

    def __init__(self, translation: dict[int, str]) -> None:
        self.translation = translation
        self._unfit: dict[str, dict[str, tuple[str, str]]] = {}
        self._unfolded: dict[str, list[str]] | None = None

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

    def may_occur(self, names: Sequence[str], text: str) -> bool:
        """Whether a scan of `text` could find one of `names`: false when each name has a
        character that `text` holds in none of the forms that fold to it (a scan matches a
        name's folded characters, so it would find none of them: a check need not scan for
        deprecated and forbidden names that cannot be there)."""
        if not names:
            return False
        present: dict[str, bool] = {}

        def holds(char: str) -> bool:
            found = present.get(char)
            if found is None:
                forms = self._forms_folding_to(char)
                found = present[char] = any(form in text for form in forms)
            return found

        return any(
            all(holds(char) for char in set(self.key(name)) if not char.isspace()) for name in names
        )

    def _forms_folding_to(self, char: str) -> list[str]:
        """`char` and every character the translation table folds to it."""
        if self._unfolded is None:
            self._unfolded = {}
            for code, folded in self.translation.items():
                self._unfolded.setdefault(folded, []).append(chr(code))
        return [char, *self._unfolded.get(char, ())]


def unfit_message(term: Term, name: str, status: str) -> str:
    preferred = term.preferred_for(name)
    return f"'{name}' is {status} for {term.headword}: use '{preferred}'"
