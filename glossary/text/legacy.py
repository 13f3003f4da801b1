"""Telling the legacy Chinese encodings apart: GB (GB2312, GBK, GB18030) and Big5 (with cp950
and Big5-HKSCS).

GB18030 decodes almost any byte string, so "it decodes" proves nothing by itself. What does:
Big5 text is rarely valid GBK (Big5 uses rows GBK leaves empty) and GBK text is often, but not
always, valid Big5. So a text that decodes in one family only is that family's; one that decodes
in both is judged by which family's frequent-character rows it uses (`_by_frequent_rows`), and
failing that given to charset-normalizer (restricted to the two families), whose verdict is taken
only when the text has enough Chinese to judge (on four-character GBK text it says Big5 more often
than not); anything else is `None`, and the caller refuses
the input with a hint rather than print mojibake.
"""

from __future__ import annotations

GB = "gb18030"
BIG5_CODECS = ("big5", "cp950", "big5hkscs")
MIN_CHARACTERS = 8
"""Fewer double-byte characters than this, valid in both families, are too few to tell apart."""
FREQUENT = 0.9
MARGIN = 0.2
"""A family wins on its frequent rows with this share of the characters and this lead."""
SAMPLE = 256 * 1024
"""Bytes charset-normalizer is given (a sample is enough, and keeps a 100 MB file fast)."""


def guess(data: bytes) -> str | None:
    """The codec of legacy Chinese `data` (not UTF-8), or None when it cannot be told."""
    gbk = _decodes(data, "gbk")
    big5 = next((codec for codec in BIG5_CODECS if _decodes(data, codec)), None)
    if gbk and big5 is None:
        return GB
    if big5 is not None and not gbk:
        return big5
    if big5 is None:  # neither: GB18030's four-byte sequences, or not Chinese at all
        return GB if _decodes(data, GB) and _normalizer_says(data) == GB else None
    verdict = _by_frequent_rows(data)
    if verdict is None and _double_byte_characters(data) >= MIN_CHARACTERS:
        verdict = _normalizer_says(data)
    return big5 if verdict == "big5" else verdict


def _by_frequent_rows(data: bytes) -> str | None:
    """The family in whose frequent-character rows nearly all the text's characters lie, when
    the other family's are clearly fewer: GB2312's level 1 (lead bytes B0-D7) holds the 3,755
    commonest simplified characters, Big5's level 1 (A4-C6) the 5,401 commonest traditional
    ones; text of one family read as the other lands largely outside them."""
    leads = _lead_bytes(data[:SAMPLE])
    if not leads:
        return None
    gb = sum(0xB0 <= lead <= 0xD7 for lead in leads) / len(leads)
    big5 = sum(0xA4 <= lead <= 0xC6 for lead in leads) / len(leads)
    if gb >= FREQUENT and gb - big5 >= MARGIN:
        return GB
    if big5 >= FREQUENT and big5 - gb >= MARGIN:
        return "big5"
    if big5 == 1.0 and any(lead < 0xB0 for lead in leads):
        return "big5"  # every character common traditional, while read as GB some are kana,
        # Greek, Cyrillic, pinyin or box drawing (GB's rows A4-AF): 球磁場監測網絡系統
    return None


def _lead_bytes(data: bytes) -> list[int]:
    leads, at = [], 0
    while at < len(data):
        if data[at] < 0x80:
            at += 1
        else:
            leads.append(data[at])
            at += 2
    return leads


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _double_byte_characters(data: bytes) -> int:
    return sum(1 for byte in data[:SAMPLE] if byte >= 0x80) // 2


def _normalizer_says(data: bytes) -> str | None:
    """charset-normalizer's choice between the two families ("gb18030" or "big5"), or None."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE]
    if len(data) > SAMPLE:  # end the sample at a line break, not inside a character
        sample = sample[: sample.rfind(b"\n") + 1] or sample
    best = from_bytes(sample, cp_isolation=[GB, "gbk", "gb2312", *BIG5_CODECS]).best()
    if best is None:
        return None
    return "big5" if best.encoding in BIG5_CODECS else GB
