"""The back end, built after the window has painted: `Connector` gives the window's `ChatSession` a
client and stream function for the open conversation's provider, and builds another when the user
switches to a conversation on another provider or changes the settings.

The window is a `ConnectorHost`: the Connector talks to its session (`set_backend`, the
`provider_wanted` event, the effective settings) and uses a few of its panes (the status bar while it
connects, the composer for a prompt from the command line, the import for a later launch's file).
`openai` (~0.4 s to import) and the key lookup load here, off the start-up path.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import asyncio
    from types import ModuleType

    from PySide6.QtWidgets import QWidget

    from desktop_chat.core.api.backend import Backend
    from desktop_chat.core.config.profiles import Profile
    from desktop_chat.core.session.events import ProviderWanted
    from desktop_chat.core.session.service import ChatSession
    from desktop_chat.emulator import Emulator
    from desktop_chat.ui.composer.composer_pane import ComposerPane
    from desktop_chat.ui.dialogs.transfer import Transfer
    from desktop_chat.ui.dialogs.window_dialogs import WindowDialogs
    from desktop_chat.ui.single_instance import Request
    from desktop_chat.ui.status.status_bar import StatusBar

log = logging.getLogger("desktop_chat")


class ConnectorHost(Protocol):
    """What the Connector uses of the main window (`MainWindow` is one)."""

    @property
    def session(self) -> ChatSession: ...  # gets the back end; says which provider it wants

    @property
    def status(self) -> StatusBar: ...  # "Connecting…"; the provider picker, fixed by the command line

    @property
    def composer_pane(self) -> ComposerPane: ...  # a prompt from the command line; the token counts

    @property
    def dialogs(self) -> WindowDialogs: ...  # settings changed; a key typed without a keyring

    @property
    def transfer(self) -> Transfer: ...  # a later launch's --import

    def window(self) -> QWidget: ...  # QWidget.window(): brought to the front, parent of the key dialog


class Connector:
    """Builds the chat back end once the window is up: for the open conversation's provider profile,
    again when the user switches to a conversation on another provider, and when settings change.

    Back ends are kept per provider while the app runs, so a conversation switch never closes a client
    that another conversation is still streaming through; a settings change retires them (closed on
    quit) and builds fresh ones.
    """

    def __init__(self, host: ConnectorHost, args: argparse.Namespace, started: float) -> None:
        self.host = host
        self.session = host.session
        self.args = args
        self.started = started  # when the process started (ready_to_send is logged from it)
        self.emulator: Emulator | None = None
        self.client: Any = None  # the SDK client of the back end in use
        self.backends: dict[str, Backend] = {}  # provider key -> its back end
        self.session_api_key: str | None = None  # a key typed while there is no keyring
        self._retired: list[Any] = []  # clients of back ends replaced by a settings change
        self._generation = 0  # the newest connect() wins when several overlap
        self._task: asyncio.Task[None] | None = None
        self._models: asyncio.Future[None] | None = None  # the SDK's answer models built (client.py)
        host.dialogs.settings_changed.connect(self.reconnect)
        host.dialogs.session_key.connect(self._key_for_this_session)
        self.session.events.provider_wanted.connect(self._provider_wanted)
        if args.demo or args.base_url:
            self.session.profiles_fixed = True
            host.status.provider_picker.fix(
                (lambda: QCoreApplication.translate("Connector", "The demo uses the built-in emulator"))
                if args.demo
                else (
                    lambda: QCoreApplication.translate("Connector", "Fixed by --base-url on the command line")
                )
            )

    def _key_for_this_session(self, key: str) -> None:
        self.session_api_key = key

    def _provider_wanted(self, event: ProviderWanted) -> None:
        if event.reconnect:
            self.switch()

    def handle_request(self, request: Request) -> str:
        """A later launch's command line (see ui/single_instance.py): the window comes to the front,
        imports the file, sends the prompt; returns what it says to that launch."""
        window = self.host.window()
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        said: list[str] = []
        if request.import_file:
            job = self.host.transfer.import_path(Path(request.import_file))  # on its own thread
            said.append(
                f"The running desktop_chat window is importing {job.source.name}; "
                "it shows the progress and says what it imported."
            )
        if request.send:
            if self.client is None:  # still connecting: sent once connected, as at start-up
                self.args.send = request.send
            else:
                self._send(request.send)
            said.append("The prompt was given to the running desktop_chat window.")
        return " ".join(said)

    def _send(self, prompt: str) -> None:
        composer = self.host.composer_pane
        composer.composer.setPlainText(prompt)
        composer.send()

    def reconnect(self) -> None:
        """Settings or profiles changed: build the back end anew. The old clients (the one in use too)
        are closed once nothing streams through them."""
        for backend in self.backends.values():
            if backend.client is not None:
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
        session = self.session
        profile = None if (self.args.demo or self.args.base_url) else session.wanted_profile()
        key = (
            "demo"
            if self.args.demo
            else f"url:{self.args.base_url}"
            if self.args.base_url or profile is None
            else profile.id
        )
        backend = self.backends.get(key)
        if backend is None:
            if self.backends or fresh:
                session.set_backend(None)  # nothing is sent to the previous provider meanwhile
                self.host.status.show_connecting()
            backend = await self._build(key, profile, responses)
            if backend is None:
                return
            self.backends[key] = backend
        if generation != self._generation:
            return  # the user moved on to another conversation (or provider) meanwhile
        self.client = backend.client
        session.set_backend(backend)
        log.info("ready_to_send s=%.3f", time.perf_counter() - self.started)
        if self._models is None:  # in a worker, once a prompt can be sent (not before: start-up)
            from desktop_chat.core.api.client import build_sdk_models

            self._models = loop.run_in_executor(None, build_sdk_models)
            self._models.add_done_callback(_models_built)
        composer = self.host.composer_pane
        if composer.token_encoding is None:
            from desktop_chat.core.content import tokens

            name = tokens.encoding_for_model(session.effective_params().model)
            try:
                await loop.run_in_executor(None, tokens.encoding, name)
            except Exception as exc:  # token counts are a help; chatting must not depend on them
                log.error("token data unavailable: %s", exc)
            else:
                composer.tokens_ready(name)
        if self.args.send:
            prompt, self.args.send = self.args.send, None
            self._send(prompt)
        if self._retired and not session.busy:  # nothing streams through the old clients any more
            retired, self._retired = self._retired, []
            for client in retired:
                await client.close()

    async def _build(self, key: str, profile: Profile | None, responses: ModuleType) -> Backend | None:
        """A back end (client, stream function, preferred context mode) for a provider, or None with
        the reason shown in the window."""
        from desktop_chat.core.api import capabilities
        from desktop_chat.core.api.backend import Backend
        from desktop_chat.core.api.client import Connection, MissingKeyError, make_client, server_key
        from desktop_chat.core.api.providers.background import BackgroundApi
        from desktop_chat.core.api.providers.select import adaptive_backend, knowledge_label, route_of
        from desktop_chat.core.config import keys, log_masking, profiles
        from desktop_chat.core.config import settings as app_settings

        session, store = self.session, self.session.store
        import asyncio

        loop = asyncio.get_running_loop()
        if self.args.demo:
            if self.emulator is None:
                from desktop_chat.emulator import Emulator

                self.emulator = Emulator(delay_s=0.01, showcase=True)
                self.emulator.start()
            connection: Connection | None = Connection(api_key="sk-demo", base_url=self.emulator.base_url)
            label = DEMO_LABEL  # in English: the status bar translates each part when it shows it
            server = server_key(self.emulator.base_url)
        elif profile is None or profile.is_default:
            provider = app_settings.load_provider(store)
            base_url = self.args.base_url or provider.base_url
            api_key, source = await loop.run_in_executor(None, keys.resolve_api_key)
            if self.session_api_key:
                api_key, source = self.session_api_key, "session"
            if api_key is None and not (base_url or os.environ.get("OPENAI_BASE_URL")):
                api_key, base_url = self._ask_for_key(base_url)
                if self.args.demo:  # "Try the demo" in the key dialog
                    return await self._build(key, None, responses)
                # a key the keyring could not take is kept for this session only: say so
                source = "session" if api_key and api_key == self.session_api_key else "keyring"
            log_masking.remember_secret(api_key)
            connection = Connection(api_key=api_key, base_url=base_url)
            where = base_url or os.environ.get("OPENAI_BASE_URL") or "api.openai.com"
            label = f"{where} · {KEY_SOURCES.get(source, NO_KEY)}"
            server = server_key(base_url)  # what it can do is learnt on first use, per model
        else:
            connection = None
            server = profiles.server_of(profile)
        try:
            if connection is not None:
                client = make_client(connection)
            else:
                # another provider profile (Azure, a local server…): its own client, key and capabilities
                assert profile is not None
                api_key, _ = await loop.run_in_executor(None, profiles.get_key, profile)
                log_masking.remember_secret(api_key)
                client = profiles.make_client(profile, api_key)
                label = profiles.describe(profile)
                await capabilities.ensure(store, server, client, profile.default_model)
        except MissingKeyError as exc:
            session.set_backend(None, exc.user_message)
            return None
        except Exception as exc:  # a broken profile must not leave the window half-connected
            where = profile.name if profile else QCoreApplication.translate("Connector", "the server")
            session.set_backend(
                None,
                QCoreApplication.translate("Connector", "Could not connect to %1: %2")
                .replace("%1", where)
                .replace("%2", str(exc)),
            )
            return None
        # a server's own choices (API, streaming) come with its profile; --base-url finds out by itself
        fixed = None if self.args.base_url or self.args.demo else profile or profiles.get_profile(store, None)
        route = route_of(fixed)
        knowledge = capabilities.ServerKnowledge(store, server, client)
        model = session.effective_params().model
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
            background=BackgroundApi(client),
        )

    def _ask_for_key(self, base_url: str | None) -> tuple[str | None, str | None]:
        from desktop_chat.core.config import keys
        from desktop_chat.core.config import settings as app_settings
        from desktop_chat.ui.dialogs.key_dialog import KeyDialog

        dialog = KeyDialog(self.host.window())
        usable, reason = keys.keyring_status()
        if not usable:
            dialog.set_keyring_warning(
                QCoreApplication.translate(
                    "Connector",
                    "No system keyring is available (%1). The key will be used for this session only; "
                    "set OPENAI_API_KEY in the environment to avoid typing it each time.",
                ).replace("%1", reason)
            )
        log.info("key_dialog_shown")
        if not dialog.exec():
            return None, base_url
        if dialog.demo_chosen:
            self.args.demo = True
            return None, base_url
        key, new_base = dialog.result_key() or None, dialog.result_base_url() or base_url
        if new_base != base_url:
            app_settings.save_provider(self.session.store, app_settings.ProviderSettings(new_base))
        if key:
            try:
                keys.set_api_key(key)
            except keys.KeyringUnavailable:
                self.session_api_key = key
        return key, new_base

    async def _close_clients(self) -> None:
        clients = [*self._retired, *(b.client for b in self.backends.values())]
        self._retired, self.backends, self.client = [], {}, None
        for client in {id(c): c for c in clients if c is not None}.values():
            await client.close()

    async def aclose(self) -> None:
        """Close the connection pool and the demo emulator (on quit)."""
        await self.host.dialogs.cancel_background_tasks()
        await self._close_clients()
        if self.emulator is not None:
            self.emulator.stop()
            self.emulator = None


# the connection's label is made of parts joined by " · ", kept in English: the status bar shows each
# part translated in the "Connector" context (a host name or an API name is shown as it is)
DEMO_LABEL = QT_TRANSLATE_NOOP("Connector", "DEMO — local emulator")
KEY_SOURCES = {
    "keyring": QT_TRANSLATE_NOOP("Connector", "key from the keyring"),
    "environment": QT_TRANSLATE_NOOP("Connector", "key from the environment"),
    "session": QT_TRANSLATE_NOOP("Connector", "key from this session"),
}
NO_KEY = QT_TRANSLATE_NOOP("Connector", "no key")


def _models_built(future: asyncio.Future[None]) -> None:
    if not future.cancelled() and future.exception() is not None:  # built when first needed, as before
        log.warning("SDK models not built ahead: %r", future.exception())


def _import_provider() -> ModuleType:
    from desktop_chat.core.api.providers import responses

    return responses
