"""JSON: the full term objects, the same shape as `glossary list --json`."""

from __future__ import annotations

import json
from collections.abc import Sequence

from glossary.model import Term


def export(terms: Sequence[Term]) -> str:
    return json.dumps([term.to_dict() for term in terms], ensure_ascii=False, indent=2) + "\n"
