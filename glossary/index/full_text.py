"""The full-text part of an index build: the postings and vocabulary of the definitions
(tables described in `glossary.index.build`)."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from glossary.index import rows as index
from glossary.index.inserts import Inserts
from glossary.model import Term
from glossary.progress import Progress
from glossary.text.pinyin import has_hanzi

STEP = 2000  # report progress every STEP terms
WINDOWED = 5_000
"""Definitions with a hanzi cut without loading jieba's whole dictionary: CC-CEDICT's 4,279
are cut so in 2.6-3.0 s of CPU with 30 MB, against 3.0-3.4 s and 68 MB with it loaded."""


def full_text(
    db: sqlite3.Connection, terms: Sequence[Term], table: dict[int, str], progress: Progress
) -> list[int]:
    """Fill postings and vocabulary; return each term's count of tokens. `table` is the
    build's folding table."""
    texts = [f"{t.definition_zh}\n{t.definition_en}".translate(table) for t in terms]
    cut = _segmenter(terms, texts, table)
    document_frequency: Counter[str] = Counter()
    lengths: list[int] = []
    inserts = Inserts(db)
    for number, text in enumerate(texts):
        if number % STEP == 0:
            inserts.flush()
            progress("full text", number, len(terms))
        counts = Counter(index.tokens(text, cut))
        lengths.append(sum(counts.values()))
        document_frequency.update(counts.keys())
        inserts.add("postings", ((token, number, n) for token, n in sorted(counts.items())))
    inserts.flush()
    progress("full text", len(terms), len(terms))
    db.executemany("INSERT INTO vocabulary VALUES (?, ?)", sorted(document_frequency.items()))
    return lengths


def _segmenter(
    terms: Sequence[Term], texts: Sequence[str], table: dict[int, str]
) -> Callable[[str], list[str]] | None:
    """jieba's cut for these definitions, with the term bases' names that occur in a definition
    with a hanzi added to its vocabulary, so that they stay whole there; None when no text has
    a hanzi (jieba is not needed). A name can only be one of jieba's words when it is made of
    the characters jieba segments together (hanzi, ASCII letters, digits and +#&._%-).

    Up to WINDOWED texts with a hanzi are cut by `WindowSegmenter`, which reads only the
    dictionary entries they need and cuts as jieba's default tokenizer does; more are cut by
    that tokenizer, loading its whole dictionary once (about a second and 40 MB)."""
    chinese = [text for text in texts if has_hanzi(text)]
    if not chinese:
        return None
    names = _names_in(chinese, (name.translate(table) for t in terms for name in t.names()))
    if len(chinese) > WINDOWED:
        from glossary.text.segment import add_words, segment

        add_words(names)
        return segment
    from glossary.index.jieba_words import open_dictionary
    from glossary.text.segment import WindowSegmenter

    segmenter = WindowSegmenter(open_dictionary())
    for name in names:
        if name.strip():
            segmenter.add(name)
    return segmenter.cut


JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


def _names_in(texts: Sequence[str], names: Iterable[str]) -> list[str]:
    """The names (in order, once each) that are one of jieba's blocks of characters and occur
    in one of the texts."""
    wanted = [
        name for name in dict.fromkeys(names) if JIEBA_BLOCK.fullmatch(name) and has_hanzi(name)
    ]
    lengths = {len(name) for name in wanted}
    pieces: set[str] = set()
    for text in texts:
        for block in JIEBA_BLOCK.findall(text):
            for n in lengths:
                pieces.update(block[i : i + n] for i in range(len(block) - n + 1))
    return [name for name in wanted if name in pieces]
