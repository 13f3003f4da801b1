"""glossary: a bilingual Chinese-English term base and term lookup.

The library's face, usable without the command line::

    import glossary

    g = glossary.open()                 # the same term bases as the CLI uses by default
    g.lookup("EOD")[0].to_dict()        # what `glossary lookup EOD --json` prints per result
    g.annotate("推进艺术乡建")           # the occurrences `annotate --format jsonl` prints
    g.check("要抓好项目六比率", "…")      # the findings `check --format json` prints

`open` and the result types are imported on first use, so `import glossary` costs nothing.
This module may import anything in the package; nothing in the package imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from glossary.version import __version__

if TYPE_CHECKING:
    from glossary.library import Glossary

__all__ = ["Glossary", "__version__", "open"]


def open(paths: Any = None) -> Glossary:
    """The term bases at `paths` (a path or a list of paths; None: $GLOSSARY_TERMBASE, else the
    bundled term base), ready to look terms up in and to find them in text."""
    from glossary.library import Glossary

    return Glossary(paths)


def __getattr__(name: str) -> Any:
    if name == "Glossary":
        from glossary.library import Glossary

        return Glossary
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")
