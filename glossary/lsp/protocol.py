"""pygls's protocol with two changes: a request whose parameters do not fit the method's type
(a hover without a position, say) gets an "invalid params" error response naming what is wrong,
as JSON-RPC requires, instead of only a message in the editor and no response to a request the
client then waits on for ever; and pygls's own copy of a document is changed with a copy of the
changes, since pygls moves a position past the end of the last line back by one character in
place (pygls 2.1), which the server's documents (`glossary.lsp.state`) would then get. And
`Unclosed`, the standard output handed to pygls."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any, BinaryIO

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method


class _Answered:
    """Stands for a request already answered with an error: there is nothing left to do."""

    jsonrpc = "answered"


ANSWERED = _Answered()


class Protocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "id" not in data or "method" not in data:
                raise
            self._send_response(data["id"], error=_described(error, data).to_response_error())
            return ANSWERED

    def handle_message(self, message: Any) -> None:
        if message is not ANSWERED:
            super().handle_message(message)

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Iterator[Any]:
        for change in copy.deepcopy(params.content_changes):  # pygls edits positions in place
            self.workspace.update_text_document(params.text_document, change)
        if (handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None


def _described(error: JsonRpcException, data: dict[str, Any]) -> JsonRpcException:
    if not isinstance(error, JsonRpcInvalidParams):
        return error
    from cattrs import transform_error
    from cattrs.errors import ClassValidationError

    cause = error.__cause__
    details = transform_error(cause) if isinstance(cause, ClassValidationError) else []
    where = "; ".join(detail.replace("$.params.", "") for detail in details)
    return JsonRpcInvalidParams(
        f"{data['method']}: invalid params" + (f" ({where})" if where else "")
    )


class Unclosed:
    """Standard output for pygls, which closes its stream on `exit`: flushed then, not closed,
    so that the command line's own last flush of stdout finds it open."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def write(self, data: bytes) -> int:
        return self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()
