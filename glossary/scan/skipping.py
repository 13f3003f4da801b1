"""Where a scan goes on past characters at which no name can start: a run of characters that
start no name, and the letters inside a word (where a Latin name would break the boundary
rule); where a scan may be cut (`Cuts`), and so which stretches a scan of the glossaries'
names alone must walk (`JudgedStretches`). Used by `glossary.scan.scanner`."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping

STEPS = 16
"""Characters `FirstCharacters.next` steps over one by one before it compiles a regular
expression of the first characters of names, when there are more than `EAGER_FIRSTS`."""
EAGER_FIRSTS = 2000
WORD_RUN = re.compile("[A-Za-z0-9]+")
"""A run of the characters of `glossary.text.layout.WORD_CHARS`."""

Search = Callable[[str, int, int], "re.Match[str] | None"]


class FirstCharacters:
    """The characters names start with, and a search for the next of them in a text."""

    def __init__(self, firsts: str, members: Container[str]) -> None:
        self._firsts = firsts
        self._members = members  # the same characters, for `in`
        self._search: Search | None = None
        if len(firsts) <= EAGER_FIRSTS:
            self._search = compiled(firsts)

    def next(self, text: str, position: int, limit: int) -> int:
        """The next position from `position` on (up to `limit`) where a name may start, found
        by a regular expression of the names' first characters. Beside CC-CEDICT, whose
        11,000 first characters take 50 ms to compile, which a page of Chinese seldom needs,
        the expression is compiled only once a run longer than `STEPS` is met; until then
        such runs are stepped over one character at a time."""
        stepped = position
        if self._search is None:
            members = self._members
            stepped = min(limit, position + STEPS)
            for step in range(position, stepped):
                if text[step] in members:
                    return step
            if stepped >= limit:
                return limit
            self._search = compiled(self._firsts)
        found = self._search(text, stepped, limit)
        return limit if found is None else found.start()


def compiled(firsts: str) -> Search:
    """A search for the next of these characters."""
    return re.compile("[" + re.escape(firsts) + "]" if firsts else "(?!)").search


def word_rest(skel: str, position: int, origin: list[int]) -> int:
    """Where a scan inside a word goes on: past the letters and digits from `position` on
    when they are side by side in the text too (`origin`: each skeleton character's offset in
    the text), else (a quote or a zero-width space inside the word, after which a name may
    start) at the next character."""
    run = WORD_RUN.match(skel, position)
    end = run.end() if run else position + 1
    if origin[end - 1] - origin[position] == end - 1 - position:
        return end
    return position + 1


class Cuts:
    """Where a scan may be cut: a place in a skeleton that holds a character of
    `ScanTables.breaks` which no name found there spans (a name spans a character when it
    holds it past its own start). No occurrence crosses a cut, so a scan decides at it."""

    def __init__(self, breaks: Mapping[str, str]) -> None:
        self._chars = "".join(sorted(breaks))
        self._search = compiled(self._chars)
        self._spans: dict[tuple[str, str], list[tuple[str, int]]] = {}
        """By the character and the one before it, the names holding it and where."""
        for char, names in breaks.items():
            for name in filter(None, names.split("\n")):
                for index in range(1, len(name)):
                    if name[index] == char:
                        self._spans.setdefault((char, name[index - 1]), []).append((name, index))

    def at(self, skel: str, place: int) -> bool:
        """Whether skel[place], a break character, is a cut."""
        spans = self._spans.get((skel[place], skel[place - 1])) if place else None
        return not spans or not any(
            index <= place and skel.startswith(name, place - index) for name, index in spans
        )

    def present(self, skel: str) -> str:
        """The break characters that `skel` holds (what `before` looks for)."""
        return "".join(char for char in self._chars if char in skel)

    def before(self, skel: str, begin: int, end: int, chars: str) -> int:
        """The last cut in skel[begin:end], else `begin`; `chars` is `present(skel)`. Each
        character is looked for again only before the place where it was last found, so a long
        run of breaks that names span costs one pass per character, not one per break."""
        last = {char: skel.rfind(char, begin, end) for char in chars}
        while last:
            char = max(last, key=last.__getitem__)
            place = last[char]
            if place < begin:
                return begin
            if self.at(skel, place):
                return place
            last[char] = skel.rfind(char, begin, place)
        return begin

    def after(self, skel: str, begin: int, limit: int) -> int:
        """The first cut in skel[begin:limit], else `limit`."""
        while (found := self._search(skel, begin, limit)) is not None:
            if self.at(skel, found.start()):
                return found.start()
            begin = found.start() + 1
        return limit


class JudgedStretches:
    """Where a scan with `glossaries_only` must walk, given the judged names' heads (the first
    two characters of each, the whole of a name of one) and the scanner's `breaks`."""

    def __init__(self, heads: Iterable[str], breaks: Mapping[str, str]) -> None:
        self._heads = frozenset(heads)
        self._breaks = breaks
        self._search: Search | None = None
        self._cuts: Cuts | None = None

    def __call__(self, skel: str, position: int, limit: int) -> list[tuple[int, int]]:
        """The stretches of skel[position:limit] to walk: from the cut (`Cuts`) before each
        place where a judged name may start to the cut after it. A scan decides at every cut,
        and a stretch between two cuts is decided the same alone as in the whole text, so the
        others, which hold no judged name, need not be walked (beside CC-CEDICT, nearly all of
        a text)."""
        if self._search is None:
            self._search = compiled("".join(sorted({head[0] for head in self._heads})))
        cuts = self._cuts = self._cuts or Cuts(self._breaks)
        find, heads, present = self._search, self._heads, cuts.present(skel)
        stretches: list[tuple[int, int]] = []
        decided = searched = position  # the scan decides at `decided`: the start, or a cut
        while (hit := find(skel, searched, limit)) is not None:
            start = searched = hit.start()
            if skel[start : start + 2] not in heads and skel[start] not in heads:
                searched += 1
                continue
            begin = cuts.before(skel, decided, start, present)
            decided = searched = cuts.after(skel, start + 1, limit)
            stretches.append((begin, decided))
        return stretches
