"""Renaming and deleting conversations through the real window (F2, the menus, the list)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from desktop_chat.core.conversation import search
from tests.conftest import wait_until
from tests.dialogs import fill_modal
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def list_titles(app: App) -> list[str]:
    model = app.window.conversations.conversation_model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def title_editor(app: App) -> QLineEdit | None:
    focus = QApplication.focusWidget()
    editing = isinstance(focus, QLineEdit) and app.window.conversations.conversation_list.isAncestorOf(focus)
    return focus if editing else None


async def rename_with_f2(app: App, title: str) -> None:
    app.window.menus["action_rename"].trigger()
    await wait_until(lambda: title_editor(app) is not None, what="the title editor")
    editor = title_editor(app)
    assert editor is not None
    editor.selectAll()
    if title.isascii():
        QTest.keyClicks(editor, title)
    else:
        editor.insert(title)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    await wait_until(lambda: title_editor(app) is None, what="the editor to close")


def test_rename_in_place_is_saved_searchable_and_kept_after_restart(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("Plan a trip to the mountains")
        conversation_id = app.window.conversation.id
        assert list_titles(app) == ["Plan a trip to the mountains"]

        await rename_with_f2(app, "여름 휴가 계획")
        assert list_titles(app) == ["여름 휴가 계획"]
        assert app.window.store.get_conversation(conversation_id).title == "여름 휴가 계획"
        hits = search.search(app.window.store, "휴가 계획")
        assert [h.conversation_id for h in hits] == [conversation_id]

        # a blank title is refused: the old one stays
        await rename_with_f2(app, "   ")
        assert list_titles(app) == ["여름 휴가 계획"]
        # Esc leaves the title as it was
        app.window.menus["action_rename"].trigger()
        await wait_until(lambda: title_editor(app) is not None, what="the title editor")
        editor = title_editor(app)
        assert editor is not None
        QTest.keyClicks(editor, "discarded")
        QTest.keyClick(editor, Qt.Key.Key_Escape)
        await wait_until(lambda: title_editor(app) is None, what="the editor to close")
        assert list_titles(app) == ["여름 휴가 계획"]

        # a new turn does not overwrite the user's title
        await app.send("And what should I pack?")
        assert list_titles(app) == ["여름 휴가 계획"]
        await app.close()

        again = App(tmp_path, emulator.base_url, qtbot)
        assert list_titles(again) == ["여름 휴가 계획"]
        assert again.window.conversation.id == conversation_id
        await again.close()

    arun(scenario())


def test_delete_conversation_asks_first_and_removes_it(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("Keep me")
        app.window.new_conversation()
        await app.send("Delete me")
        doomed = app.window.conversation.id
        assert list_titles(app) == ["Delete me", "Keep me"]

        # No: nothing happens
        filler = fill_modal(
            "delete_conversation_dialog",
            lambda box: box.button(QMessageBox.StandardButton.No).click(),
        )
        app.window.menus["action_delete_conversation"].trigger()
        filler.check()
        assert list_titles(app) == ["Delete me", "Keep me"]
        assert app.window.store.get_conversation(doomed) is not None

        def say_yes(box: QMessageBox) -> None:
            assert "Delete me" in box.text()
            box.button(QMessageBox.StandardButton.Yes).click()

        filler = fill_modal("delete_conversation_dialog", say_yes)
        app.window.menus["action_delete_conversation"].trigger()
        filler.check()
        assert list_titles(app) == ["Keep me"]
        assert app.window.store.get_conversation(doomed) is None
        assert app.window.store.load_nodes(doomed) == []
        assert app.window.conversation is None and app.transcript() == ""
        assert search.search(app.window.store, "Delete me") == []
        await app.close()

    arun(scenario())
