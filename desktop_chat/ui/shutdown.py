"""SIGTERM / SIGINT at any moment: the app saves what it has and exits within `DEADLINE_S`.

The first signal asks to quit: `requested` turns true (start-up checks it between its stages), a
watchdog thread is armed to end the process at the deadline, and on Qt's next turn (never in the
middle of the Python code the signal interrupted) modal dialogs are rejected (a "cannot start" box,
the key dialog) and the registered callbacks run (in the loop: the window closes, which saves a
streaming answer as stopped, and the loop ends). A second signal ends the process at once. The answers saved
while streaming (every ~0.5 s) survive such a forced exit: the store is SQLite in WAL mode.

Python runs a signal handler only between bytecodes; while Qt's loop waits in C++ nothing would run
it. A pipe (a socket on Windows) given to `signal.set_wakeup_fd` wakes Qt through a QSocketNotifier,
so the handler runs at once, whether in the event loop, in start-up's `processEvents` or in a modal
dialog's loop.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

log = logging.getLogger("desktop_chat")

DEADLINE_S = 1.6  # after the first signal; "exits within 2 s" with room for the interpreter's exit
FORCED_EXIT_CODE = 1
SIGNALS = (signal.SIGTERM, signal.SIGINT)


class ShutdownGuard:
    """Install once, as early as possible in `main()`; `requested` says a signal came."""

    def __init__(
        self,
        *,
        deadline_s: float = DEADLINE_S,
        exit_now: Callable[[int], Any] = os._exit,
    ) -> None:
        self.requested = False
        self.deadline_s = deadline_s
        self._exit_now = exit_now
        self._callbacks: list[Callable[[], object]] = []
        self._previous: dict[int, Any] = {}
        self._wakeup: _Wakeup | None = None
        self._notifier: Any = None
        self._watchdog: threading.Timer | None = None

    def quit_requested(self) -> bool:
        """Whether a signal came (a call, so that a type checker does not take it as fixed between checks)."""
        return self.requested

    def install(self) -> ShutdownGuard:
        for sig in SIGNALS:
            self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def attach_qt(self) -> None:
        """Wake Qt's loops when a signal arrives (call once the QApplication exists)."""
        from PySide6.QtCore import QSocketNotifier

        self._wakeup = _Wakeup()
        signal.set_wakeup_fd(self._wakeup.write_fd, warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._wakeup.read_fd, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)

    def _drain(self, *_: object) -> None:
        """Empty the wake-up channel; entering Python here is what runs the pending handler."""
        if self._wakeup is not None:
            self._wakeup.drain()

    def on_request(self, callback: Callable[[], object]) -> None:
        """Run `callback` on Qt's next turn after a signal (soon, if one came already)."""
        self._callbacks.append(callback)
        if self.requested:
            self._schedule([callback])

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if self.requested:
            log.warning("%s again: exiting now", name)
            self._exit_now(FORCED_EXIT_CODE)
            return
        self.requested = True
        log.info("%s received: saving and quitting", name)
        self._watchdog = threading.Timer(self.deadline_s, self._too_slow)
        self._watchdog.daemon = True
        self._watchdog.start()
        self._schedule(list(self._callbacks))

    def _schedule(self, callbacks: list[Callable[[], object]]) -> None:
        qt_core = sys.modules.get("PySide6.QtCore")
        if qt_core is None or qt_core.QCoreApplication.instance() is None:
            return  # no Qt yet: start-up sees `requested` at its next check
        qt_core.QTimer.singleShot(0, lambda: self._run(callbacks))

    def _run(self, callbacks: list[Callable[[], object]]) -> None:
        if _reject_dialogs():
            # the dialogs' own loops end first: a callback run inside one (an asyncio task waiting
            # on a dialog) would wake other tasks while that one is still executing
            self._schedule(callbacks)
            return
        for callback in callbacks:
            try:
                callback()
            except Exception:  # one failing step must not keep the others (or the exit) from running
                log.exception("quitting: %r failed", callback)

    def _too_slow(self) -> None:
        log.warning("quit did not finish within %.1f s: exiting now", self.deadline_s)
        self.exit_now(FORCED_EXIT_CODE)

    def exit_now(self, code: int) -> None:
        """End the process at once (what is to be saved is saved): flush the logs and the streams."""
        logging.shutdown()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        self._exit_now(code)

    def uninstall(self) -> None:
        """Restore the previous handlers; the watchdog stays armed until the process ends."""
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._previous = {}
        if self._wakeup is not None:
            signal.set_wakeup_fd(-1)
            if self._notifier is not None:
                self._notifier.setEnabled(False)
                self._notifier = None
            self._wakeup.close()
            self._wakeup = None


class _Wakeup:
    """The non-blocking channel a signal writes a byte into: a pipe (no `socket` import on the
    start-up path), a socket pair on Windows, where `set_wakeup_fd` takes sockets only."""

    def __init__(self) -> None:
        self._sockets: Any = None
        if os.name == "posix":
            self.read_fd, self.write_fd = os.pipe()
            os.set_blocking(self.read_fd, False)
            os.set_blocking(self.write_fd, False)
        else:
            import socket

            self._sockets = socket.socketpair()
            for sock in self._sockets:
                sock.setblocking(False)
            self.read_fd, self.write_fd = (sock.fileno() for sock in self._sockets)

    def drain(self) -> None:
        try:
            while self._sockets[0].recv(64) if self._sockets else os.read(self.read_fd, 64):
                pass
        except (BlockingIOError, InterruptedError):
            pass

    def close(self) -> None:
        if self._sockets:
            for sock in self._sockets:
                sock.close()
        else:
            os.close(self.read_fd)
            os.close(self.write_fd)


def _reject_dialogs() -> bool:
    """Close every open dialog (a modal one runs its own loop the rest of the app waits on); says
    whether there was one."""
    from PySide6.QtWidgets import QApplication, QDialog

    open_dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    for dialog in open_dialogs:
        dialog.reject()
    return bool(open_dialogs)
