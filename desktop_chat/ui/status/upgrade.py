"""The first start after an update that changes the database: migrate (and shrink) it on a thread of
its own while the window's frame says so and keeps painting, instead of an empty frame that hangs."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QVBoxLayout, QWidget

from desktop_chat.core.conversation.store import StoreError, needs_upgrade, upgrade


class _Done(QObject):
    done = Signal()
    progressed = Signal(int, int)  # (done, total) from the worker thread: delivered queued


def _show_progress(bar: QProgressBar, done: int, total: int) -> None:
    """A step's progress; busy (no steps known) before the first and after the last (the file shrinks)."""
    if 0 < done < total:
        bar.setRange(0, total)
        bar.setValue(done)
    else:
        bar.setRange(0, 0)


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
    label.setAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignBottom)
    bar = QProgressBar()
    bar.setObjectName("upgrade_progress")
    bar.setAccessibleName(QCoreApplication.translate("Upgrade", "Database update progress"))
    bar.setRange(0, 0)
    bar.setMaximumWidth(420)
    frame = QWidget()
    frame.setObjectName("upgrade_frame")
    layout = QVBoxLayout(frame)
    layout.addStretch(1)
    layout.addWidget(label)
    layout.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
    layout.addStretch(1)
    window.setCentralWidget(frame)
    signal = _Done()
    loop = QEventLoop()
    signal.done.connect(loop.quit)
    signal.progressed.connect(lambda done, total: _show_progress(bar, done, total))

    def run() -> None:
        try:
            upgrade(path, progress=signal.progressed.emit)
        except (StoreError, OSError):
            pass  # the open that follows says what is wrong
        finally:
            signal.done.emit()

    worker = threading.Thread(target=run, name="upgrade", daemon=True)
    worker.start()
    while worker.is_alive():
        loop.exec()  # the frame paints and answers while the database is converted
        worker.join(0.01)
