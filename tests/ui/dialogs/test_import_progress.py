"""File > Import: on its own thread with a progress dialog; the window stays usable; Cancel keeps whole
conversations; importing the same file again says there is nothing new."""

from __future__ import annotations

import copy
import json
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.interchange import importer
from desktop_chat.core.interchange.chatgpt_import import parse_chatgpt_export
from tests.core.interchange.test_chatgpt_import import branching_conversation


def export_of(count: int, folder: Path) -> Path:
    data = []
    for number in range(count):
        conv = copy.deepcopy(branching_conversation())
        conv["id"] = conv["conversation_id"] = f"conv-{number}"
        conv["title"] = f"Imported {number}"
        data.append(conv)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "conversations.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def window(tmp_path: Path, qtbot: Any) -> Any:
    made, _ = create_window(
        parse_args(["--data-dir", str(tmp_path / "data"), "--base-url", "http://127.0.0.1:9/v1"])
    )
    qtbot.addWidget(made)
    made.show()
    yield made
    made.close()
    made.store.close()


def listed(window: Any) -> list[str]:
    model = window.conversations.conversation_model
    return [model.conversation_at(row).title for row in range(model.rowCount())]


def test_import_runs_beside_the_window_and_says_what_it_did(window: Any, tmp_path: Path, qtbot: Any) -> None:
    path = export_of(12, tmp_path / "export")
    job = window.transfer.import_path(path)
    dialog = window.findChild(QProgressDialog, "import_progress")
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.summary is not None and job.summary.conversations == 12
    assert job.message.startswith("Imported 12 conversation(s)")
    assert len(listed(window)) == 12 and not dialog.isVisible()
    again = window.transfer.import_path(path)
    qtbot.waitUntil(lambda: again.done, timeout=30_000)
    assert again.message.startswith("Nothing new") and len(listed(window)) == 12


def test_cancel_keeps_whole_conversations(
    window: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "BATCH_CONVERSATIONS", 3)
    monkeypatch.setattr(importer, "PROGRESS_EVERY_S", 0.0)
    gate = threading.Event()
    real_flush = importer._Batches.flush

    def slow_flush(self: Any) -> None:  # the first batch is written, then the import waits for Cancel
        real_flush(self)
        if self.summary.conversations:
            gate.wait(10)

    monkeypatch.setattr(importer._Batches, "flush", slow_flush)
    job = window.transfer.import_path(export_of(30, tmp_path / "export"))
    first = uuid.uuid5(importer.chatgpt.NAMESPACE, "chatgpt:conv-0").hex
    qtbot.waitUntil(lambda: window.store.get_conversation(first) is not None, timeout=10_000)
    window.conversations.search_panel.input.setText("still usable")  # the window answers meanwhile
    dialog = window.findChild(QProgressDialog, "import_progress")
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert "Cancelling" in dialog.labelText() and dialog.isVisible()  # until the import has stopped
    gate.set()
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert job.summary is not None and job.summary.cancelled
    assert job.message.startswith("Import cancelled")
    titles = listed(window)
    assert 3 <= len(titles) < 30 and len(titles) == job.summary.conversations
    [(_, whole)], _ = parse_chatgpt_export([branching_conversation()])
    for conversation in window.store.list_conversations():
        assert len(window.store.load_nodes(conversation.id)) == len(whole)  # every one whole
