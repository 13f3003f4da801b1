"""Format numbers of the data glossary derives from term bases and caches; bump one whenever
what is written under it changes, so that stale caches are rebuilt rather than misread. (A
module of its own so that reading them imports nothing else.)"""

STORE_FORMAT = 14
"""The index store's tables and rows (glossary.index.build); 4: terms keep name statuses,
`check` and `examples`; 5: the fuzzy table keeps each name's sorted words (`tokens`);
6: `fuzzy_words`, the ASCII words of names with their positions; 7: reading entries numbered
by group and rank, in a compact text, with `pairs` (reading_rows); 8: `fuzzy_order` and
`fuzzy_bits`, which names hold each ASCII character (fuzzy_tables); 9: `unfit_names` in meta,
the deprecated and forbidden names `check` looks for; 10: a separator between the names of
`fuzzy_order`; 11: one row per key of `chains`, `pairs`, `heads`,
`grams` and `words`, its entries or positions packed; 12: `spelling_words` and
`spelling_grams`, the bigrams of the words of `fuzzy_words` (spelling_grams); 13: no
`fuzzy_order` and `fuzzy_bits` (an all-ASCII miss suggests from the words); 14: the words
of `spelling_words` shortest first."""
SCAN_TABLES_FORMAT = 10
"""The scanner's tables (scan.build_tables), kept in the store; 7: the names in a marisa trie,
the rest in binary sections after a JSON header, and which terms a glossary holds; 8: the
judged names' heads and the names holding break characters (`judged_heads`, `breaks`); 9: the
names also as a leftmost-longest automaton (`automaton`); 10: a CRC over every section after
the trie, where 9 had one over the automaton alone."""
