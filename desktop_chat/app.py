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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio

    from desktop_chat.ui.main_window import MainWindow

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


class Connector:
    """Builds the chat back end once the window is up: for the open conversation's provider profile,
    again when the user switches to a conversation on another provider, and when settings change.

    Back ends are kept per provider while the app runs, so a conversation switch never closes a client
    that another conversation is still streaming through; a settings change retires them (closed on
    quit) and builds fresh ones.
    """

    def __init__(self, window: MainWindow, args: argparse.Namespace) -> None:
        self.window = window
        self.args = args
        self.emulator: Any = None
        self.client: Any = None  # the client of the back end in use
        self.backends: dict[str, Any] = {}  # provider key -> Backend
        self._retired: list[Any] = []  # clients of back ends replaced by a settings change
        self._generation = 0  # the newest connect() wins when several overlap
        self._task: asyncio.Task[None] | None = None
        window.on_settings_changed = self.reconnect
        window.on_provider_needed = self.switch
        if args.demo or args.base_url:
            window.profiles_fixed = True
            window.status.provider_picker.fix(
                "The demo uses the built-in emulator"
                if args.demo
                else "Fixed by --base-url on the command line"
            )

    def handle_request(self, request: Any) -> str:
        """A later launch's command line (see ui/single_instance.py): the window comes to the front,
        imports the file, sends the prompt; returns what it says to that launch."""
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        said: list[str] = []
        if request.import_file:
            job = window.transfer.import_path(Path(request.import_file))  # on its own thread
            said.append(
                f"The running desktop_chat window is importing {job.source.name}; "
                "it shows the progress and says what it imported."
            )
        if request.send:
            if self.client is None:  # still connecting: sent once connected, as at start-up
                self.args.send = request.send
            else:
                window.composer.setPlainText(request.send)
                window.send()
            said.append("The prompt was given to the running desktop_chat window.")
        return " ".join(said)

    def reconnect(self) -> None:
        """Settings or profiles changed: build the back end anew."""
        for backend in self.backends.values():
            if backend.client is not None and backend.client is not self.client:
                self._retired.append(backend.client)
        self.backends = {}
        import asyncio

        self._task = asyncio.ensure_future(self.connect(fresh=True))

    def switch(self) -> None:
        """The open conversation belongs to another provider: use (or build) its back end."""
        import asyncio

        self._task = asyncio.ensure_future(self.connect())

    async def connect(self, *, fresh: bool = False) -> None:
        self._generation += 1
        generation = self._generation
        import asyncio

        loop = asyncio.get_running_loop()
        # the SDK import is the slow part of start-up: do it in a worker thread
        responses = await loop.run_in_executor(None, _import_provider)
        window = self.window
        profile: Any = None if (self.args.demo or self.args.base_url) else window.wanted_profile()
        key = "demo" if self.args.demo else f"url:{self.args.base_url}" if self.args.base_url else profile.id
        backend = self.backends.get(key)
        if backend is None:
            if self.backends or fresh:
                window.set_backend(None)  # nothing is sent to the previous provider meanwhile
                window.status.show_connecting()
            backend = await self._build(key, profile, responses)
            if backend is None:
                return
            self.backends[key] = backend
        if generation != self._generation:
            return  # the user moved on to another conversation (or provider) meanwhile
        self.client = backend.client
        window.set_backend(backend)
        log.info("ready_to_send s=%.3f", time.perf_counter() - START)
        if window.composer_pane.token_encoding is None:
            from desktop_chat.core.content import tokens

            name = tokens.encoding_for_model(window.effective_params().model)
            try:
                await loop.run_in_executor(None, tokens.encoding, name)
            except Exception as exc:  # token counts are a help; chatting must not depend on them
                log.error("token data unavailable: %s", exc)
            else:
                window.composer_pane.tokens_ready(name)
        if self.args.send:
            prompt, self.args.send = self.args.send, None
            window.composer.setPlainText(prompt)
            window.send()
        if self._retired and not window.tasks:  # nothing streams through the old clients any more
            retired, self._retired = self._retired, []
            for client in retired:
                await client.close()

    async def _build(self, key: str, profile: Any, responses: Any) -> Any:
        """A back end (client, stream function, preferred context mode) for a provider, or None with
        the reason shown in the window."""
        from desktop_chat.core.api import capabilities
        from desktop_chat.core.api.backend import Backend
        from desktop_chat.core.api.client import Connection, MissingKeyError, make_client, server_key
        from desktop_chat.core.api.providers.select import adaptive_backend, knowledge_label, route_of
        from desktop_chat.core.config import keys, log_masking, profiles
        from desktop_chat.core.config import settings as app_settings

        window = self.window
        import asyncio

        loop = asyncio.get_running_loop()
        if self.args.demo:
            if self.emulator is None:
                from desktop_chat.emulator import Emulator

                self.emulator = Emulator(delay_s=0.01)
                self.emulator.start()
            connection = Connection(api_key="sk-demo", base_url=self.emulator.base_url)
            label = "DEMO — local emulator"
            server = server_key(self.emulator.base_url)
        elif profile is None or profile.is_default:
            provider = app_settings.load_provider(window.store)
            base_url = self.args.base_url or provider.base_url
            api_key, source = await loop.run_in_executor(None, keys.resolve_api_key)
            if window.session_api_key:
                api_key, source = window.session_api_key, "this session"
            if api_key is None and not (base_url or os.environ.get("OPENAI_BASE_URL")):
                api_key, base_url = self._ask_for_key(base_url)
                # a key the keyring could not take is kept for this session only: say so
                source = "this session" if api_key and api_key == window.session_api_key else "keyring"
            log_masking.remember_secret(api_key)
            connection = Connection(api_key=api_key, base_url=base_url)
            where = base_url or os.environ.get("OPENAI_BASE_URL") or "api.openai.com"
            label = f"{where} · " + ("no key" if source == "none" else f"key from {source}")
            server = server_key(base_url)  # what it can do is learnt on first use, per model
        else:
            connection = None
            server = profiles.server_of(profile)
        try:
            if connection is not None:
                client = make_client(connection)
            else:
                # another provider profile (Azure, a local server…): its own client, key and capabilities
                api_key, _ = await loop.run_in_executor(None, profiles.get_key, profile)
                log_masking.remember_secret(api_key)
                client = profiles.make_client(profile, api_key)
                label = profiles.describe(profile)
                await capabilities.ensure(window.store, server, client, profile.default_model)
        except MissingKeyError as exc:
            window.set_backend(None, exc.user_message)
            return None
        except Exception as exc:  # a broken profile must not leave the window half-connected
            window.set_backend(
                None, f"Could not connect to {profile.name if profile else 'the server'}: {exc}"
            )
            return None
        # a server's own choices (API, streaming) come with its profile; --base-url finds out by itself
        fixed = (
            None
            if self.args.base_url or self.args.demo
            else profile or profiles.get_profile(window.store, None)
        )
        route = route_of(fixed)
        knowledge = capabilities.ServerKnowledge(window.store, server, client)
        model = window.effective_params().model
        stream, prefer = adaptive_backend(client, knowledge, route, model)
        return Backend(
            stream=stream,
            list_models=lambda: responses.list_models(client),
            label=f"{label} · {knowledge_label(knowledge, route, model)}",
            client=client,
            prefer=prefer,
            provider=key,
            profile_id=None if profile is None else profile.id,
            server=knowledge,
        )

    def _ask_for_key(self, base_url: str | None) -> tuple[str | None, str | None]:
        from desktop_chat.core.config import keys
        from desktop_chat.core.config import settings as app_settings
        from desktop_chat.ui.dialogs.key_dialog import KeyDialog

        dialog = KeyDialog(self.window)
        usable, reason = keys.keyring_status()
        if not usable:
            dialog.set_keyring_warning(
                f"No system keyring is available ({reason}). The key will be used for this session only; "
                "set OPENAI_API_KEY in the environment to avoid typing it each time."
            )
        log.info("key_dialog_shown")
        if not dialog.exec():
            return None, base_url
        key, new_base = dialog.result_key() or None, dialog.result_base_url() or base_url
        if new_base != base_url:
            app_settings.save_provider(self.window.store, app_settings.ProviderSettings(new_base))
        if key:
            try:
                keys.set_api_key(key)
            except keys.KeyringUnavailable:
                self.window.session_api_key = key
        return key, new_base

    async def _close_clients(self) -> None:
        clients = [*self._retired, *(b.client for b in self.backends.values())]
        self._retired, self.backends, self.client = [], {}, None
        for client in {id(c): c for c in clients if c is not None}.values():
            await client.close()

    async def aclose(self) -> None:
        """Close the connection pool and the demo emulator (on quit)."""
        await self.window.cancel_background_tasks()
        await self._close_clients()
        if self.emulator is not None:
            self.emulator.stop()
            self.emulator = None


