"""Finding terms in running text: the scanner (`scanner`: leftmost-longest over the layout-free
view, word boundaries checked with jieba) and the document seam (`document.terms_in`) that
annotate, check and the editor server call.

May import glossary.index (the tables built with it), glossary.text and the base modules; never
another engine, the renderers or the CLI.
"""
