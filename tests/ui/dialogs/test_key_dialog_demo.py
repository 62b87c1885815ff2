"""The no-key dialog says where keys come from and offers the demo: choosing it connects the window to
the built-in emulator, whose answer arrives without any key."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.app import create_window, parse_args
from desktop_chat.ui.dialogs.key_dialog import KeyDialog
from desktop_chat.ui.dialogs.window_dialogs import WindowDialogs
from tests.conftest import wait_until


def test_the_dialog_explains_where_keys_come_from_and_offers_the_demo(qtbot: Any) -> None:
    dialog = KeyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert "platform.openai.com" in dialog.where.text() and "compatible server" in dialog.where.text()
    assert dialog.demo_button.isVisible() and dialog.demo_button.isEnabled()  # no key typed: still offered
    QTest.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.demo_chosen and dialog.result() == KeyDialog.DialogCode.Accepted


def test_trying_the_demo_connects_to_the_emulator(
    tmp_path: Path, qtbot: Any, arun: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.setattr("desktop_chat.core.config.keys.resolve_api_key", lambda: (None, "none"))
    shown: list[KeyDialog] = []

    def choose_demo(self: KeyDialog) -> int:
        shown.append(self)
        self.demo_button.click()
        return 1

    monkeypatch.setattr(KeyDialog, "exec", choose_demo)
    monkeypatch.setattr(WindowDialogs, "refresh_models", lambda self, dialog=None: None)
    window, connector = create_window(parse_args(["--data-dir", str(tmp_path)]))
    qtbot.addWidget(window)
    window.show()
    try:
        arun(connector.connect())
        assert shown and connector.emulator is not None
        assert window.session.backend is not None and "DEMO" in window.status.backend_label.text()
        QTest.keyClicks(window.composer, "hello demo")
        QTest.mouseClick(window.composer_pane.send_button, Qt.MouseButton.LeftButton)
        arun(wait_until(lambda: not window.session.busy and window.session.selected_node() is not None))
        node = window.session.selected_node()
        assert node is not None and node.output_text and node.error is None
    finally:
        arun(connector.aclose())
        window.close()
        window.store.close()
