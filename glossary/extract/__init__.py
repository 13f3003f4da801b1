"""Finding the expressions of a document that look like terms a reader would need explained and
that the term bases in use do not have (`glossary extract`).

- `view`: the document without its layout (line and page breaks), with the way back to lines
  and keyword-in-context snippets;
- `patterns`: quoted coinages, Latin acronyms, numbered slogans and counts;
- `statistics`: multi-word compounds, from jieba's segmentation, dictionary frequencies and
  TF-IDF weights, and word association (PMI, boundary entropy) for repeated ones;
- `compounds`: what the document says about its compounds: head-noun families, nested terms
  before a productive head, named compounds with a number inside, clauses;
- `candidates`: the Candidate type, the general-vocabulary and known-term filters, ranking.

- `known`: the known-term filter, from any scanner (the caller passes the term bases' one).

May import glossary.text (layout, segmentation), glossary.model and glossary.errors, and jieba
(lazily); not glossary.scan, which sits beside it (a scanner is passed in). It never imports
typer or rich, never prints, and knows no expected answers.
"""
