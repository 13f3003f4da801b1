"""`glossary-ignore` comments: `<!-- glossary-ignore -->`, `# glossary-ignore` or `//
glossary-ignore` on a line silences the findings on that line (and on the next, when the
comment is all the line holds); `glossary-ignore-next-line` silences the next line."""

from __future__ import annotations

import re

COMMENT = re.compile(r"(?:<!--|#|//)\s*glossary-ignore(-next-line)?\b(?:\s*-->)?")


def suppressed_lines(text: str) -> frozenset[int]:
    """The 1-based lines of `text` whose findings are suppressed."""
    if "glossary-ignore" not in text:
        return frozenset()
    lines: set[int] = set()
    for number, line in enumerate(text.split("\n"), 1):
        match = COMMENT.search(line)
        if match is None:
            continue
        alone = not COMMENT.sub("", line).strip()
        if match.group(1):
            lines.add(number + 1)
        else:
            lines.add(number)
            if alone:
                lines.add(number + 1)
    return frozenset(lines)
