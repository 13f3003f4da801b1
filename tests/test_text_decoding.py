"""Decoding documents: non-text codecs, lone surrogates, a UTF-8 text cut inside its last
character, and the legacy Chinese encodings told apart (never mojibake with exit 0)."""

from __future__ import annotations

import pytest
import zhconv
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.errors import InputError
from glossary.text.decoding import decode

from .conftest import SOURCE

REPORT = SOURCE.read_text(encoding="utf-8")
TRADITIONAL = zhconv.convert(REPORT, "zh-tw")


@pytest.mark.parametrize(
    "codec",
    ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "punycode", "unicode_escape",
     "raw_unicode_escape"],
)  # fmt: skip
def test_a_codec_that_is_not_a_text_encoding_is_refused_by_name(codec: str) -> None:
    with pytest.raises(InputError, match=rf"^--encoding {codec}: .* is not a text encoding"):
        decode(b"abc\n", "draft.txt", codec)


def test_a_lone_surrogate_from_a_decoder_is_undecodable_input() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"first\nA+2AA-B\n", "draft.txt", "utf-7")
    assert caught.value.message == (
        "draft.txt:2: not valid utf-7 text (it decodes to a lone surrogate U+D800); "
        "check the encoding"
    )
    assert caught.value.exit_code == 2


def test_utf8_cut_inside_its_last_character_is_read_without_it() -> None:
    decoded = decode("第一行\n艺术乡建".encode()[:-1], "cut.txt")
    assert decoded.text == "第一行\n艺术乡"
    assert decoded.warnings == (
        "cut.txt:2: the text ends inside a UTF-8 character (2 of its bytes); read without it",
    )


def test_a_bad_byte_before_the_end_is_still_refused() -> None:
    with pytest.raises(InputError, match="not UTF-8"):
        decode("艺术乡建".encode()[:-1] + b"\n", "broken.txt")


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _slices(text: str, size: int) -> list[str]:
    return [text[start : start + size] for start in range(0, len(text) - size, size * 7)]


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_big5_without_encoding_is_read_as_big5(codec: str) -> None:
    data = TRADITIONAL.encode(codec, "ignore")
    assert decode(data, "big5.txt").text == data.decode(codec)


@pytest.mark.parametrize("codec", ["gb2312", "gbk", "gb18030"])
def test_gb_without_encoding_is_read_as_gb18030(codec: str) -> None:
    data = REPORT.encode(codec, "ignore")
    decoded = decode(data, "gb.txt")
    assert (decoded.text, decoded.encoding) == (data.decode(codec), "gb18030")


@pytest.mark.parametrize("size", [2, 4, 8, 30])
def test_slices_of_real_text_are_read_right_or_refused_never_misread(size: int) -> None:
    """Short legacy texts may be too short to tell; those are refused, none is misread."""
    read = 0
    for codec, text in (("big5", TRADITIONAL), ("gbk", REPORT), ("gb18030", REPORT)):
        for piece in _slices(text, size):
            data = piece.encode(codec, "ignore")
            if _valid_utf8(data):  # UTF-8 comes first, by rule (e.g. GBK 亩 is UTF-8 Ķ)
                continue
            try:
                decoded = decode(data, "piece.txt")
            except InputError as error:
                assert "--encoding" in error.message
                continue
            assert decoded.text == data.decode(codec), (codec, piece)
            read += 1
    assert read > 0


@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(TRADITIONAL) - 40), st.integers(8, 40))
def test_any_slice_of_big5_is_never_mojibake(start: int, size: int) -> None:
    data = TRADITIONAL[start : start + size].encode("big5", "ignore")
    if _valid_utf8(data):
        return
    try:
        decoded = decode(data, "piece.txt")
    except InputError:
        return
    assert decoded.text == data.decode("big5")


def test_short_big5_whose_gb_reading_has_symbols_is_read_as_big5() -> None:
    # Found by the slice test: every lead byte in Big5's common rows, and read as GB one
    # character is a box-drawing symbol (row A8), which charset-normalizer took for GB.
    data = "球磁場監測網絡系統".encode("big5")
    assert decode(data, "piece.txt").text == "球磁場監測網絡系統"
