"""Chinese word segmentation: the only module that imports jieba, and only when first needed."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _default_tokenizer() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def add_words(words: Iterable[str]) -> None:
    """Keep these words whole (a term base's headwords and aliases) in later segmentation."""
    tokenizer = _default_tokenizer()
    for word in words:
        if word.strip():
            tokenizer.add_word(word, freq=max(tokenizer.suggest_freq(word, tune=False), 1) + 10)


def segment(text: str) -> list[str]:
    """Words of `text`, in order, covering it exactly (`"".join(segment(t)) == t`)."""
    return list(_default_tokenizer().cut(text, HMM=True))
