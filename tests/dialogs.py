"""Filling a modal dialog from a test: the dialog runs its own event loop (exec), so the test acts
from a timer. Never a hang: if the dialog does not appear, or filling it fails, it is closed and the
error is kept for the test to raise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

POLL_MS = 20


class ModalFiller:
    def __init__(self, name: str, fill: Callable[[Any], None], timeout_ms: int = 10_000) -> None:
        self.name = name
        self.fill = fill
        self.errors: list[BaseException] = []
        self.done = False
        self._left = timeout_ms // POLL_MS
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        self._left -= 1
        if dialog is not None and dialog.objectName() == self.name:
            self._timer.stop()
            try:
                self.fill(dialog)
            except BaseException as exc:  # kept and raised by check(); the dialog must not stay open
                self.errors.append(exc)
            finally:
                self.done = True
                if dialog.isVisible() and isinstance(dialog, QDialog):
                    dialog.reject()
        elif self._left <= 0:
            self._timer.stop()
            self.done = True
            self.errors.append(AssertionError(f"the dialog {self.name!r} did not open (saw {dialog!r})"))
            if isinstance(dialog, QDialog):
                dialog.reject()

    def check(self) -> None:
        self._timer.stop()
        if self.errors:
            raise self.errors[0]


def fill_modal(name: str, fill: Callable[[Any], None]) -> ModalFiller:
    """Start watching for the modal dialog `name`; call `.check()` after the action that opens it."""
    return ModalFiller(name, fill)
