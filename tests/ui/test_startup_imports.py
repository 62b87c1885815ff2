"""Start-up: the window's frame paints before the heavy modules load, and then becomes the full UI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from desktop_chat.core.conversation.store import Store
from desktop_chat.ui.main_window import MainWindow
from desktop_chat.ui.window_prefs import WindowPrefs

# what the frame must not wait for: the SDK, token data, markdown, the keyring, the event loop, the
# panes, and the database with the conversation model
LATER = (
    "sqlite3",
    "desktop_chat.core.conversation.store",
    "desktop_chat.core.conversation.model",
    "openai",
    "httpx2",
    "tiktoken",
    "markdown_it",
    "pygments",
    "keyring",
    "asyncio",
    "qasync",
    "desktop_chat.ui.transcript.transcript",
    "desktop_chat.ui.tree.graph_view",
)


def test_the_frame_paints_before_the_heavy_modules_load(tmp_path: Path) -> None:
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "from desktop_chat.app import open_frame, parse_args; "
        f"window = open_frame(parse_args(['--data-dir', {str(tmp_path)!r}])); "
        "window.show(); app.processEvents(); "
        f"print(sorted(m for m in {LATER!r} if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"


def test_a_deferred_window_shows_its_frame_then_the_full_ui(tmp_path: Path, qtbot: Any) -> None:
    window = MainWindow(prefs=WindowPrefs(tmp_path))
    qtbot.addWidget(window)
    placeholder = window.centralWidget()
    assert isinstance(placeholder, QWidget) and placeholder.objectName() == "startup_placeholder"
    assert placeholder.findChildren(QLabel) == []  # no text: that would load the fonts before the paint
    assert not window.ready and not hasattr(window, "transcript")
    window.show()
    qtbot.waitExposed(window)
    store = Store(tmp_path / "c.db")
    window.finish_startup(store)
    assert window.ready and window.centralWidget() is window.main_split
    assert window.composer.placeholderText() != ""
    window.finish_startup(store)  # a second call changes nothing
    assert window.centralWidget() is window.main_split
    window.close()
    store.close()


def test_closing_before_the_ui_is_built_is_safe(tmp_path: Path, qtbot: Any) -> None:
    window = MainWindow(prefs=WindowPrefs(tmp_path))
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert not WindowPrefs(tmp_path).has_layout()  # nothing half-built was saved


def test_the_full_ui_is_built_without_the_sdk_or_token_data(tmp_path: Path) -> None:
    # both load afterwards, off the critical path (the connector imports the SDK in a worker thread;
    # token data loads with the first count): building the panes must not pull them in
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "from desktop_chat.app import open_frame, open_app_store, parse_args; "
        f"window = open_frame(parse_args(['--data-dir', {str(tmp_path)!r}])); "
        "window.show(); app.processEvents(); "
        "window.finish_startup(*open_app_store(window.prefs.folder)); app.processEvents(); "
        "print(sorted(m for m in ('openai', 'tiktoken') if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


# before the real app's first paint, also not: the local socket (it listens after the paint), the
# `Qt` namespace's enums (the system colour scheme is checked after the paint), the formula worker
BEFORE_PAINT = (*LATER, "PySide6.QtNetwork", "socket", "json", "desktop_chat.core.content.math_tex")
AT_FIRST_PAINT = """
import os, sys
from desktop_chat import app

class Report:
    def __init__(self, window):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint:
                    later = sorted(m for m in {names!r} if m in sys.modules)
                    print(later, flush=True)
                    os._exit(0)
                return False

        self.filter = Filter(window)
        window.installEventFilter(self.filter)

app._FirstPaintLog = Report
app.main(["--demo", "--data-dir", sys.argv[1]])
"""


def test_the_real_app_paints_before_the_socket_and_the_heavy_modules_load(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    code = AT_FIRST_PAINT.format(names=BEFORE_PAINT)
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stderr[-2000:]
