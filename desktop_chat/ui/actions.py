"""The window's menus and keyboard shortcuts, built from one table.

Each row names an action (its objectName), the menu it sits in, its text, its keys and what it does on
an `ActionsHost` (the main window). Node actions also show on a right click in the outline; the
Delete action works in the tree views only, never while typing. To add an action: add a row (and its
Korean and Chinese text, see scripts/update_translations.sh).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop_chat.core.session.service import ChatSession
    from desktop_chat.ui.composer.composer_pane import ComposerPane
    from desktop_chat.ui.conversations.conversations_pane import ConversationsPane
    from desktop_chat.ui.dialogs.transfer import Transfer
    from desktop_chat.ui.dialogs.window_dialogs import WindowDialogs
    from desktop_chat.ui.transcript.transcript_pane import TranscriptPane
    from desktop_chat.ui.tree.tree_pane import TreePane

CONTEXT = "Actions"


class ActionsHost(Protocol):
    """What the actions act on: the window's panes, its dialogs and the session."""

    @property
    def session(self) -> ChatSession: ...
    @property
    def conversations(self) -> ConversationsPane: ...
    @property
    def tree_pane(self) -> TreePane: ...
    @property
    def composer_pane(self) -> ComposerPane: ...
    @property
    def transcript_pane(self) -> TranscriptPane: ...
    @property
    def dialogs(self) -> WindowDialogs: ...
    @property
    def transfer(self) -> Transfer: ...
    def new_conversation(self) -> None: ...
    def delete_conversation(self) -> None: ...
    def open_response_by_id(self) -> None: ...
    def compact(self) -> None: ...
    def delete_turn(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def close(self) -> bool: ...


class Scope(Enum):
    WINDOW = "window"  # anywhere in the window
    NODE = "node"  # anywhere, and on a right click in the outline
    TREE = "tree"  # in the outline and the graph only (and on a right click there)


@dataclass(frozen=True)
class Row:
    name: str  # the QAction's objectName
    menu: str  # a key of MENUS
    text: str  # translated in the "Actions" context
    keys: str | QKeySequence.StandardKey
    run: Callable[[ActionsHost], object]
    scope: Scope = Scope.WINDOW
    separator_before: bool = False


# menu key -> (parent menu key, or "" for the menu bar; title); a submenu goes where its first row is
MENUS: dict[str, tuple[str, str]] = {
    "file": ("", QT_TRANSLATE_NOOP("Actions", "&File")),
    "chat": ("", QT_TRANSLATE_NOOP("Actions", "&Chat")),
    "go": ("", QT_TRANSLATE_NOOP("Actions", "&Go")),
    "view": ("", QT_TRANSLATE_NOOP("Actions", "&View")),
    "help": ("", QT_TRANSLATE_NOOP("Actions", "&Help")),
    "export": ("file", QT_TRANSLATE_NOOP("Actions", "&Export")),
}

ROWS: tuple[Row, ...] = (
    Row("action_new", "file", QT_TRANSLATE_NOOP("Actions", "&New conversation"), "Ctrl+N",
        lambda h: h.new_conversation()),
    Row("action_rename", "file", QT_TRANSLATE_NOOP("Actions", "&Rename conversation"), "F2",
        lambda h: h.conversations.rename_open()),
    Row("action_delete_conversation", "file", QT_TRANSLATE_NOOP("Actions", "&Delete conversation…"),
        "Ctrl+Shift+Del", lambda h: h.delete_conversation()),
    Row("action_open_by_id", "file", QT_TRANSLATE_NOOP("Actions", "&Open response by id…"), "Ctrl+Shift+O",
        lambda h: h.open_response_by_id()),
    Row("action_import", "file", QT_TRANSLATE_NOOP("Actions", "&Import…"), "Ctrl+I",
        lambda h: h.transfer.import_dialog()),
    Row("action_export_all", "export", QT_TRANSLATE_NOOP("Actions", "All conversations (JSON)…"), "",
        lambda h: h.transfer.export_all()),
    Row("action_export_branch", "export", QT_TRANSLATE_NOOP("Actions", "This branch (Markdown)…"), "",
        lambda h: h.transfer.export_markdown(False)),
    Row("action_export_tree", "export", QT_TRANSLATE_NOOP("Actions", "This whole tree (Markdown)…"), "",
        lambda h: h.transfer.export_markdown(True)),
    Row("action_providers", "file", QT_TRANSLATE_NOOP("Actions", "&Providers…"), "",
        lambda h: h.dialogs.open_profiles(), separator_before=True),
    Row("action_settings", "file", QT_TRANSLATE_NOOP("Actions", "&Settings…"), "Ctrl+,",
        lambda h: h.dialogs.open_settings()),
    Row("action_mcp_servers", "file", QT_TRANSLATE_NOOP("Actions", "&MCP servers…"), "",
        lambda h: h.dialogs.open_mcp_servers()),
    Row("action_quit", "file", QT_TRANSLATE_NOOP("Actions", "&Quit"), "Ctrl+Q",
        lambda h: h.close(), separator_before=True),
    Row("action_send", "chat", QT_TRANSLATE_NOOP("Actions", "&Send"), "Ctrl+Return",
        lambda h: h.composer_pane.send()),
    Row("action_stop", "chat", QT_TRANSLATE_NOOP("Actions", "S&top"), "Esc", lambda h: h.session.stop()),
    Row("action_regenerate", "chat", QT_TRANSLATE_NOOP("Actions", "&Regenerate / retry"), "Ctrl+R",
        lambda h: h.composer_pane.regenerate(), Scope.NODE),
    Row("action_regenerate_with", "chat", QT_TRANSLATE_NOOP("Actions", "Regenerate &with…"), "Ctrl+Shift+R",
        lambda h: h.dialogs.regenerate_with(), Scope.NODE),
    Row("action_edit", "chat", QT_TRANSLATE_NOOP("Actions", "&Edit prompt"), "Ctrl+E",
        lambda h: h.transcript_pane.edit_prompt(), Scope.NODE),
    Row("action_fan_out", "chat", QT_TRANSLATE_NOOP("Actions", "&Fan out variants…"), "Ctrl+Shift+F",
        lambda h: h.dialogs.fan_out(), Scope.NODE),
    Row("action_compare", "chat", QT_TRANSLATE_NOOP("Actions", "&Compare with siblings"), "Ctrl+Shift+C",
        lambda h: h.dialogs.compare_siblings(), Scope.NODE),
    Row("action_context_inspector", "chat", QT_TRANSLATE_NOOP("Actions", "Context &inspector…"),
        "Ctrl+Shift+I", lambda h: h.dialogs.open_context_inspector()),
    Row("action_compact", "chat", QT_TRANSLATE_NOOP("Actions", "Co&mpact branch"), "Ctrl+Shift+K",
        lambda h: h.compact(), Scope.NODE),
    Row("action_delete", "chat", QT_TRANSLATE_NOOP("Actions", "&Delete turn and what follows…"),
        QKeySequence.StandardKey.Delete, lambda h: h.delete_turn(), Scope.TREE),
    Row("action_parent", "go", QT_TRANSLATE_NOOP("Actions", "&Parent"), "Alt+Up",
        lambda h: h.tree_pane.tree_view.move_to_parent()),
    Row("action_child", "go", QT_TRANSLATE_NOOP("Actions", "&First child"), "Alt+Down",
        lambda h: h.tree_pane.tree_view.move_to_first_child()),
    Row("action_prev", "go", QT_TRANSLATE_NOOP("Actions", "P&revious sibling"), "Alt+Left",
        lambda h: h.tree_pane.tree_view.move_to_sibling(-1)),
    Row("action_next", "go", QT_TRANSLATE_NOOP("Actions", "&Next sibling"), "Alt+Right",
        lambda h: h.tree_pane.tree_view.move_to_sibling(1)),
    Row("action_focus", "go", QT_TRANSLATE_NOOP("Actions", "Focus &composer"), "Ctrl+L",
        lambda h: h.composer_pane.composer.setFocus()),
    Row("action_search", "go", QT_TRANSLATE_NOOP("Actions", "&Search all conversations"), "Ctrl+F",
        lambda h: h.conversations.focus_search()),
    Row("action_toggle_graph", "go", QT_TRANSLATE_NOOP("Actions", "&Graph / outline"), "Ctrl+G",
        lambda h: h.tree_pane.toggle_graph()),
    Row("action_graph_zoom_in", "view", QT_TRANSLATE_NOOP("Actions", "Zoom graph &in"), "Ctrl+=",
        lambda h: h.tree_pane.zoom_graph(1)),
    Row("action_graph_zoom_out", "view", QT_TRANSLATE_NOOP("Actions", "Zoom graph &out"), "Ctrl+-",
        lambda h: h.tree_pane.zoom_graph(-1)),
    Row("action_graph_fit", "view", QT_TRANSLATE_NOOP("Actions", "&Fit graph to view"), "Ctrl+0",
        lambda h: h.tree_pane.zoom_graph(0)),
    Row("action_shortcuts", "help", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), "Ctrl+/",
        lambda h: h.show_shortcuts()),
)  # fmt: skip


