"""The editor server: `glossary lsp` speaks the Language Server Protocol over stdio (pygls, with
lsprotocol's types) and adapts its messages to the library's calls, so an editor gets the same
hover, completion, term listing and check findings as the command line.

- `server`: the wiring (capabilities, one handler per LSP method, debounced diagnostics);
- `state`: the open documents and the analysis of each version (occurrences, findings);
- `rescan`, `occurrences`: after an edit, the occurrences from those before it by a scan of the
  lines around it, the others moved without being rewritten;
- `translations`: which documents are translations of which (`glossary.toml`, options);
- `termbases`: the term bases, reopened when one changes on disk;
- `positions`: code-point offsets <-> LSP positions (UTF-16 by default, UTF-8 or UTF-32 as
  negotiated), and incremental edits;
- `hover`, `completion`, `symbols`, `diagnostics`, `actions`: one LSP feature each, as pure
  functions from the library's results to lsprotocol types.

This package may import the library (`glossary.library`), the engines (scan, search, check),
the index, text and model packages, pygls and lsprotocol; never typer or rich, and it never
prints (stdout carries the protocol). No core package imports it; `glossary.cli.lsp` imports
it only when `glossary lsp` runs.
"""
