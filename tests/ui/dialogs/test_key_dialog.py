"""The first-run key dialog: OK needs a key, except for a local server."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from desktop_chat.ui.dialogs.key_dialog import KeyDialog, is_local_url


@pytest.fixture
def dialog(qtbot: Any) -> KeyDialog:
    d = KeyDialog()
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def widgets(d: KeyDialog) -> tuple[QLineEdit, QLineEdit, QPushButton]:
    key = d.findChild(QLineEdit, "key_dialog_key")
    url = d.findChild(QLineEdit, "key_dialog_base_url")
    ok = d.findChild(QPushButton, "key_dialog_ok")
    assert key is not None and url is not None and ok is not None
    return key, url, ok


def test_ok_is_enabled_only_with_a_key(dialog: KeyDialog, qtbot: Any) -> None:
    key, _, ok = widgets(dialog)
    assert dialog.objectName() == "key_dialog"
    assert key.echoMode() is QLineEdit.EchoMode.Password
    assert not ok.isEnabled()
    qtbot.keyClick(key, Qt.Key.Key_Return)  # Enter cannot bypass the disabled OK
    assert dialog.isVisible()
    qtbot.keyClicks(key, "   ")
    assert not ok.isEnabled()
    key.clear()
    qtbot.keyClicks(key, "sk-test-123")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result_key() == "sk-test-123"
    assert dialog.result_base_url() is None


def test_a_local_server_needs_no_key(dialog: KeyDialog, qtbot: Any) -> None:
    _, url, ok = widgets(dialog)
    qtbot.keyClicks(url, "https://api.example.com/v1")
    assert not ok.isEnabled()  # a remote server: a key is needed
    url.clear()
    qtbot.keyClicks(url, "http://localhost:8000/v1/")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result_key() is None
    assert dialog.result_base_url() == "http://localhost:8000/v1"


def test_a_bad_base_url_is_explained_and_blocks_ok(dialog: KeyDialog, qtbot: Any) -> None:
    key, url, ok = widgets(dialog)
    qtbot.keyClicks(key, "sk-test")
    qtbot.keyClicks(url, "localhost:8000")
    problem = dialog.findChild(QLabel, "key_dialog_problem")
    assert problem is not None and problem.isVisible() and "http://" in problem.text()
    assert not ok.isEnabled()
    url.clear()
    assert ok.isEnabled() and not problem.isVisible()


def test_keyring_warning_is_shown(dialog: KeyDialog) -> None:
    info = dialog.findChild(QLabel, "key_dialog_info")
    assert info is not None and not info.isVisible()
    dialog.set_keyring_warning("No system keyring was found: the key will be used for this session only.")
    assert info.isVisible() and "this session only" in info.text()


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://localhost:11434/v1", True),
        ("http://127.0.0.1:8000", True),
        ("http://[::1]:8000/v1", True),
        ("http://192.168.1.20:8080/v1", True),
        ("http://gpu-box.local/v1", True),
        ("https://api.openai.com/v1", False),
        ("http://8.8.8.8/v1", False),
        ("localhost:8000", False),
        ("", False),
    ],
)
def test_is_local_url(url: str, local: bool) -> None:
    assert is_local_url(url) is local
