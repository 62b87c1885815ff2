"""View ▸ Theme and View ▸ Language: the choices are kept in the window prefs (window.ini).

Both apply at once: a language is switched live (see i18n.switch); the window then calls `retranslate`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from desktop_chat.ui import i18n, theme
from desktop_chat.ui.window_prefs import WindowPrefs


class LookMenus(QObject):
    theme_changed = Signal(str)  # applied: what shows styled text draws it again
    enter_sends_changed = Signal(bool)  # Enter sends (Shift+Enter: new line), else Ctrl+Enter sends

    def __init__(self, view_menu: QMenu, prefs: WindowPrefs) -> None:
        super().__init__(view_menu)
        self.prefs = prefs
        self.theme_menu = view_menu.addMenu("")
        self.theme_menu.setObjectName("menu_theme")
        self.language_menu = view_menu.addMenu("")
        self.language_menu.setObjectName("menu_language")
        self.themes = self._choices(self.theme_menu, "theme", list(theme.THEMES), prefs.theme, self.set_theme)
        self.languages = self._choices(
            self.language_menu, "language", list(i18n.LANGUAGES), prefs.language, self.set_language
        )
        self.enter_sends = view_menu.addAction("")
        self.enter_sends.setObjectName("action_enter_sends")
        self.enter_sends.setCheckable(True)
        self.enter_sends.setChecked(prefs.enter_sends)
        self.enter_sends.toggled.connect(self.set_enter_sends)
        self.retranslate()

    def retranslate(self) -> None:
        """The menus' texts in the UI's language (language names are always in their own)."""
        self.theme_menu.setTitle(self.tr("&Theme"))
        self.language_menu.setTitle(self.tr("&Language"))
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        for key, action in self.themes.items():
            action.setText(themes.get(key, key))
        for key, action in self.languages.items():
            action.setText(self.tr("Follow the system") if key == "system" else i18n.LANGUAGES[key])
        self.enter_sends.setText(self.tr("&Enter sends (Shift+Enter: new line)"))
        self.enter_sends.setToolTip(self.tr("Off: Ctrl+Enter sends and Enter makes a new line"))

    def set_enter_sends(self, on: bool) -> None:
        self.prefs.enter_sends = on
        self.enter_sends_changed.emit(on)

    @staticmethod
    def _choices(
        menu: QMenu, kind: str, keys: list[str], current: str, choose: Callable[[str], None]
    ) -> dict[str, QAction]:
        actions = {}
        for key in keys:
            action = menu.addAction(key)
            action.setObjectName(f"action_{kind}_{key}")
            action.setCheckable(True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _=False, k=key: choose(k))
            actions[key] = action
        return actions

    def set_theme(self, key: str) -> None:
        self.prefs.theme = key
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, key)
        for name, action in self.themes.items():
            action.setChecked(name == key)
        self.theme_changed.emit(key)

    def set_language(self, key: str) -> None:
        """Speak the language from now on (every pane, menu and open dialog is told) and remember it."""
        self.prefs.language = key
        for name, action in self.languages.items():
            action.setChecked(name == key)
        app = QApplication.instance()
        if app is not None and i18n.resolve(key) != i18n.current():
            i18n.switch(app, i18n.resolve(key))
