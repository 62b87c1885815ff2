"""A failed turn keeps the kind of its failure: its message is shown in the language of the moment,
with the server's own words as they came; a turn stored before kinds were kept shows what it stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui import i18n
from desktop_chat.ui.error_text import error_message
from desktop_chat.ui.transcript.message_html import footer_html

STORED = "Rate limit or quota reached. (Server: HTTP 429, rate_limit_exceeded: 요청이 많습니다)"


@pytest.fixture
def korean(qapp: Any) -> Iterator[None]:
    i18n.switch(qapp, "ko")
    yield
    i18n.switch(qapp, "en")


def stored_turn(tmp_path: Path, **fields: Any) -> Node:
    """A failed turn written to a store and read back, as the transcript gets it after a restart."""
    store = Store(tmp_path / "chat.sqlite3")
    try:
        conversation = Conversation()
        store.save_conversation(conversation)
        node = Node(conversation.id, None, [user_message("안녕")], status=NodeStatus.FAILED, **fields)
        store.insert_node(node)
        return store.load_nodes(conversation.id)[0]
    finally:
        store.close()


def test_a_stored_error_is_shown_in_korean_with_the_servers_words(tmp_path: Path, korean: None) -> None:
    node = stored_turn(tmp_path, error=STORED, error_kind="rate_limited")
    shown = error_message(node)
    words = "(서버: HTTP 429, rate_limit_exceeded: 요청이 많습니다)"
    assert shown == f"요청이 너무 많거나 사용 한도에 도달했습니다. {words}"
    assert "Rate limit" not in footer_html(node) and "재시도" in footer_html(node)


def test_kinds_without_server_words_and_cut_off_answers(tmp_path: Path, korean: None) -> None:
    stalled = Node("c", None, [], status=NodeStatus.FAILED, error="The server sent nothing for 90 s…",
                   error_kind="stalled")  # fmt: skip
    assert error_message(stalled).startswith("서버가 90초 동안 아무것도 보내지 않아")
    cut = Node(
        "c", None, [], status=NodeStatus.INCOMPLETE, error="cut", error_kind="incomplete:max_output_tokens"
    )
    assert error_message(cut).startswith("답변이 최대 출력 토큰 한도에서 잘렸습니다")
    assert error_message(Node("c", None, [], status=NodeStatus.FAILED)) == "답변에 실패했습니다."


def test_a_turn_stored_before_kinds_shows_what_it_stored(tmp_path: Path, korean: None) -> None:
    node = stored_turn(tmp_path, error="Something the server said")
    assert node.error_kind is None and error_message(node) == "Something the server said"


def test_a_refused_tool_and_an_apps_own_message(korean: None) -> None:
    said = (
        "Web search (web_search) is not supported with the model gpt-4.1. Turn web search off in Settings "
        "or pick a model that supports it. (Server: HTTP 400)"
    )
    refused = Node("c", None, [], status=NodeStatus.FAILED, error=said, error_kind="bad_request")
    assert error_message(refused).startswith("웹 검색(web_search)은(는) 모델 gpt-4.1에서 지원되지 않습니다.")
    own = "Pasted image 1 of an earlier prompt is missing from the attachment folder"
    missing = Node("c", None, [], status=NodeStatus.FAILED, error=own, error_kind="bad_request")
    assert error_message(missing) == own  # the app's own words, not a generic "refused"


def test_a_json_answer_that_misses_its_schema_says_why_in_korean(korean: None) -> None:
    from desktop_chat.ui.transcript.message_html import json_schema_errors

    schema = {"type": "object", "required": ["n"], "properties": {"k": {"type": "integer"}}}
    assert json_schema_errors({"k": "x"}, schema) == ["$: “n” 없음", "$.k: integer이(가) 와야 합니다"]
