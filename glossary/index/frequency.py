"""How common each term's headword is, from the word counts of jieba's dictionary (350,000
words with counts, shipped with jieba), and the *rank* it gives each term: the order in which
equal scores are listed (`glossary.search.ranking`) and in which the pinyin tier reads its
candidates, so that it can stop early. `hao` lists 好 before 郝, `shi` 是 before 鉽.

Ranks follow the term bases' order first (an earlier term base wins a tie), then the more
common headword, then the earlier term. The counts are read from the SQLite copy of jieba's
dictionary (`glossary.index.jieba_words`), a few at a time, so jieba is never loaded whole."""

from __future__ import annotations

from collections.abc import Sequence

from glossary.text.pinyin import has_hanzi


def word_frequencies(words: Sequence[str]) -> dict[str, int]:
    """jieba's count of each of these words that its dictionary has (a prefix of a word that
    is not itself a word has none)."""
    from glossary.index.jieba_words import open_dictionary

    wanted = {word for word in words if has_hanzi(word)}
    if not wanted:
        return {}
    return {word: count for word, count in open_dictionary().lookup(wanted).items() if count}


def term_ranks(headwords: Sequence[str], termbases: Sequence[int]) -> list[int]:
    """The rank of each term (numbered as the index numbers them) from its folded headword and
    the position of its term base."""
    counts = word_frequencies(headwords)
    order = sorted(
        range(len(headwords)), key=lambda n: (termbases[n], -counts.get(headwords[n], 0), n)
    )
    ranks = [0] * len(headwords)
    for rank, number in enumerate(order):
        ranks[number] = rank
    return ranks
