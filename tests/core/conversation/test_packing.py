"""Answers stored once: packing output items round-trips anything; CJK pairs for short-word search."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_chat.core.conversation.packing import (
    cjk_grams,
    is_short_cjk,
    pack_output_items,
    unpack_output_items,
)
from tests.json_damage import json_values


def message(*texts: str) -> dict[str, Any]:
    parts = [{"type": "output_text", "text": t, "annotations": []} for t in texts]
    return {"type": "message", "role": "assistant", "content": parts}


def round_trip(items: Any, output_text: str, reasoning_text: str = "") -> Any:
    packed = pack_output_items(copy.deepcopy(items), output_text, reasoning_text)
    stored = json.loads(json.dumps(packed))  # as the store writes and reads it
    return unpack_output_items(stored, output_text, reasoning_text)


def test_the_answer_is_kept_once_and_comes_back_whole() -> None:
    items = [
        {"type": "reasoning", "summary": [{"type": "summary_text", "text": "thinking"}]},
        message("Hello, ", "세계"),
        {"type": "web_search_call", "action": {"query": "Hello"}},
    ]
    packed = pack_output_items(copy.deepcopy(items), "Hello, 세계", "thinking")
    assert "Hello, " not in json.dumps(packed, ensure_ascii=False).replace('"query": "Hello"', "")
    assert round_trip(items, "Hello, 세계", "thinking") == items


def test_a_text_not_found_in_order_is_kept_as_it_was() -> None:
    items = [message("second"), message("first")]
    assert round_trip(items, "first second") == items
    assert pack_output_items(items, "first second", "")[1]["content"][0]["text"] == "first"


@settings(max_examples=300, deadline=None)
@given(st.lists(json_values() | st.builds(message, st.text(max_size=6)), max_size=4), st.text(max_size=20))
def test_any_items_round_trip(items: list[Any], text: str) -> None:
    texts = [
        p.get("text")
        for i in items
        if isinstance(i, dict)
        for p in i.get("content") or []
        if isinstance(p, dict)
    ]
    answer = "".join(t for t in texts if isinstance(t, str)) + text
    assert round_trip(items, answer) == items


def test_cjk_pairs_and_run_ends() -> None:
    assert cjk_grams("사과나무 tree 木", None, "") == " ".join(sorted({"사과", "과나", "나무", "무", "木"}))
    assert cjk_grams("no cjk here") == ""
    assert is_short_cjk("사과") and is_short_cjk("木") and is_short_cjk("の")
    assert not is_short_cjk("사a") and not is_short_cjk("ab") and not is_short_cjk("사과나")
