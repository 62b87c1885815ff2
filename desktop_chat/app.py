"""Entry point: the QApplication, the one qasync event loop, and the wiring.

Order matters for start-up: the window paints first; `openai` (~0.4 s to import) and the key lookup
come after, off the critical path.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_chat.core.conversation.store import Store
    from desktop_chat.ui.connector import Connector
    from desktop_chat.ui.main_window import MainWindow
    from desktop_chat.ui.shutdown import ShutdownGuard
    from desktop_chat.ui.single_instance import Request, SingleInstance

START = time.perf_counter()
log = logging.getLogger("desktop_chat")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="desktop-chat", description="A desktop chat client with branches.")
    parser.add_argument("--data-dir", type=Path, help="where conversations are kept (default: user data dir)")
    parser.add_argument("--base-url", help="an OpenAI-compatible server, e.g. http://localhost:11434/v1")
    parser.add_argument("--demo", action="store_true", help="try the app against a built-in local emulator")
    parser.add_argument(
        "--send",
        metavar="PROMPT",
        help="once connected, send PROMPT as the next turn of the most recent conversation (a new one if "
        "there is none); with the app already running on the data folder, in the conversation it has open",
    )
    parser.add_argument("--log-level", default=os.environ.get("DESKTOP_CHAT_LOG", "WARNING"))
    from desktop_chat.cli import add_arguments

    add_arguments(parser)  # --import / --export
    parser.add_argument(
        "--keyring-check",
        action="store_true",
        help="store, read back and delete a test secret in the system keyring, then exit",
    )
    return parser.parse_args(argv)


def keyring_check() -> int:
    """A round trip through the OS keyring with a throwaway secret (for installs and CI)."""
    import secrets

    from desktop_chat.core.config import keys

    usable, backend = keys.keyring_status()
    if not usable:
        print(f"KEYRING_UNAVAILABLE {backend}")
        return 1
    account, secret = "keyring-check", "check-" + secrets.token_hex(8)
    try:
        keys.set_api_key(secret, account)
        ok = keys.get_api_key(account) == secret
        keys.delete_api_key(account)
        gone = keys.get_api_key(account) is None
    except keys.KeyringUnavailable as exc:
        print(f"KEYRING_FAILED {exc.user_message}")
        return 1
    if not (ok and gone):
        print(f"KEYRING_FAILED round trip through {backend} did not return the secret")
        return 1
    print(f"KEYRING_OK {backend}")
    return 0


def create_window(args: argparse.Namespace) -> tuple[MainWindow, Connector]:
    """The main window over the data folder's store, with its connector (the QApplication must exist).

    Raises StoreError/OSError with a user message when the data folder cannot be used.
    """
    from desktop_chat.ui.connector import Connector

    window = open_frame(args)
    try:
        window.finish_startup(*open_app_store(window.prefs.folder))
    except BaseException:
        window.deleteLater()
        raise
    return window, Connector(window, args, START)


def open_frame(args: argparse.Namespace) -> MainWindow:
    """The main window's frame, translated and themed from the data folder's window prefs: it paints at
    once; `finish_startup(store)` builds the rest (see MainWindow). Raises OSError when the data
    folder cannot be made."""
    from PySide6.QtWidgets import QApplication

    from desktop_chat.core.config.paths import data_dir
    from desktop_chat.ui.main_window import MainWindow
    from desktop_chat.ui.window_prefs import WindowPrefs

    prefs = WindowPrefs(data_dir(args.data_dir))
    app = QApplication.instance()
    if isinstance(app, QApplication):
        prefs.apply(app)
    return MainWindow(prefs=prefs, demo=args.demo)


def open_app_store(folder: Path) -> tuple[Store, str | None]:
    """The conversation store in `folder` and a notice for the user (a damaged file was set aside);
    answers left streaming by a crash are marked interrupted. Raises StoreError/OSError."""
    from desktop_chat.core.config.paths import database_path
    from desktop_chat.core.conversation.store import StoreCorruptError, open_store

    path = database_path(folder)
    store, notice = open_store(path, full_check=False)  # the whole file is checked after start-up
    try:
        interrupted = store.mark_streaming_interrupted()
    except StoreCorruptError:  # damage found at once: checked now, set aside like at any start
        store.close()
        store, notice = open_store(path)
        interrupted = store.mark_streaming_interrupted()
    if interrupted:
        log.info("marked %d streaming answer(s) as interrupted", interrupted)
    return store, notice


def main(argv: list[str] | None = None) -> int:
    from desktop_chat.core.content.math_worker import WORKER_FLAG, serve

    if (sys.argv[1:] if argv is None else argv)[:1] == [WORKER_FLAG]:  # the packaged app's formula worker
        return serve()
    args = parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(name)s %(levelname)s %(message)s", stream=sys.stderr
    )
    from desktop_chat.core.config import log_masking

    log_masking.install()  # no key in any log line, whatever a server echoes or a library logs
    if args.keyring_check:
        return keyring_check()
    from desktop_chat import cli

    if cli.wants_cli(args):
        handed = _hand_over_import(args)
        return cli.run_cli(args) if handed is None else handed
    from desktop_chat.ui.shutdown import ShutdownGuard

    # SIGTERM / Ctrl+C at any moment: save what there is and exit within 2 s (see ui/shutdown.py)
    guard = ShutdownGuard().install()
    try:
        code = _run_app(args, guard)
    finally:
        guard.uninstall()
    if guard.quit_requested():
        # everything is saved and closed: skip the interpreter's teardown of Qt objects, which can
        # take seconds on a busy machine, and the watchdog it would outlive (it stops with Python)
        log.info("exit code=%d s=%.3f", code, time.perf_counter() - START)
        guard.exit_now(code)
    return code


def _run_app(args: argparse.Namespace, guard: ShutdownGuard) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop_chat.ui.qt_env import prepare_qt_environment

    prepare_qt_environment()  # before the QApplication: Qt reads it when its GUI thread pool is first used
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    guard.attach_qt()
    app.setApplicationName("desktop_chat")
    app.setOrganizationName("desktop_chat")
    app.setDesktopFileName("desktop-chat")
    if guard.quit_requested():
        return 0
    from desktop_chat.core.config.paths import data_dir
    from desktop_chat.ui.single_instance import SingleInstance

    try:
        instance = SingleInstance(data_dir(args.data_dir))
    except OSError as exc:
        return _cannot_start(None, exc)
    if not instance.acquire():
        return _hand_over(instance.folder, args)
    try:
        return _run_window(app, args, guard, instance)
    finally:
        instance.release()


def _run_window(
    app: QApplication, args: argparse.Namespace, guard: ShutdownGuard, instance: SingleInstance
) -> int:
    try:
        window = open_frame(args)
    except OSError as exc:
        return _cannot_start(None, exc)
    painted = _FirstPaintLog(window)
    window.show()
    log.info("window_shown s=%.3f", time.perf_counter() - START)
    # the frame paints now; then the panes, the conversations and the event loop's modules load
    app.processEvents()
    del painted
    if guard.quit_requested():  # nothing built yet: nothing to save
        window.close()
        return 0
    instance.listen()  # later launches hand their request over from now on (queued until wired)
    window.prefs.confirm_system_scheme(app)  # the frame painted in the scheme last seen
    _set_icon(app)  # the SVG loader takes ~8 ms: after the first paint
    from desktop_chat.core.config.paths import database_path
    from desktop_chat.core.conversation.store import StoreError
    from desktop_chat.ui.status.upgrade import upgrade_with_frame

    upgrade_with_frame(window, database_path(window.prefs.folder))  # once per schema change, on a thread
    try:
        store, notice = open_app_store(window.prefs.folder)
    except (StoreError, OSError) as exc:
        return _cannot_start(window, exc)
    window.finish_startup(store, notice)
    from desktop_chat.ui.status.store_check import check_store_later

    # the whole-file check runs on its own thread once the window is up
    check_store_later(store, window.banner)
    from desktop_chat.ui.connector import Connector

    connector = Connector(window, args, START)
    app.processEvents()
    log.info("ui_painted s=%.3f", time.perf_counter() - START)
    if guard.quit_requested():
        window.close()
        store.close()
        return 0
    import asyncio

    from desktop_chat.ui.event_loop import close_event_loop, create_event_loop

    loop = create_event_loop(app)
    quit_event = asyncio.Event()
    app.aboutToQuit.connect(quit_event.set)
    # a later launch on this data folder hands its request to this window (see ui/single_instance.py)
    instance.set_handler(lambda request: connector.handle_request(request))
    # a signal closes the window like the user would (the partial answer is saved as stopped)
    guard.on_request(window.close)
    guard.on_request(quit_event.set)
    loop.call_soon(connector.reconnect)
    loop.run_until_complete(quit_event.wait())
    if window.isVisible():
        window.close()
    if guard.quit_requested():
        # a signal: the answers are saved; the process ends at once after this (no waiting on
        # worker threads such as the token data load), the connections end with it
        window.store.close()
        return 0
    loop.run_until_complete(connector.aclose())
    close_event_loop(loop)
    window.store.close()
    return 0


def _request_of(args: argparse.Namespace) -> Request:
    from desktop_chat.ui.single_instance import Request

    import_file = getattr(args, "import_file", None)
    return Request(send=args.send, import_file=str(Path(import_file).resolve()) if import_file else None)


def _hand_over(folder: Path, args: argparse.Namespace) -> int:
    """Another app runs on this data folder: it does what was asked (and comes to the front)."""
    from desktop_chat.ui.single_instance import hand_over

    reply = hand_over(folder, _request_of(args))
    if reply is None:
        print(
            f"Another desktop_chat is using the data folder {folder} but does not answer. "
            "Close it (or end its process) and start again.",
            file=sys.stderr,
        )
        return 2
    log.info("handed_over")
    print(reply or "desktop_chat already runs on this data folder: its window was brought to the front.")
    return 0


def _hand_over_import(args: argparse.Namespace) -> int | None:
    """--import while the app runs on the same data folder: the running window imports it (so it
    shows it at once). None when no app runs there: the import is done here."""
    if not getattr(args, "import_file", None) or getattr(args, "export_file", None):
        return None
    from PySide6.QtCore import QCoreApplication

    from desktop_chat.core.config.paths import data_dir
    from desktop_chat.ui.single_instance import running

    try:
        folder = data_dir(args.data_dir)
    except OSError:
        return None  # the command line reports it
    _app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    if not running(folder):
        return None
    return _hand_over(folder, args)


def _cannot_start(window: QWidget | None, exc: Exception) -> int:
    """The data folder or its database cannot be used: say why, and quit."""
    from PySide6.QtWidgets import QMessageBox

    message = getattr(exc, "user_message", None) or f"The data folder cannot be used: {exc}"
    log.error("cannot open the store: %s", message)
    QMessageBox.critical(window, "desktop_chat cannot start", message)
    if window is not None:
        window.close()
    return 2


class _FirstPaintLog:
    """Logs `first_paint s=` when the window first paints (what start-up benchmarks wait for)."""

    def __init__(self, window: QWidget) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    log.info("first_paint s=%.3f", time.perf_counter() - START)
                    watched.removeEventFilter(self)
                return False

        self.filter = Filter(window)
        window.installEventFilter(self.filter)


def _set_icon(app: QApplication) -> None:
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    icon = files("desktop_chat.resources").joinpath("desktop-chat.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


if __name__ == "__main__":
    sys.exit(main())
