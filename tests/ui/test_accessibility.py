"""Screen readers name every control of the main window (what AT-SPI reads, queried in-process)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop_chat.app import create_window, parse_args

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractItemView)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_every_control_of_the_window_has_a_name(tmp_path: Path, qtbot: Any) -> None:
    window, _ = create_window(
        parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"])
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controls = [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CONTROLS) and widget.isVisibleTo(window) and widget.focusPolicy() != 0
    ]
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in controls
        if not accessible_name(widget)
    ]
    assert len(controls) > 10 and unnamed == []
    composer = window.composer_pane.composer
    assert accessible_name(composer) == "Prompt"
    assert accessible_name(window.composer_pane.attachments.url_edit) == "Image URL"
    window.close()
    window.store.close()
