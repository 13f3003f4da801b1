"""The index: an SQLite database per set of term bases, derived from their content and cached.
`store` is the read side (`Store`: terms and typed candidate lookups; `reading_store` its pinyin
part, `packed_entries` the blobs of its keys), `build`, `rows` and `reading_rows` the build side
(`build_worker` its second process, `fuzzy_tables` the words of names for fuzzy queries),
`scan_tables` the scanner's tables built with it, `database` the cache key, open, build and
invalidation, `cache` the cache folder and file digests, `jieba_words` an SQLite copy of jieba's
dictionary. All SQL lives here.

May import glossary.termbase, glossary.text, glossary.model, glossary.errors, glossary.progress
and glossary.version; never the engines (search, scan), the renderers or the CLI.
"""
