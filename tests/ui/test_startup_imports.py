"""Start-up: the window's frame paints before the heavy modules load, and then becomes the full UI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from desktop_chat.core.store import Store
from desktop_chat.ui.main_window import MainWindow

# what the frame must not wait for: the SDK, token data, markdown, the keyring, the event loop, the panes
LATER = (
    "openai",
    "httpx2",
    "tiktoken",
    "markdown_it",
    "pygments",
    "keyring",
    "asyncio",
    "qasync",
    "desktop_chat.ui.transcript",
    "desktop_chat.ui.graph_view",
)


def test_the_frame_imports_none_of_the_heavy_modules() -> None:
    code = (
        "import sys; import desktop_chat.app, desktop_chat.ui.main_window; "
        f"print(sorted(m for m in {LATER!r} if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"


def test_a_deferred_window_shows_its_frame_then_the_full_ui(tmp_path: Path, qtbot: Any) -> None:
    store = Store(tmp_path / "c.db")
    window = MainWindow(store, deferred=True)
    qtbot.addWidget(window)
    placeholder = window.centralWidget()
    assert isinstance(placeholder, QLabel) and placeholder.text() == "Loading…"
    assert not window.ready and not hasattr(window, "transcript")
    window.show()
    qtbot.waitExposed(window)
    window.finish_startup()
    assert window.ready and window.centralWidget() is window.main_split
    assert window.composer.placeholderText() != ""
    window.finish_startup()  # a second call changes nothing
    assert window.centralWidget() is window.main_split
    window.close()
    store.close()


def test_closing_before_the_ui_is_built_is_safe(tmp_path: Path, qtbot: Any) -> None:
    store = Store(tmp_path / "c.db")
    window = MainWindow(store, deferred=True)
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert store.get_setting("window_layout") is None  # nothing half-built was saved
    store.close()
