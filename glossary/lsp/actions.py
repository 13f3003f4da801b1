"""Code actions: for each glossary diagnostic in the request's range that names a preferred
name (`data.replacement`), "Replace with ..." as a workspace edit of that span."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types

from glossary.lsp.diagnostics import SOURCE


def replacements(
    uri: str,
    version: int | None,
    diagnostics: Iterable[types.Diagnostic],
    versioned: bool = True,
) -> list[types.CodeAction]:
    """The replace actions; `versioned`: the client takes `documentChanges` (edits tied to the
    document version they were computed for), else a plain `changes` map."""
    actions = []
    for diagnostic in diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        replacement = data.get("replacement")
        if diagnostic.source != SOURCE or not isinstance(replacement, str):
            continue
        edit = types.TextEdit(range=diagnostic.range, new_text=replacement)
        actions.append(
            types.CodeAction(
                title=f"Replace with {replacement}",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=True,
                edit=_workspace_edit(uri, version, edit, versioned),
            )
        )
    return actions


def _workspace_edit(
    uri: str, version: int | None, edit: types.TextEdit, versioned: bool
) -> types.WorkspaceEdit:
    if not versioned:
        return types.WorkspaceEdit(changes={uri: [edit]})
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(
        document_changes=[types.TextDocumentEdit(text_document=document, edits=[edit])]
    )