@dataclass
class Menus:
    menus: dict[str, QMenu]  # by the keys of MENUS
    actions: dict[str, QAction]  # by objectName

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]


def retranslate_menus(menus: Menus) -> None:
    """The menus' titles and the actions' texts in the UI's language (it changed)."""
    for key, menu in menus.menus.items():
        menu.setTitle(QCoreApplication.translate(CONTEXT, MENUS[key][1]))
    for row in ROWS:
        menus.actions[row.name].setText(QCoreApplication.translate(CONTEXT, row.text))


def build_menus(window: QMainWindow, host: ActionsHost) -> Menus:
    """The menu bar of `window` with every action of the table, their shortcuts and the outline's
    right-click menu."""
    menus = {
        key: window.menuBar().addMenu(QCoreApplication.translate(CONTEXT, title))
        for key, (parent, title) in MENUS.items()
        if not parent
    }
    actions: dict[str, QAction] = {}
    node_actions: list[QAction] = []
    for row in ROWS:
        action = QAction(QCoreApplication.translate(CONTEXT, row.text), window)
        action.setObjectName(row.name)
        action.setShortcut(QKeySequence(row.keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, run=row.run: run(host))
        if row.menu not in menus:
            parent, title = MENUS[row.menu]
            menus[row.menu] = menus[parent].addMenu(QCoreApplication.translate(CONTEXT, title))
        menu = menus[row.menu]
        if row.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        if row.scope is Scope.TREE:
            host.tree_pane.add_node_actions(node_actions, action)  # the tree views own its shortcut
        else:
            window.addAction(action)
            if row.scope is Scope.NODE:
                node_actions.append(action)
        actions[row.name] = action
    return Menus(menus, actions)
