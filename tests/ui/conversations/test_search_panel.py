"""The search panel: typing shows matches with context; activating one names the conversation and node."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget

from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui.conversations.search_panel import SearchPanel


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "chats.sqlite3")
    yield s
    s.close()


def add(store: Store, conv: Conversation, prompt: str, answer: str) -> Node:
    if store.get_conversation(conv.id) is None:
        store.save_conversation(conv)
    node = Node(conv.id, None, [user_message(prompt)], output_text=answer, status=NodeStatus.COMPLETED)
    store.insert_node(node)
    return node


@pytest.fixture
def panel(store: Store, qtbot: Any) -> SearchPanel:
    widget = SearchPanel(store)
    qtbot.addWidget(widget)
    widget.resize(360, 480)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def parts(panel: SearchPanel) -> tuple[QLineEdit, QListWidget, QLabel]:
    box = panel.findChild(QLineEdit, "search_input")
    results = panel.findChild(QListWidget, "search_results")
    status = panel.findChild(QLabel, "search_status")
    assert box is not None and results is not None and status is not None
    return box, results, status


def texts(results: QListWidget) -> list[str]:
    return [results.item(row).text() for row in range(results.count())]


def test_typing_shows_matches_with_context_after_a_pause(
    store: Store, panel: SearchPanel, qtbot: Any
) -> None:
    conv = Conversation("Gardening")
    node = add(
        store, conv, "When should I prune apple trees?", "Prune apple trees in late winter, before buds open."
    )
    box, results, status = parts(panel)
    QTest.keyClicks(box, "late win")
    assert results.count() == 0  # debounced: nothing searched per keystroke
    qtbot.waitUntil(lambda: results.count() == 1, timeout=3000)
    assert texts(results) == ["Gardening\nAnswer: Prune apple trees in late winter, before buds open."]
    assert status.text() == "1 match" and results.isVisible()
    with qtbot.waitSignal(panel.result_activated) as opened:
        rect = results.visualItemRect(results.item(0))
        QTest.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [conv.id, node.id]


def test_korean_and_title_matches_and_enter_opens_the_best(
    store: Store, panel: SearchPanel, qtbot: Any
) -> None:
    conv = Conversation("나무 이야기")
    node = add(store, conv, "나무는 어떻게 자라나요?", "끝에서 자랍니다.")
    box, results, _ = parts(panel)
    box.setFocus()
    box.insert("자라나요")
    qtbot.waitUntil(lambda: results.count() == 1, timeout=3000)
    assert texts(results) == ["나무 이야기\nYou: 나무는 어떻게 자라나요?"]
    with qtbot.waitSignal(panel.result_activated) as opened:
        QTest.keyClick(box, Qt.Key.Key_Return)
    assert opened.args == [conv.id, node.id]

    box.setText("나무")
    with qtbot.waitSignal(panel.result_activated) as opened:
        QTest.keyClick(box, Qt.Key.Key_Return)  # Enter searches at once, no waiting for the pause
    assert texts(results)[0] == "나무 이야기" and opened.args == [conv.id, ""]  # the title: no node

    QTest.keyClick(box, Qt.Key.Key_Down)
    assert results.hasFocus() and results.currentRow() == 0
    with qtbot.waitSignal(panel.result_activated) as opened:
        QTest.keyClick(results, Qt.Key.Key_Return)
    assert opened.args == [conv.id, ""]


def test_no_matches_and_clearing(store: Store, panel: SearchPanel, qtbot: Any) -> None:
    add(store, Conversation("Anything"), "hello", "world")
    box, results, status = parts(panel)
    QTest.keyClicks(box, "zebra")
    qtbot.waitUntil(lambda: status.text() == "No matches", timeout=3000)
    assert results.count() == 0 and not results.isVisible()
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and status.text() == "" and not status.isVisible()
    QTest.keyClicks(box, '" OR NEAR(*')  # FTS syntax is just text
    with qtbot.waitSignal(panel.searched):
        panel.search_now()
    assert status.text() == "No matches"


def test_refresh_after_new_conversations_arrive(store: Store, panel: SearchPanel, qtbot: Any) -> None:
    box, results, _ = parts(panel)
    box.setText("imported")
    with qtbot.waitSignal(panel.searched):
        panel.search_now()
    assert results.count() == 0
    add(store, Conversation("imported later"), "q", "a")
    with qtbot.waitSignal(panel.searched):
        panel.refresh()
    assert texts(results) == ["imported later"]
    panel.set_store(None)
    assert results.count() == 0


def test_only_the_latest_query_is_shown_and_the_window_never_waits(
    store: Store, panel: SearchPanel, qtbot: Any
) -> None:
    add(store, Conversation("사과 이야기"), "사과가 좋아요", "apple pie")
    add(store, Conversation("배 이야기"), "배가 좋아요", "pear tart")
    box, results, _ = parts(panel)
    box.setText("사과")
    panel.search_now()
    box.setText("pear")
    with qtbot.waitSignal(panel.searched):
        panel.search_now()
    assert texts(results) == ["배 이야기\nAnswer: pear tart"]
    qtbot.wait(50)  # the older answer, if it arrives late, is dropped
    assert texts(results) == ["배 이야기\nAnswer: pear tart"]
