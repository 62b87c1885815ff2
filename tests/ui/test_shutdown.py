"""The signal guard in-process: a second signal, or a quit slower than the deadline, ends the process."""

from __future__ import annotations

import os
import signal
import threading
from typing import Any

from desktop_chat.ui.shutdown import FORCED_EXIT_CODE, ShutdownGuard


def test_a_second_signal_exits_at_once(qapp: Any) -> None:
    exits: list[int] = []
    guard = ShutdownGuard(deadline_s=60, exit_now=exits.append).install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        assert guard.requested and exits == []
        os.kill(os.getpid(), signal.SIGINT)
        assert exits == [FORCED_EXIT_CODE]
    finally:
        guard.uninstall()


def test_a_quit_that_hangs_is_ended_at_the_deadline(qapp: Any) -> None:
    forced = threading.Event()
    guard = ShutdownGuard(deadline_s=0.05, exit_now=lambda code: forced.set()).install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        assert forced.wait(5)
    finally:
        guard.uninstall()


def test_callbacks_run_on_qts_next_turn_and_close_dialogs_first(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    ran: list[bool] = []
    guard = ShutdownGuard(deadline_s=60, exit_now=lambda code: None).install()
    guard.attach_qt()
    try:
        guard.on_request(lambda: ran.append(dialog.isVisible()))
        os.kill(os.getpid(), signal.SIGTERM)
        assert ran == []  # not in the middle of whatever the signal interrupted
        qtbot.waitUntil(lambda: bool(ran), timeout=5000)
        assert ran == [False]  # the dialog was closed before the callback ran
    finally:
        guard.uninstall()