def _import_provider() -> Any:
    from desktop_chat.core.api.providers import responses

    return responses


def create_window(args: argparse.Namespace) -> tuple[MainWindow, Connector]:
    """The main window over the data folder's store, with its connector (the QApplication must exist).

    Raises StoreError/OSError with a user message when the data folder cannot be used.
    """
    window = open_frame(args)
    try:
        window.finish_startup(*open_app_store(window.prefs.folder))
    except BaseException:
        window.deleteLater()
        raise
    return window, Connector(window, args)


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


def open_app_store(folder: Path) -> tuple[Any, str | None]:
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
    if guard.requested:
        # everything is saved and closed: skip the interpreter's teardown of Qt objects, which can
        # take seconds on a busy machine, and the watchdog it would outlive (it stops with Python)
        log.info("exit code=%d s=%.3f", code, time.perf_counter() - START)
        guard.exit_now(code)
    return code


def _run_app(args: argparse.Namespace, guard: Any) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop_chat.ui.qt_env import prepare_qt_environment

    prepare_qt_environment()  # before the QApplication: Qt reads it when its GUI thread pool is first used
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    guard.attach_qt()
    app.setApplicationName("desktop_chat")
    app.setOrganizationName("desktop_chat")
    app.setDesktopFileName("desktop-chat")
    if guard.requested:
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


def _run_window(app: Any, args: argparse.Namespace, guard: Any, instance: Any) -> int:
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
    if guard.requested:  # nothing built yet: nothing to save
        window.close()
        return 0
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

    check_store_later(window)  # the whole-file check runs on its own thread once the window is up
    connector = Connector(window, args)
    app.processEvents()
    log.info("ui_painted s=%.3f", time.perf_counter() - START)
    if guard.requested:
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
    if guard.requested:
        # a signal: the answers are saved; the process ends at once after this (no waiting on
        # worker threads such as the token data load), the connections end with it
        window.store.close()
        return 0
    loop.run_until_complete(connector.aclose())
    close_event_loop(loop)
    window.store.close()
    return 0


def _request_of(args: argparse.Namespace) -> Any:
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


def _cannot_start(window: Any, exc: Exception) -> int:
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

    def __init__(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    log.info("first_paint s=%.3f", time.perf_counter() - START)
                    watched.removeEventFilter(self)
                return False

        self.filter = Filter(window)
        window.installEventFilter(self.filter)


def _set_icon(app: Any) -> None:
    from importlib.resources import files

    from PySide6.QtGui import QIcon

    icon = files("desktop_chat.resources").joinpath("desktop-chat.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


if __name__ == "__main__":
    sys.exit(main())
