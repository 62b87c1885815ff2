"""How the window looks on this machine: theme, language and the window's layout.

Kept in a small ini file (QSettings) beside the conversation database rather than in it: the window
reads these before its first paint, and reading them from the database would first load sqlite, the
store and the conversation model (~20 ms of start-up). Older versions kept them in the database's
settings; `adopt()` copies them over once.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QApplication

from desktop_chat.ui import i18n, theme

if TYPE_CHECKING:
    from desktop_chat.core.conversation.store import Store

FILE_NAME = "window.ini"
SPLITTERS = ("main_split", "left_split")
LAYOUT_SETTING = "window_layout"  # where versions before the ini kept the layout (database settings)
ADOPTED = "adopted_from_database"  # set once the database's old values were looked at (see adopt)
log = logging.getLogger("desktop_chat")


ENTER_SENDS_KEY = "composer/enter_sends"
SYSTEM_DARK_KEY = "system_scheme_dark"  # the platform's colour scheme as last seen (see theme.apply)


class WindowPrefs:
    """Theme, language and layout for the data folder `folder`; unreadable values read as defaults."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._settings = QSettings(str(self.folder / FILE_NAME), QSettings.Format.IniFormat)

    @property
    def theme(self) -> str:
        value = self._settings.value(theme.SETTING_KEY)
        return value if isinstance(value, str) and value in theme.THEMES else "system"

    @theme.setter
    def theme(self, key: str) -> None:
        self._set(theme.SETTING_KEY, key)

    @property
    def enter_sends(self) -> bool:
        """Enter sends a prompt (Shift+Enter: new line); False: Ctrl+Enter sends."""
        return str(self._settings.value(ENTER_SENDS_KEY, "false")).lower() == "true"

    @enter_sends.setter
    def enter_sends(self, on: bool) -> None:
        self._set(ENTER_SENDS_KEY, "true" if on else "false")

    @property
    def language(self) -> str:
        """The chosen language ("system": follow the system; see i18n.resolve)."""
        value = self._settings.value(i18n.SETTING_KEY)
        return value if isinstance(value, str) and value in i18n.LANGUAGES else "system"

    @language.setter
    def language(self, key: str) -> None:
        self._set(i18n.SETTING_KEY, key)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._settings.value("geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def splitter_sizes(self, name: str) -> list[int] | None:
        value = self._settings.value(name)
        values = value if isinstance(value, list) else [value]
        try:
            sizes = [int(v) for v in values]
        except (TypeError, ValueError):
            return None
        return sizes if len(sizes) >= 2 and all(v >= 0 for v in sizes) else None

    @property
    def tab(self) -> int | None:
        value = self._settings.value("tab")
        return int(value) if str(value) in ("0", "1") else None

    def apply(self, app: QApplication) -> None:
        """Install the language's translations and the theme on `app` (before widgets are built)."""
        i18n.switch(app, i18n.resolve(self.language))
        theme.apply(app, self.theme, self._system_dark_seen())

    def _system_dark_seen(self) -> bool | None:
        value = str(self._settings.value(SYSTEM_DARK_KEY, ""))
        return {"true": True, "false": False}.get(value.lower())

    def confirm_system_scheme(self, app: QApplication) -> None:
        """After the first paint: re-theme if the platform's scheme changed while the app was closed,
        and remember it for the next start."""
        seen = self._system_dark_seen()
        dark = theme.confirm_system_scheme(app, seen)
        if dark != seen:
            self._set(SYSTEM_DARK_KEY, "true" if dark else "false")

    def save_layout(self, geometry: QByteArray, splitters: dict[str, list[int]], tab: int) -> None:
        self._settings.setValue("geometry", geometry)
        for name, sizes in splitters.items():
            self._settings.setValue(name, [int(v) for v in sizes])
        self._settings.setValue("tab", int(tab))
        self._sync()

    def has_layout(self) -> bool:
        return self._settings.contains("geometry")

    def adopt(self, store: Store) -> bool:
        """Copy what an older version kept in the database, once (and only what this file lacks).
        True when the theme or the language changed, for the caller to apply them."""
        from desktop_chat.core.conversation.store import StoreError

        if self._settings.value(ADOPTED) is not None:
            return False
        try:
            keys = (theme.SETTING_KEY, i18n.SETTING_KEY, LAYOUT_SETTING)
            old = {key: store.get_setting(key) for key in keys}
        except StoreError:
            return False
        self._settings.setValue(ADOPTED, 1)
        changed = False
        for key, allowed in ((theme.SETTING_KEY, theme.THEMES), (i18n.SETTING_KEY, i18n.LANGUAGES)):
            if old[key] in allowed and not self._settings.contains(key):
                self._settings.setValue(key, old[key])
                changed = changed or old[key] != "system"
        layout: Any = old[LAYOUT_SETTING]
        if isinstance(layout, dict) and not self.has_layout():
            geometry = QByteArray.fromBase64(str(layout.get("geometry", "")).encode())
            splitters = {
                name: sizes
                for name in SPLITTERS
                if isinstance(sizes := layout.get(name), list) and all(isinstance(v, int) for v in sizes)
            }
            tab = layout.get("tab")
            if not geometry.isEmpty():
                self.save_layout(geometry, splitters, tab if tab in (0, 1) else 0)
        self._sync()
        return changed

    def _set(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)
        self._sync()

    def _sync(self) -> None:
        self._settings.sync()
        if self._settings.status() != QSettings.Status.NoError:
            # best effort, like the layout always was: the app works on with what it has in memory
            log.info("window preferences not saved to %s", self.folder / FILE_NAME)
