"""The version of the search index's layout; bump it whenever index.build changes its output,
so that caches built by an older program are rebuilt."""

INDEX_VERSION = 2
