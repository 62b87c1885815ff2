"""The provider (profile) a conversation talks to, picked in the status bar.

The picker lists the provider profiles; the window shows the open conversation's profile in it and,
when the user picks another, records it for the conversation (or as the default for new ones) and
reconnects. It is disabled when the command line fixes the server (--demo, --base-url).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_chat.core.config import profiles
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui import i18n


class ProviderPicker(QComboBox):
    picked = Signal(str)  # a profile id, chosen by the user (not when set from code)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_picker")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fixed: Callable[[], str] | None = None  # why the command line fixes the server
        self._connection = ""  # where the back end connects to, with which key
        self.retranslate()
        self.activated.connect(self._activated)

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Provider"))
        why = self._fixed() if self._fixed else self.tr("The provider this conversation is sent to")
        self.setToolTip(f"{why}\n{self._connection}" if self._connection else why)

    def describe(self, connection: str) -> None:
        """The connection in use (server, key), told in the tooltip."""
        self._connection = connection
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def fill(self, store: Store, current: str | None = None) -> None:
        """List the profiles (names, with the kind in the tooltip) and show `current`."""
        self.blockSignals(True)
        try:
            self.clear()
            for profile in profiles.list_profiles(store):
                self.addItem(profile.name, profile.id)
                self.setItemData(self.count() - 1, profiles.describe(profile), Qt.ItemDataRole.ToolTipRole)
        finally:
            self.blockSignals(False)
        self.show_profile(current)

    def show_profile(self, profile_id: str | None) -> None:
        index = self.findData(profile_id) if profile_id is not None else -1
        if index >= 0:
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def current_profile_id(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    @property
    def fixed(self) -> bool:
        """The command line decides the server (the status bar shows it instead of the picker)."""
        return self._fixed is not None

    def fix(self, reason: Callable[[], str]) -> None:
        """The command line decides the server: the picker cannot change it and steps aside."""
        self.setEnabled(False)
        self.setVisible(False)
        self._fixed = reason
        self.retranslate()

    def _activated(self, index: int) -> None:
        profile_id = self.itemData(index)
        if isinstance(profile_id, str):
            self.picked.emit(profile_id)
