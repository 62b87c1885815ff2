"""The database's whole-file check, run on a thread of its own after start-up instead of before it.

SQLite's quick_check reads every page: ~1 s per GB warm and many seconds cold, which used to keep an
empty frame on screen. Now the window starts at once and the check follows; when it finds damage, the
window says so and the next start sets the file aside (a copy is kept) before using it.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_chat.core.conversation.store import quick_check_file

DELAY_MS = 3000  # after start-up: the first screen and the connection come first


class StoreCheck(QObject):
    """Checks `window.store`'s file on a thread; `finished(ok)` arrives on the GUI thread."""

    finished = Signal(bool)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.path = window.store.path
        self.result: bool | None = None
        self.finished.connect(self._report)

    def start(self) -> None:
        threading.Thread(target=self._run, name="store-check", daemon=True).start()

    def _run(self) -> None:
        self.finished.emit(quick_check_file(self.path))  # queued to the GUI thread

    def _report(self, ok: bool) -> None:
        self.result = ok
        if not ok:
            self.window.show_notice(
                QCoreApplication.translate(
                    "StoreCheck",
                    "The conversation database is damaged (SQLite's check failed). Export what you can "
                    "now (File > Export); at the next start a copy is kept and a new database is started.",
                )
            )


def check_store_later(window: Any, delay_ms: int = DELAY_MS) -> StoreCheck:
    """Check the window's database in the background, `delay_ms` after now (kept on the window)."""
    check = StoreCheck(window)
    window.store_check = check
    QTimer.singleShot(delay_ms, check.start)
    return check
