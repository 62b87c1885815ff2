"""Chat ▸ Persona: instructions for the open conversation (or the next one started), chosen from the
persona library (shipped per language, editable through "Manage personas…")."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from desktop_chat.core.config import personas
from desktop_chat.core.config.personas import Persona
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n
from desktop_chat.ui.dialogs.personas_dialog import PersonasDialog
from desktop_chat.ui.status.status_bar import NoticeBanner
from desktop_chat.ui.window_prefs import WindowPrefs


class PersonaMenu(QObject):
    flash = Signal(str, int)  # "Persona: …" for the status line, and for how many milliseconds

    def __init__(
        self, menu: QMenu, session: ChatSession, banner: NoticeBanner, prefs: WindowPrefs, window: QWidget
    ) -> None:
        super().__init__(menu)
        self.menu = menu
        self.window = window
        self.session = session
        self.banner = banner
        self.prefs = prefs
        menu.setObjectName("persona_menu")
        menu.aboutToShow.connect(self._fill)

    def personas(self) -> list[Persona]:
        """The persona library in the UI's language."""
        return personas.load(self.session.store, i18n.resolve(self.prefs.language))

    def use(self, persona: Persona | None) -> None:
        """Use a persona's instructions for this conversation (or the next one started)."""
        session = self.session
        override = dict(
            session.conversation.params_override if session.conversation else session.pending_override
        )
        if persona is None:
            override.pop("instructions", None)
        else:
            override["instructions"] = persona.instructions
        if not self.banner.attempt(lambda: session.set_override(override)):
            return
        name = persona.name if persona else self.tr("no persona")
        self.flash.emit(self.tr("Persona: %s") % name, 4000)

    def manage(self) -> None:
        dialog = PersonasDialog(self.personas(), self.window)
        if dialog.exec():
            personas.save(self.session.store, dialog.personas())

    def _fill(self) -> None:
        menu = self.menu
        menu.clear()
        current = self.session.effective_params().instructions
        conversation = self.session.conversation
        none = menu.addAction(self.tr("No persona (default instructions)"))
        none.setCheckable(True)
        none.setChecked(not (conversation and conversation.params_override.get("instructions")))
        none.triggered.connect(lambda: self.use(None))
        for persona in self.personas():
            action = menu.addAction(persona.name)
            action.setCheckable(True)
            action.setChecked(bool(persona.instructions) and persona.instructions == current)
            action.setToolTip(persona.instructions)
            action.triggered.connect(lambda _=False, p=persona: self.use(p))
        menu.addSeparator()
        manage = menu.addAction(self.tr("Manage personas…"))
        manage.setObjectName("action_manage_personas")
        manage.triggered.connect(self.manage)
