"""Finding terms in running text: the occurrences found (`occurrence`), the scanner
(`scanner`: leftmost-longest over the layout-free view; `matching`: the names' automaton, for a
scan that keeps every occurrence; `boundaries`: word boundaries, checked with jieba for short
names; `skipping`: where a scan goes on past characters no name starts at), the streamed scan
(`stream`) and the document seam (`document.terms_in`) that annotate, check and the editor
server call.

May import glossary.index (the tables built with it), glossary.text and the base modules; never
another engine, the renderers or the CLI.
"""
