"""Ranked lookup: one query box for Chinese, English, acronyms, typos, pinyin of any spelling,
initials, hanzi mixed with pinyin and words of the definitions (`ranking.search`), with fuzzy
matching (`fuzzy`; its Latin-script candidates from the names' words, `fuzzy_words`), a miss's
suggestions (an all-ASCII miss's from the names holding words spelt like its own,
`suggestion_words`; another's from `close_names`, scored by `close_scores`) and the pinyin
tier (`pinyin_tier`: candidates by `pinyin_keys`, read in the order of `pinyin_bounds`,
matched by `pinyin_match`).

May import glossary.index (through `Store`'s typed methods, never SQL), glossary.text and the
base modules; never another engine, the renderers or the CLI.
"""
