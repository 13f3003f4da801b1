"""How results look: Rich on a terminal, plain tab-separated text in a pipe, and JSON, decided
once (`terms.choose_mode`); `terms` for lookup, list and show, `annotate` for annotate's formats
(its `FORMATS` registry drives `annotate --format`).

May import the engines, the library and the layers below them, and rich (imported when drawn);
never the CLI or typer.
"""
