"""Help ▸ Keyboard shortcuts: every action with a shortcut, grouped by the menu (the task) it sits in
and narrowed by a filter box. Read from the window's menus and actions, so the list is always true."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

_CJK_MNEMONIC = re.compile(r"\(&\w\)")  # "새 대화(&N)": the key is added in brackets in Korean and Chinese


def _plain(text: str) -> str:
    text = _CJK_MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _keys(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_groups(window: QWidget) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group title, [(action text, keys)]) in menu order; actions in no menu come last as "Other"."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        rows = groups[-1][1] if groups and groups[-1][0] == title else None
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)  # a submenu belongs to its menu's task
            elif not action.shortcut().isEmpty() and action.text() and id(action) not in seen:
                seen.add(id(action))
                if rows is None:
                    rows = []
                    groups.append((title, rows))
                rows.append((_plain(action.text()), _keys(action)))

    bar = getattr(window, "menuBar", None)
    if callable(bar):
        for top in bar().actions():
            sub = top.menu()
            if isinstance(sub, QMenu):
                walk(sub, _plain(top.text()))
    rest = [
        (_plain(action.text()), _keys(action))
        for action in window.findChildren(QAction)
        if not action.shortcut().isEmpty()
        and action.text()
        and id(action) not in seen
        and action.menu() is None
    ]
    if rest:
        groups.append(
            (
                QCoreApplication.translate("ShortcutsDialog", "Other"),
                sorted(rest, key=lambda row: row[0].lower()),
            )
        )
    return groups


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcuts_filter")
        self.filter.setPlaceholderText(self.tr("Filter by action or key…"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setRootIsDecorated(False)
        self._groups: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for title, rows in shortcut_groups(window):
            group = QTreeWidgetItem(self.table, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self._groups.append((group, [QTreeWidgetItem(group, [text, keys]) for text, keys in rows]))
        self.table.expandAll()
        self.table.resizeColumnToContents(0)
        self.filter.textChanged.connect(self._apply_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        self.resize(520, 560)

    def shown_rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) of every row the user sees."""
        return [
            (group.text(0), row.text(0), row.text(1))
            for group, rows in self._groups
            if not group.isHidden()
            for row in rows
            if not row.isHidden()
        ]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for group, rows in self._groups:
            in_group = needle in group.text(0).lower()
            any_shown = False
            for row in rows:
                match = (
                    not needle or in_group or needle in row.text(0).lower() or needle in row.text(1).lower()
                )
                row.setHidden(not match)
                any_shown = any_shown or match
            group.setHidden(not any_shown)
