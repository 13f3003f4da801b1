"""Text: bytes from files and standard input (`fileio`, `documents`) decoded by fixed rules
(`decoding`: BOMs, UTF-8, GB18030, refusing binary), folded for matching (`folding`: one fold
table for width, case and traditional -> simplified), the layout-free view the scanner matches on
(`layout`), pinyin (`pinyin`) and jieba's word segmentation (`segment`, the only jieba importer).

May import only glossary.model and glossary.errors: everything else builds on it.
"""
