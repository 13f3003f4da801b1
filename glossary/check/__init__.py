"""The checker: findings over a draft (deprecated and forbidden names) and over a translation
aligned with its source (missing, unfit and inconsistent renderings of the glossary's terms).

- `findings`: the `Finding` result type and the rules (ids, severities);
- `names`: which of a term's names an occurrence is, and what to use instead;
- `suppress`: `glossary-ignore` comments;
- `monolingual`: deprecated and forbidden names in one text;
- `english`: tolerant English name matching (case, inflection through simplemma, line breaks);
- `bilingual`: the rules over aligned segments;
- `inputs`: reading aligned inputs (line-aligned files, two-column TSV, XLIFF/PO/TMX through
  translate-toolkit);
- `fix`: replacing unfit names in place;
- `selftest`: the terms' `examples`, run by `glossary validate`.

Terms are found by `glossary.scan` (no second scanner). This package may import scan, index,
text, termbase, model and errors; never typer or rich, and it never prints.
"""
