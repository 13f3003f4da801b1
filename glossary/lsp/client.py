"""What the editor said it can do, read once from its `initialize` request: whether it reads
Markdown in hovers and in completion documentation, and whether it takes versioned workspace
edits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lsprotocol import types


@dataclass(frozen=True, slots=True)
class ClientTraits:
    hover_markdown: bool = False
    completion_markdown: bool = False
    versioned_edits: bool = True

    @classmethod
    def of(cls, capabilities: types.ClientCapabilities) -> ClientTraits:
        edits = capabilities.workspace and capabilities.workspace.workspace_edit
        document = capabilities.text_document
        hovering = document.hover if document else None
        completing = document.completion if document else None
        item = completing.completion_item if completing else None
        return cls(
            hover_markdown=_takes_markdown(hovering.content_format if hovering else None),
            completion_markdown=_takes_markdown(item.documentation_format if item else None),
            versioned_edits=bool(edits and edits.document_changes),
        )


def _takes_markdown(formats: Sequence[types.MarkupKind] | None) -> bool:
    """Whether a client that declared these content formats reads Markdown (one that declared
    none is sent plain text, which the specification allows every client)."""
    return bool(formats) and types.MarkupKind.Markdown in (formats or ())
