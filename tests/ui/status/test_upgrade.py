"""The first start after a schema change: the database is migrated on a thread while the frame says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from desktop_chat.core.conversation.migrations import SCHEMA_VERSION, apply_migrations
from desktop_chat.core.conversation.store import Store, needs_upgrade
from desktop_chat.ui.main_window import MainWindow
from desktop_chat.ui.status.upgrade import upgrade_with_frame
from desktop_chat.ui.window_prefs import WindowPrefs


def test_an_old_database_is_upgraded_while_the_frame_shows_a_line(tmp_path: Path, qtbot: Any) -> None:
    path = tmp_path / "chats.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, upto=SCHEMA_VERSION - 1)
    conn.execute(
        "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
        " VALUES ('c1', '오래된 대화', NULL, '{}', 1.0, 2.0)"
    )
    conn.close()
    window = MainWindow(prefs=WindowPrefs(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert needs_upgrade(path)
    upgrade_with_frame(window, path)
    assert window.centralWidget().objectName() == "upgrade_label"
    assert "Updating the conversation database" in window.centralWidget().text()
    assert not needs_upgrade(path)
    store = Store(path)
    assert [c.title for c in store.list_conversations()] == ["오래된 대화"]
    store.close()
    upgrade_with_frame(window, path)  # nothing to do: returns at once
