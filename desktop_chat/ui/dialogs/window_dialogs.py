"""The dialogs the window's actions open: settings, provider profiles, the context inspector, editing a
prompt, fanning out variants, and comparing answers side by side. Each reads and changes the session;
what they cannot do is said in the banner.

The server's model list (for the settings and fan-out pickers) is fetched whenever a back end connects.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from desktop_chat.core.config import keys
from desktop_chat.core.config import settings as app_settings
from desktop_chat.core.config.personas import Persona
from desktop_chat.core.content import pricing
from desktop_chat.core.conversation.model import Node, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session import events
from desktop_chat.core.session.service import ChatSession, Turn
from desktop_chat.ui.status.status_bar import NoticeBanner

# each dialog's module loads when it is first opened (the profiles dialog loads the SDK)
if TYPE_CHECKING:
    from desktop_chat.ui.dialogs.compare_view import CompareView
    from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog

log = logging.getLogger("desktop_chat")


class WindowDialogs(QObject):
    settings_changed = Signal()  # the server, its key or the profiles changed: connect anew
    prices_changed = Signal(object)  # dict[str, Price]
    session_key = Signal(str)  # a key typed while there is no keyring: for this session only
    models_listed = Signal(list)  # the server's model names (fetched when a back end connects)
    continue_from = Signal(str)  # a compared answer was chosen to go on from (it is selected now)

    def __init__(
        self,
        window: QWidget,
        session: ChatSession,
        banner: NoticeBanner,
        personas: Callable[[], list[Persona]],
        draft: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.banner = banner
        self.personas = personas
        self.draft = draft  # the composer's text, for the context inspector
        self.models: list[str] = []
        self.compare_view: CompareView | None = None
        self._models_task: asyncio.Task[None] | None = None
        session.events.backend_changed.connect(self._backend_changed)
        session.events.turn_progress.connect(lambda event: self._node_updated(event.node))
        session.events.turn_finished.connect(lambda event: self._node_updated(event.node))

    # -- settings and providers -------------------------------------------------------------------
    def open_mcp_servers(self) -> QDialog:
        """The MCP servers dialog; OK saves which servers the open conversation (or the next) uses."""
        from desktop_chat.ui.dialogs.mcp_dialog import McpServersDialog

        session = self.session
        dialog = McpServersDialog(session.store, session.effective_params().mcp_servers, self.window)

        def done(code: int) -> None:
            if code != QDialog.DialogCode.Accepted:
                return
            conversation = session.conversation
            override = conversation.params_override if conversation else session.pending_override
            self.banner.attempt(
                lambda: session.set_override({**(override or {}), "mcp_servers": dialog.enabled()})
            )

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def open_settings(self) -> None:
        from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog

        store, conversation = self.session.store, self.session.conversation
        provider = app_settings.load_provider(store)
        dialog = SettingsDialog(
            app_settings.load_default_params(store),
            conversation.params_override if conversation else None,
            provider.base_url,
            self.window,
            conversation_title=conversation.title if conversation else None,
            prices=pricing.load_prices(store),
        )
        dialog.set_models(self.models)
        dialog.refresh_models_requested.connect(lambda: self.refresh_models(dialog))
        if not dialog.exec():
            return
        app_settings.save_default_params(store, dialog.result_defaults())
        pricing.save_prices(store, dialog.result_prices())
        self.prices_changed.emit(dialog.result_prices())
        if conversation is not None:
            override = dialog.result_override()
            self.banner.attempt(lambda: self.session.set_override(override))
        changed_backend = dialog.result_base_url() != provider.base_url
        app_settings.save_provider(store, app_settings.ProviderSettings(dialog.result_base_url()))
        new_key = dialog.result_api_key()
        if new_key:
            changed_backend = True
            try:
                keys.set_api_key(new_key)
            except keys.KeyringUnavailable as exc:
                self.session_key.emit(new_key)
                QMessageBox.warning(self.window, "No system keyring", exc.user_message)
        if changed_backend:
            self.settings_changed.emit()

    def open_profiles(self) -> None:
        """Provider profiles (OpenAI, Azure OpenAI, OpenAI-compatible servers), each with its own key."""
        from desktop_chat.ui.dialogs.profiles_dialog import ProfilesDialog

        dialog = ProfilesDialog(self.session.store, self.window)
        dialog.profiles_changed.connect(self.settings_changed)
        dialog.exec()

    def open_context_inspector(self) -> None:
        """What the next request will carry, item by item with token counts; exclude turns from it."""
        from desktop_chat.ui.dialogs.context_inspector import ContextInspector

        session = self.session
        text = self.draft()
        dialog = ContextInspector(
            session.tree or ConversationTree(""),
            session.selected_node_id,
            [user_message(text)] if text.strip() else [],
            session.effective_params(),
            prefer=session.prefer_mode,
            client=session.backend.client if session.backend else None,
            provider=session.provider,
            parent=self.window,
        )
        if dialog.exec():
            current = (
                session.conversation.params_override if session.conversation else session.pending_override
            )
            override = {**current, **dialog.result_override()}
            self.banner.attempt(lambda: session.set_override(override))

    # -- asking again -----------------------------------------------------------------------------
    def regenerate_with(self) -> None:
        """Ask the selected turn again with another model, temperature or persona (one new sibling)."""
        self.fan_out(1, regenerate=True)

    def fan_out(self, count: int | None = None, *, regenerate: bool = False) -> None:
        """Send the selected turn's prompt again as N variants at once (model, temperature, persona),
        then compare the answers as they stream."""
        from desktop_chat.ui.dialogs.turn_dialogs import FanOutDialog

        node = self.session.selected_node()
        if node is None or self.session.busy:
            return
        dialog = FanOutDialog(
            self.session.effective_params(),
            self.models,
            self.window,
            count=count or 3,
            personas=self.personas(),
            regenerate=regenerate,
        )
        if not dialog.exec():
            return
        turns: list[Turn] = []
        if self.banner.attempt(lambda: turns.extend(self.session.fan_out(dialog.variants(), node.id))):
            ids = [turn.node.id for turn in turns]
            QTimer.singleShot(0, lambda: self.compare_nodes(ids))

    # -- comparing --------------------------------------------------------------------------------
    def compare_nodes(self, node_ids: list[str]) -> None:
        """Show answers side by side: parameters, usage, latency and a word diff."""
        from desktop_chat.ui.dialogs.compare_view import CompareView

        tree = self.session.tree
        if tree is None or len(node_ids) < 2:
            return
        if self.compare_view is None:
            self.compare_view = CompareView(self.window)
            self.compare_view.finished.connect(self._compare_closed)
            self.compare_view.stop_requested.connect(self.session.stop)
            self.compare_view.continue_requested.connect(self._continue_from)
        self.compare_view.set_nodes([tree.get(node_id) for node_id in node_ids])
        self.compare_view.show()
        self.compare_view.raise_()

    def _continue_from(self, node_id: str) -> None:
        """Select the chosen answer in the main window, bring the window up and let the user write."""
        tree = self.session.tree
        if tree is None or node_id not in tree:
            return
        self.session.select_node(node_id)
        self.window.activateWindow()
        self.window.raise_()
        self.continue_from.emit(node_id)

    def compare_siblings(self) -> None:
        node, tree = self.session.selected_node(), self.session.tree
        if node is not None and tree is not None:
            self.compare_nodes([sibling.id for sibling in tree.siblings(node.id)])

    def close(self) -> None:
        if self.compare_view is not None:
            self.compare_view.close()

    def _compare_closed(self) -> None:
        self.compare_view = None

    def _node_updated(self, node: Node) -> None:
        if self.compare_view is not None:
            self.compare_view.node_updated(node)

    # -- the server's models ----------------------------------------------------------------------
    def _backend_changed(self, event: events.BackendChanged) -> None:
        if event.connected:
            self.refresh_models()

    def refresh_models(self, dialog: SettingsDialog | None = None) -> None:
        backend = self.session.backend
        if backend is None or backend.list_models is None:
            return
        list_models = backend.list_models

        async def fetch() -> None:
            try:
                self.models = await list_models()
            except Exception as exc:  # any server/network failure: keep the editable list as it is
                log.info("models list unavailable: %s", exc)
                return
            self.models_listed.emit(self.models)
            if dialog is not None:
                dialog.set_models(self.models)

        self._models_task = asyncio.ensure_future(fetch())

    async def cancel_background_tasks(self) -> None:
        """Stop the model list request before the client is closed (bounded: quitting must not hang)."""
        task = self._models_task
        if task is not None and not task.done():
            task.cancel()
            await asyncio.wait([task], timeout=2)
