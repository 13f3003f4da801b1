"""The term base: YAML files read with the safe loader (`load`, `bulk_parse` for large files on
every core), checked field by field (`validate`), written atomically and deterministically
(`save`), merged with imported terms (`merge`), completed with pinyin and ids (`enrich`), and
found (`locations`: named, $GLOSSARY_TERMBASE, or the bundled one).

May import glossary.text, glossary.model, glossary.errors and glossary.progress; never the index,
the engines, the renderers or the CLI.
"""
