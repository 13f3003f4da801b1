"""Parsing the terms of a large term base in pieces, on every core.

PyYAML composes a node, with two position marks, for every value before it constructs anything:
for CC-CEDICT's 25 MB that is about 25 s on one core and more than a gigabyte. A term base
written by glossary has its terms as a block sequence at column 0 under `terms:`, so its items
can be cut into pieces that are each a YAML document of their own, parsed in worker processes
(forked, on Linux; elsewhere in this one), and put back together in order with their line
numbers. A file of any other shape, or a piece
that does not parse, is left to the whole-file parse, so errors read exactly as they always did.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
from collections import deque
from collections.abc import Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import pairwise
from typing import Any

import yaml

from glossary.termbase import plain_yaml
from glossary.termbase.yaml_io import may_have_aliases, too_expanded, yaml_loader

MIN_SIZE = 2_000_000
"""Characters below which a file is parsed whole (starting workers costs about 0.2 s)."""
PIECE_ITEMS = 5_000
"""Terms per piece: small enough that a worker's nodes stay small, big enough to be worth it."""
MAX_WORKERS = 4

ITEMS_START = re.compile(r"^terms:[ \t]*\n", re.MULTILINE)
ITEM = re.compile(r"^- ", re.MULTILINE)
OTHER_BREAK = re.compile("[\r\x85\u2028\u2029]")
"""Characters YAML counts as line breaks besides LF: the pieces' line numbers count LFs only."""
FOREIGN_LINE = re.compile(r"^(?!- |  |[ \t]*$)", re.MULTILINE)
"""A line that is neither an item's first line, nor inside an item, nor blank."""

Piece = tuple[str, int]  # YAML text of some items, and the lines of the file before it
Items = tuple[list[Any], list[int]]  # the items' raw mappings and the line each starts on


def split(
    text: str, min_size: int = MIN_SIZE, piece_items: int = PIECE_ITEMS
) -> tuple[str, list[Piece]] | None:
    """The text up to `terms:` and the items after it in pieces, or None when the file is small
    or not shaped as glossary writes it."""
    if len(text) < min_size:
        return None
    match = ITEMS_START.search(text)
    if match is None or FOREIGN_LINE.search(text, match.end()) or OTHER_BREAK.search(text):
        return None
    starts = [item.start() for item in ITEM.finditer(text, match.end())]
    if not starts or starts[0] != match.end():
        return None
    bounds = [*starts[::piece_items], len(text)]
    pieces: list[Piece] = []
    lines_before = text.count("\n", 0, bounds[0])
    for begin, end in pairwise(bounds):
        piece = text[begin:end]
        pieces.append((piece, lines_before))
        lines_before += piece.count("\n")
    return text[: match.end()], pieces


def parse_piece(piece: Piece) -> Items | None:
    """The items of one piece (None if it is not a clean YAML sequence, or breaks a rule of
    the loader's: a repeated key, an alias bomb; the whole-file parse then reports it). Read by
    `plain_yaml` when the piece is in the subset glossary writes, else by PyYAML."""
    text, lines_before = piece
    items = plain_yaml.read_items(text, lines_before)
    if items is not None:
        return items
    loader_class = yaml_loader()
    try:
        root = yaml.compose(text, Loader=loader_class)
        if not isinstance(root, yaml.SequenceNode):
            return None
        if may_have_aliases(text) and any(too_expanded(item) for item in root.value):
            return None
        loader = loader_class("")
        raws = [loader.construct_object(item, deep=True) for item in root.value]
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return raws, [lines_before + int(item.start_mark.line) + 1 for item in root.value]


def iter_items(pieces: Sequence[Piece]) -> Generator[Items | None, None, None]:
    """Each piece's items (`parse_piece`), in order, parsed ahead in worker processes when there
    are several cores. At most one piece per worker waits, parsed, for the caller, so a caller
    that turns each piece into terms holds the raw mappings of a few pieces, not of them all."""
    workers = min(len(pieces), os.cpu_count() or 1, MAX_WORKERS)
    done = 0
    if workers >= 2 and sys.platform == "linux":
        try:
            # fork: spawn would run the caller's main script again in every worker. The
            # workers only parse YAML and send back plain data.
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                waiting: deque[Future[Items | None]] = deque()
                for piece in pieces:
                    waiting.append(pool.submit(parse_piece, piece))
                    if len(waiting) > workers:
                        result = waiting.popleft().result()
                        done += 1
                        yield result
                while waiting:
                    result = waiting.popleft().result()
                    done += 1
                    yield result
            return
        except (OSError, RuntimeError):  # no processes here (a sandbox): parse in this one
            pass
    for piece in pieces[done:]:
        yield parse_piece(piece)


def parse_items(pieces: Sequence[Piece]) -> Items | None:
    """All the pieces' items in order (see `iter_items`); None when any piece does not
    parse."""
    results = iter_items(pieces)
    raws: list[Any] = []
    lines: list[int] = []
    for result in results:
        if result is None:
            return None
        raws.extend(result[0])
        lines.extend(result[1])
    return raws, lines
