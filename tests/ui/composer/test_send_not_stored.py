"""The prompt is never lost: when the database refuses to store it, the composer keeps the text and the
window says why; once the database takes writes again, the same text is sent."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.core.api.backend import Backend
from tests.conftest import wait_until
from tests.ui.conftest import RecordingServer


@pytest.fixture
def window(app_window: Any) -> Any:
    return app_window


def test_a_prompt_the_database_refuses_stays_in_the_composer_with_the_reason(window: Any, arun: Any) -> None:
    server = RecordingServer()
    window.session.set_backend(Backend(server, label="test", provider="p"))
    store = window.store
    # the disk fills up: every new turn is refused by SQLite itself, as a full disk would
    store._conn.execute(
        "CREATE TEMP TRIGGER disk_full BEFORE INSERT ON main.nodes "
        "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
    )
    prompt = "A long careful question I do not want to type again"
    QTest.keyClicks(window.composer, prompt)
    QTest.mouseClick(window.composer_pane.send_button, Qt.MouseButton.LeftButton)

    assert window.composer.toPlainText() == prompt  # nothing the user wrote is lost
    shown = window.banner.text()
    assert window.banner.isVisible() and "database or disk is full" in shown and "Could not save" in shown
    assert server.requests == []  # nothing was sent that is not stored
    assert store.list_conversations() == [] and window.session.conversation is None
    assert window.composer_pane.send_button.isEnabled()

    # the disk has room again: the same text is sent from the composer, and only then cleared
    store._conn.execute("DROP TRIGGER temp.disk_full")
    QTest.mouseClick(window.composer_pane.send_button, Qt.MouseButton.LeftButton)

    async def answered() -> None:
        await wait_until(lambda: not window.session.busy and window.session.tree is not None, what="answer")

    arun(answered())
    assert window.composer.toPlainText() == ""
    assert len(server.requests) == 1 and prompt in str(server.requests[0]["input"])
    [node] = store.load_nodes(store.list_conversations()[0].id)
    assert node.user_text == prompt and node.output_text == "Noted."
