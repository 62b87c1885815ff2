"""The main window: layout and wiring of the panes over one `ChatSession`.

The session (core/session) owns the open conversation, its tree, the streaming turns and the back end;
each pane listens to the session's events and calls its use cases: conversations (ui/conversations),
the tree (ui/tree), the transcript (ui/transcript), the composer (ui/composer), the status bar and the
notice banner (ui/status). Menus and shortcuts come from one table (ui/actions.py); the dialogs they
open are in ui/dialogs. Nothing here imports `openai`: the chat back end arrives after first paint,
given to the session by `ui/connector.py` (the window is its `ConnectorHost`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop_chat.ui import i18n
from desktop_chat.ui.window_prefs import SPLITTERS, WindowPrefs

# The frame paints before the rest loads (see MainWindow.__init__). What it does not need is imported
# where used: the store and the conversation model (sqlite, dataclasses: ~20 ms), asyncio and the
# turn machinery, provider profiles, pricing, attachments, Qt's `Qt` namespace (~14 ms), the panes
# and the dialogs.
if TYPE_CHECKING:
    import asyncio

    from PySide6.QtGui import QCloseEvent

    from desktop_chat.core.api.backend import Backend
    from desktop_chat.core.content.pricing import Price
    from desktop_chat.core.conversation.model import ChatParams, Conversation, Node
    from desktop_chat.core.conversation.store import Store
    from desktop_chat.core.conversation.tree import ConversationTree
    from desktop_chat.core.session.service import ChatSession
    from desktop_chat.ui.actions import Menus
    from desktop_chat.ui.composer.composer import Composer
    from desktop_chat.ui.composer.composer_pane import ComposerPane
    from desktop_chat.ui.conversations.conversations_pane import ConversationsPane
    from desktop_chat.ui.dialogs.shortcuts_dialog import ShortcutsDialog
    from desktop_chat.ui.dialogs.transfer import Transfer
    from desktop_chat.ui.dialogs.window_dialogs import WindowDialogs
    from desktop_chat.ui.persona_menu import PersonaMenu
    from desktop_chat.ui.status.status_bar import NoticeBanner, StatusBar
    from desktop_chat.ui.transcript.transcript_pane import TranscriptPane
    from desktop_chat.ui.tree.tree_pane import TreePane

log = logging.getLogger("desktop_chat")


class MainWindow(QMainWindow):
    # built by finish_startup
    session: ChatSession
    banner: NoticeBanner
    status: StatusBar
    conversations: ConversationsPane
    tree_pane: TreePane
    transcript_pane: TranscriptPane
    composer_pane: ComposerPane
    composer: Composer
    menus: Menus
    dialogs: WindowDialogs
    transfer: Transfer
    persona_menu: PersonaMenu
    shortcuts_dialog: ShortcutsDialog | None

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
        self.closed = False  # its panes no longer follow the session (its store may be closed)
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
        from desktop_chat.core.tools.toolbox import McpToolbox

        self.session.toolbox = McpToolbox(store)  # local MCP servers: started when a turn needs them
        had_layout = self.prefs.has_layout()
        app = QApplication.instance()
        if self.prefs.adopt(store) and isinstance(app, QApplication):
            # an older version kept the look in the database: copied once, applied before the panes
            self.prefs.apply(app)
            self._update_title()
        if not had_layout and self.prefs.has_layout():
            self._restore_geometry()
        self.shortcuts_dialog = None
        self._build_ui()
        self._build_actions()
        newest = self.conversations.list_pages(store.list_conversations)  # more as the list scrolls
        if newest is not None:
            self.session.open_conversation(newest.id)
        self._restore_layout()
        self.ready = True
        self.composer.setFocus()
        if startup_notice:
            self.show_notice(startup_notice)
        elif self.demo:
            self.banner.show_notice(self._demo_notice)

    def _demo_notice(self) -> str:
        return self.tr(
            "Welcome to the demo! A small server inside the app answers, so nothing leaves this computer "
            "and no key is needed. Its answers show what the app can do (tables, code, math, branches) "
            "and end with a grey line naming the context they received."
        )

    # -- building ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        # the panes' modules load here, after the frame has painted (see __init__)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter, QVBoxLayout

        from desktop_chat.core.content import pricing
        from desktop_chat.core.content.attachments import AttachmentStore, attachments_dir
        from desktop_chat.ui.composer.attachment_bar import accept_drops
        from desktop_chat.ui.composer.composer_pane import ComposerPane
        from desktop_chat.ui.conversations.conversations_pane import ConversationsPane
        from desktop_chat.ui.status.status_bar import NoticeBanner, StatusBar
        from desktop_chat.ui.transcript.transcript_pane import TranscriptPane
        from desktop_chat.ui.tree.tree_pane import TreePane

        session = self.session
        self.banner = banner = NoticeBanner()
        banner.listen(session)
        prices = pricing.load_prices(self.store)
        attachment_store = AttachmentStore(attachments_dir(self.store.path.parent))
        self.conversations = ConversationsPane(session, banner, self)
        self.conversations.new_requested.connect(self.new_conversation)
        self.tree_pane = TreePane(session, self)
        self.transcript_pane = TranscriptPane(session, prices, attachment_store, self)
        self.transcript_pane.flash.connect(lambda text, ms: self.status.flash(text, ms))
        self.transcript_pane.attempt = banner.attempt  # a refused edit, branch… is said in the banner
        self.composer_pane = ComposerPane(session, banner, attachment_store, self)
        self.composer = self.composer_pane.composer
        self.transcript_pane.empty_state.example_chosen.connect(self._send_example)
        accept_drops(self, self.composer_pane.attachments)  # files and images dropped anywhere

        left_split = self.left_split = QSplitter(Qt.Orientation.Vertical)
        left_split.addWidget(self.conversations)
        left_split.addWidget(self.tree_pane)
        left_split.setSizes([330, 440])
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(left_split)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(banner)
        right_layout.addWidget(self.transcript_pane, 1)
        right_layout.addWidget(self.composer_pane)
        split = self.main_split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 850])
        self.setCentralWidget(split)

        self.status = StatusBar(session, banner, prices, self)
        self.status.add_draft_label(self.composer_pane.draft_label)
        self.setStatusBar(self.status)
        self.status.refresh()
        self.composer_pane.show_reply_target()

    def _build_actions(self) -> None:
        from desktop_chat.ui.actions import build_menus
        from desktop_chat.ui.dialogs.transfer import Transfer
        from desktop_chat.ui.dialogs.window_dialogs import WindowDialogs
        from desktop_chat.ui.look_menu import LookMenus
        from desktop_chat.ui.persona_menu import PersonaMenu

        session, banner = self.session, self.banner
        self.transfer = Transfer(self, session, banner)
        self.menus = build_menus(self, self)
        chat_menu = self.menus.menus["chat"]
        self.persona_menu = PersonaMenu(
            chat_menu.addMenu(self._persona_title()), session, banner, self.prefs, self
        )
        self.persona_menu.flash.connect(self.status.flash)
        self.dialogs = WindowDialogs(
            self, session, banner, self.persona_menu.personas, self.composer.toPlainText
        )
        self.dialogs.settings_changed.connect(self._settings_changed)
        self.dialogs.continue_from.connect(lambda _: self.composer.setFocus())
        self.dialogs.prices_changed.connect(self._prices_changed)
        self.dialogs.models_listed.connect(self.composer_pane.model_picker.set_models)
        self.composer_pane.model_picker.changed.connect(self.status.refresh)
        self.conversations.menu_actions = [
            self.menus["action_rename"],
            self.menus["action_delete_conversation"],
        ]
        self.transcript_pane.action_requested.connect(self.message_action)
        self.transcript_pane.image_requested.connect(self.composer_pane.generated_image)
        self.look = LookMenus(self.menus.menus["view"], self.prefs)
        self.look.enter_sends_changed.connect(self.composer_pane.set_enter_sends)
        self.composer_pane.set_enter_sends(self.prefs.enter_sends)
        self.look.theme_changed.connect(lambda _key: self.transcript_pane.redraw())

    def _persona_title(self) -> str:
        return self.tr("&Persona")

    def changeEvent(self, event: QEvent) -> None:
        """The language changed (View > Language): the panes retranslate themselves (each widget gets
        the event); what is not a widget is done here: the title, the menus and their actions."""
        if self.ready and i18n.is_language_change(event):
            from desktop_chat.ui.actions import retranslate_menus

            self._update_title()
            retranslate_menus(self.menus)
            self.persona_menu.menu.setTitle(self._persona_title())
            self.look.retranslate()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if self.closed and i18n.is_language_change(event):
            return True  # not passed on to the panes of a closed window: they would read the store
        return super().event(event)

    def _settings_changed(self) -> None:
        self.status.refill_providers()
        self.status.refresh()  # the back end is built anew by ui/connector.py, which listens too

    def _prices_changed(self, prices: dict[str, Price]) -> None:
        self.transcript_pane.set_prices(prices)
        self.status.prices = prices
        self.status.refresh()

    # -- what the actions do besides the panes' own ---------------------------------------------
    def _send_example(self, text: str) -> None:
        """An example prompt of the empty state was clicked: send it as if typed."""
        self.composer.setPlainText(text)
        self.composer_pane.send()

    def new_conversation(self) -> None:
        """Start an empty conversation; it is saved when its first prompt is sent."""
        self.session.new_conversation()
        self.composer.setFocus()

    def delete_conversation(self) -> None:
        if self.conversations.delete_open():
            self.composer.setFocus()

    def open_response_by_id(self) -> None:
        from desktop_chat.ui.tree import tree_actions

        tree_actions.request_open_by_id(self)

    def compact(self) -> None:
        from desktop_chat.ui.tree import tree_actions

        tree_actions.request_compact(self)

    def delete_turn(self) -> None:
        from desktop_chat.ui.tree import tree_actions

        tree_actions.request_delete(self)

    def message_action(self, action: str, node_id: str) -> None:
        """A control in a message of the transcript: its turn is selected, then the action runs."""
        from desktop_chat.ui.transcript.message_controls import WINDOW_ACTIONS

        if action in WINDOW_ACTIONS:
            self.session.select_node(node_id)
            self.menus[WINDOW_ACTIONS[action]].trigger()

    def show_shortcuts(self) -> None:
        from desktop_chat.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.open()

    def show_notice(self, text: str) -> None:
        self.banner.show_notice(text)

    # -- shortcuts to the session and the composer (tests and benchmarks) --------------------------
    def set_backend(self, backend: Backend | None, message: str = "") -> None:
        self.session.set_backend(backend, message)

    def effective_params(self) -> ChatParams:
        return self.session.effective_params()

    def send(self) -> None:
        self.composer_pane.send()

    # -- what the session holds (read through the window by tests) --------------------------------
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
    def live(self) -> dict[str, Node]:
        return self.session.live

    @property
    def tasks(self) -> set[asyncio.Task[Node]]:
        return self.session.tasks

    @property
    def active(self) -> set[asyncio.Task[Node]] | None:
        """The turns still streaming, or None when the window is idle."""
        return self.session.tasks or None

    @property
    def profiles_fixed(self) -> bool:
        return self.session.profiles_fixed

    @profiles_fixed.setter
    def profiles_fixed(self, fixed: bool) -> None:
        self.session.profiles_fixed = fixed

    def selected_node_id(self) -> str | None:
        return self.session.selected_node_id

    def selected_node(self) -> Node | None:
        return self.session.selected_node()

    def select_node(self, node_id: str) -> None:
        self.session.select_node(node_id)

    def open_conversation(self, conversation_id: str) -> None:
        self.session.open_conversation(conversation_id)

    # -- layout ---------------------------------------------------------------------------------
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

    def _update_title(self) -> None:
        suffix = self.tr(" — DEMO (local emulator, no key needed)") if self.demo else ""
        self.setWindowTitle("desktop_chat" + suffix)

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ready:  # closed (SIGTERM) before the UI was built: nothing to save or stop
            super().closeEvent(event)
            return
        self.closed = True
        self._save_layout()
        self.session.shutdown()  # what is streaming is saved as stopped
        if self.session.toolbox is not None:
            self.session.toolbox.close()  # the MCP servers' processes end with the window
        self.transfer.shutdown()  # an import running stops after the conversation it is reading
        self.dialogs.close()
        super().closeEvent(event)
