"""View ▸ Theme and View ▸ Language: the choices are kept in the window prefs (window.ini).

A theme applies at once; a language from the next start (the UI is translated as it is built).
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
    notice = Signal(str)  # what the user must know about the choice
    enter_sends_changed = Signal(bool)  # Enter sends (Shift+Enter: new line), else Ctrl+Enter sends

    def __init__(self, view_menu: QMenu, prefs: WindowPrefs) -> None:
        super().__init__(view_menu)
        self.prefs = prefs
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        themes = {"system": self.tr("Follow the system"), "light": self.tr("Light"), "dark": self.tr("Dark")}
        self.themes = self._choices(theme_menu, "theme", themes, prefs.theme, self.set_theme)
        languages = {key: self.tr("Follow the system") if key == "system" else label
                     for key, label in i18n.LANGUAGES.items()}  # fmt: skip
        self.languages = self._choices(
            language_menu, "language", languages, prefs.language, self.set_language
        )
        self.enter_sends = view_menu.addAction(self.tr("&Enter sends (Shift+Enter: new line)"))
        self.enter_sends.setObjectName("action_enter_sends")
        self.enter_sends.setCheckable(True)
        self.enter_sends.setChecked(prefs.enter_sends)
        self.enter_sends.setToolTip(self.tr("Off: Ctrl+Enter sends and Enter makes a new line"))
        self.enter_sends.toggled.connect(self.set_enter_sends)

    def set_enter_sends(self, on: bool) -> None:
        self.prefs.enter_sends = on
        self.enter_sends_changed.emit(on)

    @staticmethod
    def _choices(
        menu: QMenu, kind: str, labels: dict[str, str], current: str, choose: Callable[[str], None]
    ) -> dict[str, QAction]:
        actions = {}
        for key, label in labels.items():
            action = menu.addAction(label)
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
        self.prefs.language = key
        for name, action in self.languages.items():
            action.setChecked(name == key)
        self.notice.emit(self.tr("The language changes the next time desktop_chat starts."))
