"""The database's whole-file check, run on a thread of its own after start-up instead of before it.

SQLite's quick_check reads every page: ~1 s per GB warm and many seconds cold, which used to keep an
empty frame on screen. Now the window starts at once and the check follows; when it finds damage, the
window says so and the next start sets the file aside (a copy is kept) before using it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop_chat.core.conversation.store import Store, quick_check_file
from desktop_chat.ui.status.status_bar import NoticeBanner

DELAY_MS = 3000  # after start-up: the first screen and the connection come first


class StoreCheck(QObject):
    """Checks the database file at `path` on a thread; `finished(ok)` arrives on the GUI thread, and
    damage is told in the banner (which keeps the check)."""

    finished = Signal(bool)

    def __init__(self, path: Path, banner: NoticeBanner) -> None:
        super().__init__(banner)
        self.banner = banner
        self.path = path
        self.result: bool | None = None
        self.finished.connect(self._report)

    def start(self) -> None:
        threading.Thread(target=self._run, name="store-check", daemon=True).start()

    def _run(self) -> None:
        self.finished.emit(quick_check_file(self.path))  # queued to the GUI thread

    def _report(self, ok: bool) -> None:
        self.result = ok
        if not ok:
            self.banner.show_notice(
                QCoreApplication.translate(
                    "StoreCheck",
                    "The conversation database is damaged (SQLite's check failed). Export what you can "
                    "now (File > Export); at the next start a copy is kept and a new database is started.",
                )
            )


def check_store_later(store: Store, banner: NoticeBanner, delay_ms: int = DELAY_MS) -> StoreCheck:
    """Check the store's database in the background, `delay_ms` after now; damage is told in `banner`."""
    check = StoreCheck(store.path, banner)
    QTimer.singleShot(delay_ms, check.start)
    return check
