"""The conversation list: model contents and which selections emit conversation_selected."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.core.conversation.model import Conversation
from desktop_chat.ui.conversations.conversation_list import (
    CONVERSATION_ID_ROLE,
    ConversationListModel,
    ConversationListView,
)

DISPLAY = Qt.ItemDataRole.DisplayRole


def titles(model: ConversationListModel) -> list[str]:
    return [model.index(row, 0).data(DISPLAY) for row in range(model.rowCount())]


@pytest.fixture
def model(qtmodeltester: Any) -> ConversationListModel:
    m = ConversationListModel()
    qtmodeltester.check(m, force_py=True)
    m.set_conversations([Conversation("나무에 대해"), Conversation("关于树的问题"), Conversation("Trees")])
    return m


def test_model_lists_titles_and_ids(model: ConversationListModel) -> None:
    assert titles(model) == ["나무에 대해", "关于树的问题", "Trees"]
    third = model.conversation_at(2)
    assert third is not None and model.row_of(third.id) == 2
    assert model.index(2, 0).data(CONVERSATION_ID_ROLE) == third.id
    assert model.row_of("missing") == -1 and model.conversation_at(3) is None


def test_add_goes_to_the_top_and_update_changes_the_title(model: ConversationListModel, qtbot: Any) -> None:
    new = Conversation("New conversation")
    with qtbot.waitSignal(model.rowsInserted):
        model.add_conversation(new)
    assert titles(model)[0] == "New conversation"
    new.title = "새 제목"
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.update_conversation(new)
    assert changed.args[0].row() == 0
    assert titles(model) == ["새 제목", "나무에 대해", "关于树的问题", "Trees"]
    model.remove_conversation(new.id)
    assert titles(model) == ["나무에 대해", "关于树的问题", "Trees"]


def test_only_user_selection_emits(model: ConversationListModel, qtbot: Any) -> None:
    view = ConversationListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert view.objectName() == "conversation_list"
    second = model.conversation_at(1)
    assert second is not None
    with qtbot.assertNotEmitted(view.conversation_selected):
        view.setCurrentIndex(model.index(0, 0))
        view.select_conversation(second.id)
    assert view.current_conversation_id() == second.id

    view.clearSelection()  # e.g. "New conversation": clicking the same row again must reopen it
    rect = view.visualRect(model.index(1, 0))
    with qtbot.waitSignal(view.conversation_selected) as clicked:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [second.id]
    view.setFocus()
    with qtbot.waitSignal(view.conversation_selected) as moved:
        QTest.keyClick(view, Qt.Key.Key_Down)
    assert moved.args[0] == model.index(2, 0).data(CONVERSATION_ID_ROLE)


def test_a_long_history_lists_a_page_and_the_rest_as_the_view_scrolls(qtbot: Any, qtmodeltester: Any) -> None:
    everything = [Conversation(f"conversation {i}") for i in range(450)]
    asked: list[tuple[int, int]] = []

    def pager(limit: int, offset: int) -> list[Conversation]:
        asked.append((limit, offset))
        return everything[offset : offset + limit]

    model = ConversationListModel()
    model.set_pager(pager, page_size=100)
    assert model.rowCount() == 100 and asked == [(100, 0)]
    model.add_conversation(everything[250])  # e.g. a turn sent to it moves it to the top
    view = ConversationListView()
    view.setModel(model)
    view.resize(300, 200)
    qtbot.addWidget(view)
    view.show()
    view.scrollToBottom()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450 and titles(model)[:2] == ["conversation 250", "conversation 0"]
    assert titles(model).count("conversation 250") == 1
    qtmodeltester.check(model)
