"""The first start after an update that changes the database: migrate (and shrink) it on a thread of
its own while the window's frame says so and keeps painting, instead of an empty frame that hangs."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop_chat.core.conversation.store import StoreError, needs_upgrade, upgrade


class _Done(QObject):
    done = Signal()


def upgrade_with_frame(window: QMainWindow, path: Path) -> None:
    """If the database at `path` needs its migrations, run them (and VACUUM when worthwhile) on a thread
    while `window` shows a line about it. Errors are left for the store's open to report."""
    if not needs_upgrade(path):
        return
    label = QLabel(
        QCoreApplication.translate(
            "Upgrade",
            "Updating the conversation database for this version (once; large histories take a while)…",
        )
    )
    label.setObjectName("upgrade_label")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    window.setCentralWidget(label)
    signal = _Done()
    loop = QEventLoop()
    signal.done.connect(loop.quit)

    def run() -> None:
        try:
            upgrade(path)
        except (StoreError, OSError):
            pass  # the open that follows says what is wrong
        finally:
            signal.done.emit()

    worker = threading.Thread(target=run, name="upgrade", daemon=True)
    worker.start()
    while worker.is_alive():
        loop.exec()  # the frame paints and answers while the database is converted
        worker.join(0.01)
