from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_chat.core.content.word_diff import similarity, tokens, word_diff


def test_changed_word_shows_as_delete_then_insert() -> None:
    assert word_diff("the quick fox", "the slow fox") == [
        ("equal", "the "),
        ("delete", "quick"),
        ("insert", "slow"),
        ("equal", " fox"),
    ]


def test_cjk_text_is_compared() -> None:
    runs = word_diff("서울 여행 계획", "부산 여행 계획")
    assert ("delete", "서울") in runs and ("insert", "부산") in runs


@given(st.text(), st.text())
def test_runs_rebuild_both_texts(old: str, new: str) -> None:
    runs = word_diff(old, new)
    assert "".join(text for op, text in runs if op != "insert") == old
    assert "".join(text for op, text in runs if op != "delete") == new
    assert "".join(tokens(old)) == old
    assert 0.0 <= similarity(old, new) <= 1.0
