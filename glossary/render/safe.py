"""Term-base text made safe to print: control characters shown, never acted on, and Rich
markup never interpreted. Every renderer passes data through here before a terminal sees it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters but tab and line feed (ESC, OSC's BEL, CR, CSI...)."""


def _shown(found: re.Match[str]) -> str:
    return f"\\x{ord(found[0]):02x}"


def visible(text: str) -> str:
    """`text` with each control character written out as `\\xNN`, so that ESC and OSC
    sequences show as text instead of restyling, retitling or rewriting the terminal."""
    return _CONTROL.sub(_shown, text) if _CONTROL.search(text) else text


def rich_text(text: str, style: str = "") -> Text:
    """A Rich `Text` of the data: printed as it is, `[bold]` and `[link=…]` included."""
    from rich.text import Text

    return Text(visible(text), style=style)
