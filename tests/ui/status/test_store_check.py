"""The whole-file database check runs after start-up, on its own thread, and the window reports damage."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import Conversation, Node, user_message
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui.status.store_check import check_store_later


def make_history(path: Path) -> None:
    store = Store(path)
    conv = Conversation("Garden")
    store.save_conversation(conv)
    for i in range(200):
        store.insert_node(
            Node(conversation_id=conv.id, parent_id=None, input_items=[user_message(f"{i}" * 500)])
        )
    store.close()


def open_window(folder: Path, qtbot: Any) -> Any:
    window, _ = create_window(parse_args(["--data-dir", str(folder), "--base-url", "http://127.0.0.1:9/v1"]))
    qtbot.addWidget(window)
    return window


def test_damage_found_after_start_up_is_shown(tmp_path: Path, qtbot: Any, monkeypatch: Any) -> None:
    """What damage the check finds is tested in the store's tests; here: the window says so."""
    from desktop_chat.ui.status import store_check

    make_history(database_path(tmp_path))
    window = open_window(tmp_path, qtbot)
    monkeypatch.setattr(store_check, "quick_check_file", lambda path: False)
    try:
        assert window.conversations.conversation_model.rowCount() == 1
        check_store_later(window.store, window.banner, delay_ms=0)  # as app.py: no reference kept
        gc.collect()
        qtbot.waitUntil(lambda: "damaged" in window.banner.text(), timeout=10_000)
    finally:
        window.close()
        window.store.close()


def test_a_healthy_database_says_nothing(tmp_path: Path, qtbot: Any) -> None:
    make_history(database_path(tmp_path))
    window = open_window(tmp_path, qtbot)
    try:
        before = window.banner.text()
        check = check_store_later(window.store, window.banner, delay_ms=0)
        with qtbot.waitSignal(check.finished, timeout=10_000):
            pass
        assert check.result is True and window.banner.text() == before
    finally:
        window.close()
        window.store.close()
