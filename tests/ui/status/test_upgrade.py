"""The first start after a schema change: the database is migrated on a thread while the frame says so."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar

from desktop_chat.core.conversation.migrations import apply_migrations
from desktop_chat.core.conversation.store import Store, needs_upgrade
from desktop_chat.ui.main_window import MainWindow
from desktop_chat.ui.status.upgrade import upgrade_with_frame
from desktop_chat.ui.window_prefs import WindowPrefs


def test_an_old_database_is_upgraded_while_the_frame_shows_a_line(tmp_path: Path, qtbot: Any) -> None:
    path = tmp_path / "chats.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, upto=6)  # before 0007, which re-indexes every conversation
    conn.execute(
        "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
        " VALUES ('c1', '오래된 대화', NULL, '{}', 1.0, 2.0)"
    )
    conn.executemany(
        "INSERT INTO conversations (id, title, selected_node_id, params_override, created_at, updated_at)"
        " VALUES (?, 'older', NULL, '{}', 0.0, 0.0)",
        [(f"old{number}",) for number in range(2100)],
    )
    conn.close()
    window = MainWindow(prefs=WindowPrefs(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert needs_upgrade(path)
    shown: list[tuple[int, int]] = []

    def watch() -> None:  # runs once the frame's loop turns: the bar is there, the steps to come
        bar = window.centralWidget().findChild(QProgressBar, "upgrade_progress")
        bar.valueChanged.connect(lambda value: shown.append((value, bar.maximum())))

    QTimer.singleShot(0, watch)
    upgrade_with_frame(window, path)
    assert window.centralWidget().objectName() == "upgrade_frame"
    label = window.centralWidget().findChild(QLabel, "upgrade_label")
    assert "Updating the conversation database" in label.text()
    bar = window.centralWidget().findChild(QProgressBar, "upgrade_progress")
    assert bar.accessibleName() == "Database update progress"
    assert (2000, 2101) in shown  # 2,100 conversations and a title each: re-indexed 1,000 at a time
    assert not needs_upgrade(path)
    store = Store(path)
    assert [c.title for c in store.list_conversations(limit=1)] == ["오래된 대화"]
    store.close()
    upgrade_with_frame(window, path)  # nothing to do: returns at once
