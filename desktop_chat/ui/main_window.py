"""The main window: conversations, the tree of the current one, the transcript and the composer.

It coordinates; the work is elsewhere: `core.turns.TurnRunner` streams answers into nodes, the store
persists, the views render. Nothing here imports `openai`: the chat back end arrives after first
paint through `set_backend` (see app.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop_chat.ui import i18n
from desktop_chat.ui.window_prefs import SPLITTERS, WindowPrefs

# The frame paints before the rest loads (see MainWindow.__init__). What it does not need is imported
# where used: the store and the conversation model (sqlite, dataclasses: ~20 ms), asyncio and the
# turn machinery, provider profiles, pricing, attachments, Qt's `Qt` namespace (~14 ms), and the Qt
# classes the panes and dialogs use (through `QtWidgets.` and `QtGui.`: PySide builds each class on
# first use, ~0.5 ms apiece).
if TYPE_CHECKING:
    import asyncio

    from PySide6.QtGui import QCloseEvent

    from desktop_chat.core.api.backend import Backend
    from desktop_chat.core.config import profiles
    from desktop_chat.core.config.personas import Persona
    from desktop_chat.core.conversation.model import ChatParams, ContextMode, Conversation, Node
    from desktop_chat.core.conversation.store import Store
    from desktop_chat.core.conversation.tree import ConversationTree
    from desktop_chat.core.session import events as session_events
    from desktop_chat.core.session.service import ChatSession, Turn
    from desktop_chat.core.session.turns import TurnRunner
    from desktop_chat.ui.composer.composer import Composer
    from desktop_chat.ui.composer.composer_pane import ComposerPane
    from desktop_chat.ui.status.status_bar import StatusBar

log = logging.getLogger("desktop_chat")


class MainWindow(QMainWindow):
    # the panes (built by finish_startup)
    status: StatusBar
    composer: Composer
    composer_pane: ComposerPane

    def __init__(
        self,
        store: Store | None = None,
        *,
        prefs: WindowPrefs | None = None,
        demo: bool = False,
        startup_notice: str | None = None,
    ) -> None:
        """The window over `store`, its look from `prefs` (default: the ini beside the store).

        Without a store, only its frame: it can be shown and paints at once, from the prefs alone.
        The app does that, opens the store, then calls `finish_startup(store)` to build the panes,
        menus and conversations, so the user sees the window while the rest loads (~0.15 s)."""
        super().__init__()
        if prefs is None:
            if store is None:
                raise ValueError("a window needs its store or its prefs")
            prefs = WindowPrefs(store.path.parent)
        self.setObjectName("main_window")
        self.prefs = prefs
        self.demo = demo
        self.ready = False
        self._update_title()
        self.resize(1180, 760)
        self._restore_geometry()
        if store is None:
            # an empty frame: text would load the fonts first (~5 ms); the panes follow within ~0.1 s
            placeholder = QWidget()
            placeholder.setObjectName("startup_placeholder")
            self.setCentralWidget(placeholder)
        else:
            self.finish_startup(store, startup_notice)

    def finish_startup(self, store: Store, startup_notice: str | None = None) -> None:
        """Build the panes, menus and status bar over `store` and open the most recent conversation."""
        if self.ready:
            return
        from desktop_chat.core.session.service import ChatSession

        self.store = store
        # the open conversation, its tree, the turns streaming and the back end live in the session
        self.session = ChatSession(store)
        had_layout = self.prefs.has_layout()
        app = QApplication.instance()
        if self.prefs.adopt(store) and isinstance(app, QApplication):
            # an older version kept the look in the database: copied once, applied before the panes
            self.prefs.apply(app)
            self._update_title()
        if not had_layout and self.prefs.has_layout():
            self._restore_geometry()
        self.models: list[str] = []
        self.compare_view: Any = None
        self.shortcuts_dialog: Any = None
        self.on_settings_changed: Callable[[], None] | None = None  # app.py rebuilds the backend
        self.on_provider_needed: Callable[[], None] | None = None  # app.py switches to another profile
        self.session_api_key: str | None = None  # set when there is no keyring: this session only
        self._build_ui()
        self._build_actions()
        self._listen(self.session)
        self._load_conversations()
        self._restore_layout()
        self.ready = True
        self.composer.setFocus()
        if startup_notice:
            self.show_notice(startup_notice)
        elif self.demo:
            self.show_notice(
                self.tr(
                    "Demo mode: answers come from a built-in local emulator that shows what context it "
                    "received. Nothing leaves this machine and no key is needed."
                )
            )

    # -- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        # the panes' modules load here, after the frame has painted (see __init__)
        from PySide6.QtCore import Qt

        from desktop_chat.core.content import pricing
        from desktop_chat.ui.composer.attachment_bar import accept_drops
        from desktop_chat.ui.composer.composer_pane import ComposerPane
        from desktop_chat.ui.conversations.conversations_pane import ConversationsPane
        from desktop_chat.ui.status.status_bar import NoticeBanner, StatusBar
        from desktop_chat.ui.transcript.transcript_pane import TranscriptPane
        from desktop_chat.ui.tree.tree_pane import TreePane

        self.conversations = ConversationsPane(self.store, self)
        self.conversations.new_requested.connect(self.new_conversation)
        self.conversations.conversation_selected.connect(self.open_conversation)
        self.conversations.title_edited.connect(self.save_title)
        self.conversations.search_result_activated.connect(self.open_search_result)
        self.conversations.menu_requested.connect(self._conversation_menu)

        self.tree_pane = TreePane(self)
        self.tree_pane.node_selected.connect(self.select_node)
        self.tree_pane.graph_toggled.connect(self._graph_toggled)

        left_split = self.left_split = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        left_split.addWidget(self.conversations)
        left_split.addWidget(self.tree_pane)
        left_split.setSizes([330, 440])
        left = QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(left_split)

        from desktop_chat.core.content.attachments import AttachmentStore, attachments_dir

        attachment_store = AttachmentStore(attachments_dir(self.store.path.parent))
        self.composer_pane = ComposerPane(attachment_store, self, self)
        self.composer_pane.send_requested.connect(self.send)
        self.composer_pane.stop_requested.connect(self.stop)
        self.composer_pane.retry_requested.connect(self.regenerate)
        self.composer_pane.notice.connect(self.show_notice)
        self.composer = self.composer_pane.composer
        self.attachments = self.composer_pane.attachments
        accept_drops(self, self.attachments)  # files and images dropped anywhere on the window
        self.transcript_pane = TranscriptPane(pricing.load_prices(self.store), attachment_store, self)
        self.transcript_pane.flash.connect(lambda text, ms: self.status.flash(text, ms))
        self._context_estimate: tuple[Any, int] | None = None  # (what it was computed for, tokens)
        self._tree_version = 0  # bumped when a turn finishes (answers change the replayed context)

        self.banner = NoticeBanner()
        right = QWidget()
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.transcript_pane, 1)
        right_layout.addWidget(self.composer_pane)

        split = self.main_split = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 850])
        self.setCentralWidget(split)

        self.status = StatusBar(self.store, self.wanted_profile_id(), self)
        self.status.add_draft_label(self.composer_pane.draft_label)
        self.status.provider_picker.picked.connect(self.pick_provider)
        self.setStatusBar(self.status)
        self._update_status()
        self._update_reply_target()

    def _build_actions(self) -> None:
        from desktop_chat.ui.actions import build_menus
        from desktop_chat.ui.look_menu import LookMenus

        self.menus = build_menus(self, self)
        self.conversations.menu_actions = [
            self.menus["action_rename"],
            self.menus["action_delete_conversation"],
        ]
        self.persona_menu = self.menus.menus["chat"].addMenu(self.tr("&Persona"))
        self.persona_menu.setObjectName("persona_menu")
        self.persona_menu.aboutToShow.connect(self._fill_persona_menu)
        self.look = LookMenus(self.menus.menus["view"], self.prefs)
        self.look.theme_changed.connect(lambda _key: self.transcript_pane.redraw())
        self.look.notice.connect(self.show_notice)

    def open_response_by_id(self) -> None:
        from desktop_chat.ui.tree import tree_actions

        tree_actions.request_open_by_id(self)

    def compact(self) -> None:
        from desktop_chat.ui.tree import tree_actions

        tree_actions.request_compact(self)

    def delete_turn(self) -> None:
        from desktop_chat.ui.tree import tree_actions

        tree_actions.request_delete(self)

    # -- conversations --------------------------------------------------------------------------
    def _load_conversations(self) -> None:
        newest = self.conversations.list_pages(self.store.list_conversations)  # more as the list scrolls
        if newest is not None:
            self.open_conversation(newest.id)

    def new_conversation(self) -> None:
        """Start an empty conversation; it is saved when its first prompt is sent."""
        self.session.new_conversation()
        self.composer.setFocus()

    def open_conversation(self, conversation_id: str) -> None:
        self.session.open_conversation(conversation_id)

    def rename_conversation(self) -> None:
        """Edit the open conversation's title in place, in the list (Enter saves, Esc keeps the old one)."""
        if self.conversation is None:
            self.show_notice(self.tr("Open a conversation to rename it."))
            return
        self.conversations.rename(self.conversation.id)

    def save_title(self, conversation_id: str, title: str) -> None:
        """A title typed in the list: saved at once (search finds it by the new title)."""
        self.attempt(lambda: self.session.rename_conversation(conversation_id, title))

    def delete_conversation(self) -> None:
        """Delete the open conversation from this computer, after confirmation."""
        conversation = self.conversation
        if conversation is None:
            return
        if not self.attempt(lambda: self.session.check_deletable(conversation.id)):
            return
        box = QtWidgets.QMessageBox(
            QtWidgets.QMessageBox.Icon.Question,
            self.tr("Delete conversation"),
            self.tr(
                "Delete “%1” and all its branches from this computer? This cannot be undone.\n\n"
                "Responses stored on the server are not deleted."
            ).replace("%1", conversation.title),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("delete_conversation_dialog")
        box.setDefaultButton(QtWidgets.QMessageBox.StandardButton.No)
        answer = box.exec()
        if answer != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        if self.attempt(lambda: self.session.delete_conversation(conversation.id)):
            self.composer.setFocus()

    def _conversation_menu(self, conversation_id: str) -> None:
        """A right click in the list acts on that conversation: open it first."""
        if self.conversation is None or self.conversation.id != conversation_id:
            self.open_conversation(conversation_id)

    def open_search_result(self, conversation_id: str, node_id: str) -> None:
        self.open_conversation(conversation_id)
        if node_id:
            self.select_node(node_id)

    # -- import / export ------------------------------------------------------------------------
    def import_dialog(self) -> None:
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("Import conversations"),
            "",
            self.tr("ChatGPT export or desktop_chat JSON (*.json *.zip);;All files (*)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> str:
        """Import a file (all or nothing) and say what happened; returns the message shown."""
        from desktop_chat import cli
        from desktop_chat.core.content.attachments import attachments_dir
        from desktop_chat.core.conversation.store import StoreError
        from desktop_chat.core.interchange.export import ImportFailed

        try:
            summary = cli.import_file(self.store, path, attachments_dir(self.store.path.parent))
        except (ImportFailed, StoreError) as exc:
            message = exc.user_message
            QtWidgets.QMessageBox.warning(self, self.tr("Import failed"), message)
            return message
        self.session.reload_conversations()
        message = summary.text()
        self.show_notice(message)
        return message

    def export_all(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Export all conversations"),
            "desktop_chat-export.json",
            "JSON (*.json);;Markdown (*.md)",
        )
        if path:
            self.export_path(Path(path))

    def export_path(self, path: Path) -> str:
        from desktop_chat import cli
        from desktop_chat.core.content.attachments import attachments_dir
        from desktop_chat.core.interchange.export import ImportFailed

        try:
            message = cli.export_file(self.store, path, attachments_dir(self.store.path.parent))
        except ImportFailed as exc:
            message = exc.user_message
            QtWidgets.QMessageBox.warning(self, self.tr("Export failed"), message)
            return message
        self.show_notice(message)
        return message

    def export_markdown(self, whole_tree: bool) -> None:
        from desktop_chat.core.conversation.model import title_from_prompt
        from desktop_chat.core.interchange import export

        if self.conversation is None or self.tree is None:
            return
        if whole_tree:
            text = export.markdown_for_tree(self.conversation, self.tree.nodes())
        else:
            text = export.markdown_for_path(self.conversation, self.tree.path_to(self.selected_node_id()))
        name = title_from_prompt(self.conversation.title, 40).replace("/", "-") + ".md"
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Export as Markdown"), name, "Markdown (*.md)"
        )
        if path:
            try:
                export.write_text_atomically(Path(path), text)
            except OSError as exc:
                QtWidgets.QMessageBox.warning(
                    self,
                    self.tr("Export failed"),
                    self.tr("%1 cannot be written: %2").replace("%2", str(exc)).replace("%1", path),
                )

    # -- selection --------------------------------------------------------------------------
    def selected_node_id(self) -> str | None:
        return self.session.selected_node_id

    def select_node(self, node_id: str) -> None:
        """The user picked a node: show its path and make it the reply target."""
        self.session.select_node(node_id)

    # -- appearance, language, personas, help --------------------------------------------------
    def personas(self) -> list[Persona]:
        from desktop_chat.core.config import personas

        return personas.load(self.store, i18n.resolve(self.prefs.language))

    def _fill_persona_menu(self) -> None:
        menu = self.persona_menu
        menu.clear()
        current = self.effective_params().instructions
        none = menu.addAction(self.tr("No persona (default instructions)"))
        none.setCheckable(True)
        none.setChecked(not (self.conversation and self.conversation.params_override.get("instructions")))
        none.triggered.connect(lambda: self.use_persona(None))
        for persona in self.personas():
            act = menu.addAction(persona.name)
            act.setCheckable(True)
            act.setChecked(bool(persona.instructions) and persona.instructions == current)
            act.setToolTip(persona.instructions)
            act.triggered.connect(lambda _=False, p=persona: self.use_persona(p))
        menu.addSeparator()
        manage = menu.addAction(self.tr("Manage personas…"))
        manage.setObjectName("action_manage_personas")
        manage.triggered.connect(self.manage_personas)

    def use_persona(self, persona: Persona | None) -> None:
        """Use a persona's instructions for this conversation (or the next one started)."""
        override = dict(self.conversation.params_override if self.conversation else self.pending_override)
        if persona is None:
            override.pop("instructions", None)
        else:
            override["instructions"] = persona.instructions
        if not self.attempt(lambda: self.session.set_override(override)):
            return
        name = persona.name if persona else self.tr("no persona")
        self.status.flash(self.tr("Persona: %s") % name, 4000)

    def manage_personas(self) -> None:
        from desktop_chat.core.config import personas
        from desktop_chat.ui.dialogs.personas_dialog import PersonasDialog

        dialog = PersonasDialog(self.personas(), self)
        if dialog.exec():
            personas.save(self.store, dialog.personas())

    def show_shortcuts(self) -> None:
        from desktop_chat.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.open()

    def _restore_geometry(self) -> None:
        """The window's saved size and place (before it is shown)."""
        geometry = self.prefs.geometry
        if geometry is not None and not self.restoreGeometry(geometry):
            log.info("ignoring an unreadable saved window geometry")

    def _restore_layout(self) -> None:
        for splitter, name in zip((self.main_split, self.left_split), SPLITTERS, strict=True):
            sizes = self.prefs.splitter_sizes(name)
            if sizes is not None:
                splitter.setSizes(sizes)
        tab = self.prefs.tab
        if tab is not None:
            self.tree_pane.tree_tabs.setCurrentIndex(tab)

    def _save_layout(self) -> None:
        """Remember geometry, splitters and the tree tab (best effort: see WindowPrefs)."""
        self.prefs.save_layout(
            self.saveGeometry(),
            {
                name: splitter.sizes()
                for splitter, name in zip((self.main_split, self.left_split), SPLITTERS, strict=True)
            },
            self.tree_pane.tree_tabs.currentIndex(),
        )

    def _graph_toggled(self, shown: bool) -> None:
        """The graph wants room: widen the left pane while it is shown."""
        sizes = self.main_split.sizes()
        total = sum(sizes)
        left = int(total * 0.45) if shown else 330
        self.main_split.setSizes([left, total - left])

    def set_tree(self, tree: ConversationTree | None) -> None:
        self.tree_pane.set_tree(tree)

    def _show_node(self, node_id: str | None) -> None:
        """Show the selected node: in the tree views, its path in the transcript, the reply target."""
        self.tree_pane.select_node(node_id)
        self.transcript_pane.show_node(self.tree, node_id)
        self._update_reply_target()
        self._update_status()

    # -- sending ------------------------------------------------------------------------------
    def effective_params(self) -> ChatParams:
        return self.session.effective_params()

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run a session use case; when it refuses or fails, say why (settings problems in a dialog,
        the rest in the banner) and return False: nothing changed then."""
        from desktop_chat.core.session.errors import SessionError, SettingsInvalid

        try:
            action()
        except SettingsInvalid as exc:
            problems = [i18n.core_text(problem) for problem in exc.problems]
            QtWidgets.QMessageBox.warning(self, self.tr("Settings need attention"), "\n".join(problems))
            return False
        except SessionError as exc:
            self.show_notice(i18n.core_text(exc.user_message))
            return False
        return True

    def send(self) -> None:
        """Send the composer's prompt; the composer is cleared only once the prompt is stored."""
        text = self.composer.toPlainText().strip()
        attachments = self.attachments.attachments()
        if (not text and not attachments) or self.composer.pasting:
            return
        if self.attempt(lambda: self.session.send(text, attachments)):
            self.composer_pane.clear()

    def selected_node(self) -> Node | None:
        return self.session.selected_node()

    def regenerate(self) -> None:
        """Ask again with the selected node's input: a new sibling, the original kept."""
        if self.selected_node() is not None and not self.session.busy:
            self.attempt(self.session.regenerate)

    def edit_prompt(self) -> None:
        """Edit the selected node's prompt and send it as a new sibling; the original stays."""
        from desktop_chat.ui.dialogs.turn_dialogs import PromptEditDialog

        node = self.selected_node()
        if node is None or self.session.busy:
            return
        dialog = PromptEditDialog(node.user_text, self)
        if dialog.exec() and dialog.text().strip():
            self.attempt(lambda: self.session.edit_and_resend(dialog.text().strip(), node.id))

    def fan_out(self, count: int | None = None) -> None:
        """Send the selected node's prompt again as N variants at once (model, temperature, persona)."""
        from desktop_chat.ui.dialogs.turn_dialogs import FanOutDialog

        node = self.selected_node()
        if node is None or self.session.busy:
            return
        dialog = FanOutDialog(
            self.effective_params(), self.models, self, count=count or 3, personas=self.personas()
        )
        if not dialog.exec():
            return
        turns: list[Turn] = []
        if self.attempt(lambda: turns.extend(self.session.fan_out(dialog.variants(), node.id))):
            ids = [turn.node.id for turn in turns]
            QTimer.singleShot(0, lambda: self.compare_nodes(ids))

    @property
    def active(self) -> set[asyncio.Task[Node]] | None:
        """The turns still streaming, or None when the window is idle."""
        return self.session.tasks or None

    def stop(self) -> None:
        """Stop every answer that is streaming; what arrived is kept."""
        self.session.stop()

    # -- what the session holds (read through the window by app.py, dialogs and tests) ------------
    @property
    def conversation(self) -> Conversation | None:
        return self.session.conversation

    @property
    def tree(self) -> ConversationTree | None:
        return self.session.tree

    @property
    def backend(self) -> Backend | None:
        return self.session.backend

    @backend.setter
    def backend(self, backend: Backend | None) -> None:
        """Swap the back end without telling anyone (tests: a reconnect in progress)."""
        self.session.backend = backend

    @property
    def runner(self) -> TurnRunner | None:
        return self.session.runner

    @property
    def live(self) -> dict[str, Node]:
        return self.session.live

    @property
    def tasks(self) -> set[asyncio.Task[Node]]:
        return self.session.tasks

    @property
    def prefer_mode(self) -> ContextMode:
        return self.session.prefer_mode

    @prefer_mode.setter
    def prefer_mode(self, mode: ContextMode) -> None:
        self.session.prefer_mode = mode

    @property
    def pending_override(self) -> dict[str, Any]:
        return self.session.pending_override

    @property
    def profiles_fixed(self) -> bool:
        return self.session.profiles_fixed

    @profiles_fixed.setter
    def profiles_fixed(self, fixed: bool) -> None:
        self.session.profiles_fixed = fixed

    # -- what the session tells ------------------------------------------------------------------
    def _listen(self, session: ChatSession) -> None:
        events = session.events
        events.conversations_reloaded.connect(
            lambda _e: self.conversations.reload_pages(session.conversations)
        )
        events.conversation_added.connect(lambda e: self.conversations.add_conversation(e.conversation))
        events.conversation_removed.connect(
            lambda e: self.conversations.remove_conversation(e.conversation_id)
        )
        events.conversation_updated.connect(lambda e: self.conversations.update_conversation(e.conversation))
        events.tree_replaced.connect(self._tree_replaced)
        events.selection_changed.connect(lambda e: self._show_node(e.node_id))
        events.turn_progress.connect(self.turn_progress)
        events.turn_activity.connect(self.turn_activity)
        events.turn_finished.connect(self.turn_finished)
        events.busy_changed.connect(self._busy_changed)
        events.backend_changed.connect(self._backend_changed)
        events.provider_wanted.connect(self._provider_wanted)
        events.notice.connect(lambda e: self.show_notice(i18n.core_text(e.text)))
        events.error.connect(lambda e: self.show_notice(i18n.core_text(e.text)))

    def _tree_replaced(self, event: session_events.TreeReplaced) -> None:
        self.set_tree(event.tree)
        self.conversations.show_open(event.conversation.id if event.conversation is not None else None)

    def turn_progress(self, event: session_events.TurnProgress) -> None:
        node = event.node
        self.transcript_pane.node_progress(node)
        if self.compare_view is not None:
            self.compare_view.node_updated(node)
        if log.isEnabledFor(logging.DEBUG):
            log.debug("turn_progress node=%s chars=%d", node.id, len(node.output_text))

    def turn_activity(self, event: session_events.TurnActivity) -> None:
        text = i18n.core_text(event.text)  # e.g. "Waiting for the server…"
        self.status.flash(text, 3000)
        self.transcript_pane.node_activity(event.node, text)

    def turn_finished(self, event: session_events.TurnFinished) -> None:
        node = event.node
        self._tree_version += 1
        self.transcript_pane.node_progress(node)
        if self.compare_view is not None:
            self.compare_view.node_updated(node)
        self._update_status(node)

    def _busy_changed(self, event: session_events.BusyChanged) -> None:
        self.composer_pane.set_busy(event.busy)
        if not event.busy:
            self._update_reply_target()

    # -- compare ------------------------------------------------------------------------------
    def compare_nodes(self, node_ids: list[str]) -> None:
        """Show answers side by side: parameters, usage, latency and a word diff."""
        from desktop_chat.ui.dialogs.compare_view import CompareView

        if self.tree is None or len(node_ids) < 2:
            return
        if self.compare_view is None:
            self.compare_view = CompareView(self)
            self.compare_view.finished.connect(self._compare_closed)
            self.compare_view.stop_requested.connect(self.stop)
        self.compare_view.set_nodes([self.tree.get(node_id) for node_id in node_ids])
        self.compare_view.show()
        self.compare_view.raise_()

    def compare_siblings(self) -> None:
        node = self.selected_node()
        if node is not None and self.tree is not None:
            self.compare_nodes([sibling.id for sibling in self.tree.siblings(node.id)])

    def _compare_closed(self) -> None:
        self.compare_view = None

    # -- settings ------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from desktop_chat.core.config import keys
        from desktop_chat.core.config import settings as app_settings
        from desktop_chat.core.content import pricing
        from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog

        defaults = app_settings.load_default_params(self.store)
        provider = app_settings.load_provider(self.store)
        dialog = SettingsDialog(
            defaults,
            self.conversation.params_override if self.conversation else None,
            provider.base_url,
            self,
            conversation_title=self.conversation.title if self.conversation else None,
            prices=pricing.load_prices(self.store),
        )
        dialog.set_models(self.models)
        dialog.refresh_models_requested.connect(lambda: self.refresh_models(dialog))
        if not dialog.exec():
            return
        app_settings.save_default_params(self.store, dialog.result_defaults())
        pricing.save_prices(self.store, dialog.result_prices())
        self.transcript_pane.set_prices(dialog.result_prices())
        if self.conversation is not None:
            override = dialog.result_override()
            self.attempt(lambda: self.session.set_override(override))
        changed_backend = dialog.result_base_url() != provider.base_url
        app_settings.save_provider(self.store, app_settings.ProviderSettings(dialog.result_base_url()))
        new_key = dialog.result_api_key()
        if new_key:
            changed_backend = True
            try:
                keys.set_api_key(new_key)
            except keys.KeyringUnavailable as exc:
                self.session_api_key = new_key
                QtWidgets.QMessageBox.warning(self, "No system keyring", exc.user_message)
        self._update_status()
        if changed_backend and self.on_settings_changed:
            self.on_settings_changed()

    def open_context_inspector(self) -> None:
        """What the next request will carry, item by item with token counts; exclude turns from it."""
        from desktop_chat.core.conversation.model import user_message
        from desktop_chat.core.conversation.tree import ConversationTree
        from desktop_chat.ui.dialogs.context_inspector import ContextInspector

        text = self.composer.toPlainText()
        dialog = ContextInspector(
            self.tree or ConversationTree(""),
            self.selected_node_id(),
            [user_message(text)] if text.strip() else [],
            self.effective_params(),
            prefer=self.prefer_mode,
            client=self.backend.client if self.backend else None,
            provider=self.session.provider,
            parent=self,
        )
        if dialog.exec():
            current = self.conversation.params_override if self.conversation else self.pending_override
            override = {**current, **dialog.result_override()}
            self.attempt(lambda: self.session.set_override(override))

    def open_profiles(self) -> None:
        """Provider profiles (OpenAI, Azure OpenAI, OpenAI-compatible servers), each with its own key."""
        from desktop_chat.ui.dialogs.profiles_dialog import ProfilesDialog

        dialog = ProfilesDialog(self.store, self)
        dialog.profiles_changed.connect(
            lambda: self.status.provider_picker.fill(self.store, self.wanted_profile_id())
        )
        if self.on_settings_changed is not None:
            dialog.profiles_changed.connect(self.on_settings_changed)
        dialog.exec()

    async def cancel_background_tasks(self) -> None:
        """Stop the window's own requests (the model list) before its client is closed."""
        task = getattr(self, "_models_task", None)
        if task is not None and not task.done():
            task.cancel()
            from asyncio import wait

            await wait([task], timeout=2)  # bounded: quitting must not hang on a request

    def refresh_models(self, dialog: Any = None) -> None:
        if self.backend is None or self.backend.list_models is None:
            return

        async def fetch() -> None:
            assert self.backend is not None and self.backend.list_models is not None
            try:
                self.models = await self.backend.list_models()
            except Exception as exc:  # any server/network failure: keep the editable list as it is
                log.info("models list unavailable: %s", exc)
                return
            if dialog is not None:
                dialog.set_models(self.models)

        from asyncio import ensure_future

        self._models_task = ensure_future(fetch())

    # -- providers ------------------------------------------------------------------------------
    def wanted_profile(self) -> profiles.Profile:
        """The profile the open conversation belongs to (for a new conversation: the default one)."""
        return self.session.wanted_profile()

    def wanted_profile_id(self) -> str:
        return self.wanted_profile().id

    def pick_provider(self, profile_id: str) -> None:
        """The user chose a provider: for this conversation (it goes on by local replay there), or
        as the default for new conversations when none is open."""
        self.attempt(lambda: self.session.move_to_profile(profile_id))

    def sync_provider(self) -> None:
        """Show the open conversation's provider; connect to it when another one is in use."""
        self.session.check_provider()

    def _provider_wanted(self, event: session_events.ProviderWanted) -> None:
        self.status.provider_picker.show_profile(event.profile_id)
        if event.reconnect and self.on_provider_needed is not None:
            self.on_provider_needed()

    # -- backend --------------------------------------------------------------------------------
    def set_backend(self, backend: Backend | None, message: str = "") -> None:
        self.session.set_backend(backend, message)

    def _backend_changed(self, event: session_events.BackendChanged) -> None:
        if event.connected:
            self.status.provider_picker.show_profile(event.profile_id)
        self._update_reply_target()
        self.status.show_backend(event.label)
        if event.connected:
            self.refresh_models()

    def context_tokens(self, params: ChatParams) -> int:
        """The estimated tokens of everything the next request carries besides the draft (cached until
        the selection, the settings, the provider or the tree change)."""
        from desktop_chat.core.api.context_preview import context_tokens
        from desktop_chat.core.conversation.tree import ConversationTree

        node_id = self.session.reply_parent_id()  # what the next prompt continues from
        tree = self.tree if self.tree is not None else ConversationTree("")
        provider = self.session.provider
        key = (node_id, repr(params), self.prefer_mode, provider, id(tree), len(tree), self._tree_version)
        if self._context_estimate is None or self._context_estimate[0] != key:
            self._context_estimate = (key, context_tokens(tree, node_id, params, self.prefer_mode, provider))
        return self._context_estimate[1]

    # -- status --------------------------------------------------------------------------------
    def show_notice(self, text: str) -> None:
        self.banner.show_notice(text)

    def _update_title(self) -> None:
        suffix = self.tr(" — DEMO (local emulator, no key needed)") if self.demo else ""
        self.setWindowTitle("desktop_chat" + suffix)

    def _update_status(self, finished: Node | None = None) -> None:
        self.status.show_model(self.effective_params().model)
        node = finished if finished is not None else self.selected_node()
        self.status.show_usage(node, self.tree, self._tree_version, self.transcript_pane.prices)

    def _update_reply_target(self) -> None:
        from desktop_chat.core.api.context import choose_mode
        from desktop_chat.core.conversation.model import ContextMode

        node = self.selected_node()
        chained = False
        if node is not None and self.tree is not None:
            # a failed or empty turn is never context: a prompt sent now continues from its parent
            parent_id = self.session.reply_parent_id()
            params = self.effective_params()
            provider = self.session.provider
            mode = choose_mode(self.tree, parent_id, self.prefer_mode, params.excluded_node_ids, provider)
            chained = mode is ContextMode.CHAIN
        self.composer_pane.show_reply_target(node, chained, self.active is not None)

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready:  # closed (SIGTERM) before the UI was built: nothing to save or stop
            super().closeEvent(event)
            return
        self._save_layout()
        self.session.shutdown()  # what is streaming is saved as stopped
        if self.compare_view is not None:
            self.compare_view.close()
        super().closeEvent(event)
