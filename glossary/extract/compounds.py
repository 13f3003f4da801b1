"""What a document itself says about its noun phrases, beyond the dictionary: evidence from
term-extraction practice (head-noun productivity, nested terms after C-value, named compounds,
clause shape) turned into score adjustments and extra candidates for `statistics`.

- head families: a head noun that ends several different compounds of the same text
  (…工程, …治理, …模式) is a productive term pattern there; each member gains with the
  family's size;
- nested cores: in a member of such a family whose head adds nothing new (艺术乡建 + 模式),
  the part before the head is a term of its own and a candidate too (a nested candidate);
- named compounds: a number or Latin run inside a compound, after Chinese words and before a
  Chinese head (联合国2030年可持续发展议程), makes it the name of one thing however common
  its words;
- clauses: a common verb inside a phrase (…全线通车, …投入使用) makes it a clause, not a name.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from glossary.extract import lexicon

Word = tuple[str, str, int]  # a word, its part-of-speech flag, its flat offset
FAMILY_WEIGHT = 0.1
FAMILY_FULL = 4
"""A family of this many compounds gives the whole FAMILY_WEIGHT; two give half of it."""
LONG = 10
PER_CHAR_BEYOND = 0.02
"""Characters beyond which a candidate loses score, and how much for each."""
NAMED = 0.4
"""A named compound's weight: about what a new word gives (0.35 novelty) and a bit more."""
CLAUSE = 0.15
COMMON_VERB = 1_000
"""A verb jieba's dictionary counts this often, inside a phrase, reads as a predicate."""
NUMBER_OR_LATIN = re.compile(r"[0-9A-Za-z０-９]+")
HANZI = re.compile(r"[\u3400-\u9fff]")


def families(phrases: Sequence[Sequence[Word]]) -> dict[str, int]:
    """For each head (the last word of a phrase of two words or more), how many different
    phrases of the text it ends."""
    members: defaultdict[str, set[str]] = defaultdict(set)
    for phrase in phrases:
        if len(phrase) >= 2 and HANZI.search(phrase[-1][0]):
            members[phrase[-1][0]].add("".join(word for word, _, _ in phrase))
    return {head: len(texts) for head, texts in members.items()}


def length_penalty(text: str) -> float:
    """What a candidate loses for its length: a term is rarely a whole clause."""
    return max(0, len(text) - LONG) * PER_CHAR_BEYOND


def adjustment(phrase: Sequence[Word], family: int) -> float:
    """The score the phrase's shape gives: its head family, a name (exempt from the length
    penalty: a name is not a clause), a clause."""
    bonus = 0.0
    if family >= 2:
        bonus += FAMILY_WEIGHT * min(1.0, math.log2(family) / math.log2(FAMILY_FULL))
    if is_named(phrase):
        bonus += NAMED + length_penalty("".join(word for word, _, _ in phrase))
    if is_clause(phrase):
        bonus -= CLAUSE
    return bonus


def is_named(phrase: Sequence[Word]) -> bool:
    """A number or Latin word after a Chinese word and before two Chinese content words or
    more (not numerals or measures: 就业人口1万人 is a quantity, not a name)."""
    for index in range(1, len(phrase) - 1):
        if not NUMBER_OR_LATIN.fullmatch(phrase[index][0]):
            continue
        after = [
            word
            for word, flag, _ in phrase[index + 1 :]
            if HANZI.search(word) and not flag.startswith(("m", "q"))
        ]
        if HANZI.search(phrase[index - 1][0]) and len(after) >= 2:
            return True
    return False


def is_clause(phrase: Sequence[Word]) -> bool:
    """A common verb of two characters or more before the last word."""
    from glossary.text.segment import frequency

    return any(
        flag == "v" and len(text) >= 2 and frequency(text) >= COMMON_VERB
        for text, flag, _ in phrase[:-1]
    )


def nested_core(phrase: Sequence[Word], family: int, min_chars: int) -> Iterator[list[Word]]:
    """The phrase without its head when the head is productive (a family of two or more),
    adds no novelty (the new word is before it) and leaves two words or more, `min_chars`
    characters or more, ending with a noun or a new word."""
    if family < 2 or len(phrase) < 3:
        return
    core = list(phrase[:-1])
    if len("".join(word for word, _, _ in core)) < min_chars:
        return
    if not (core[-1][1] == "" or core[-1][1].startswith("n")):
        return  # the core ends with a noun or a new word, not a predicate (…健康平稳)
    parts = [word for word, _, _ in phrase]
    if lexicon.rarity(parts[-1]) == 0.0 and lexicon.novelty(parts[:-1]) == lexicon.novelty(parts):
        yield core
