"""The scanner's folding (`glossary.text.folding.Folder`) is `str.translate` with the folding
table, whichever way it takes: runs found by a regular expression for a small table, every
character through the table for a large one or an ASCII text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.text.folding import SEARCH_UP_TO, Folder, fold_table

SMALL = fold_table({"們": "们", "國": "国", "\U00020000": "人"})
LARGE = fold_table({chr(0x4E00 + code): "一" for code in range(SEARCH_UP_TO)})
TEXTS = st.text(
    st.sampled_from("aZQ 9,，（）ＥＯＤ\u3000們國国一丁七\u4e00\u4e05\U00020000\ud800\n“”")
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_a_folder_folds_as_translate_does(text: str) -> None:
    for table in (SMALL, LARGE, fold_table({})):
        assert Folder(table)(text) == text.translate(table)


def test_a_folder_folds_width_case_and_traditional_forms() -> None:
    assert Folder(SMALL)("ＥＯＤ模式，我們的國家\u3000OK") == "eod模式,我们的国家 ok"
    assert len(LARGE) > SEARCH_UP_TO  # the other way
    assert Folder(LARGE)("丁Ａ") == "一a"
