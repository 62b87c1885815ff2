"""The window's status line and its notice banner.

The status bar shows the draft's tokens, the last answer's usage with the conversation's cost, one
quiet word for how the conversation reaches the model (with a tooltip that explains) and the provider
picker. The connection shows only while there is none, or in place of the picker when the command
line fixes the server (--demo, --base-url); otherwise its details are in the picker's tooltip. The
model is not repeated here: its picker sits by the composer. Short-lived messages ("Copied", tool
activity) flash over it. The banner above the transcript holds a notice until the next one replaces
it: what happened, what went wrong, what to do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from desktop_chat.core.content import pricing
from desktop_chat.core.content.output_items import activity_label
from desktop_chat.core.conversation.model import Node
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session import events
from desktop_chat.core.session.errors import SessionError, SettingsInvalid
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n, theme
from desktop_chat.ui.status.context_indicator import ContextIndicator
from desktop_chat.ui.status.provider_picker import ProviderPicker


class NoticeBanner(QLabel):
    """A notice shown above the transcript until it is replaced (an empty one hides the banner)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setVisible(False)
        theme.set_tone(self, "banner")
        self._source: Callable[[], str] | None = None  # makes the notice again in another language

    def show_notice(self, text: str | Callable[[], str]) -> None:
        """Show a notice: its text, or what makes it (then it follows a change of language)."""
        self._source = text if callable(text) else None
        shown = text() if callable(text) else text
        self.setText(shown)
        self.setVisible(bool(shown))

    def show_core_text(self, message: str) -> None:
        """A notice made in core (a `Text`): shown, and shown again, in the UI's language."""
        self.show_notice(lambda: i18n.core_text(message))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event) and self._source is not None:
            self.setText(self._source())
        super().changeEvent(event)

    def attempt(self, action: Callable[[], object]) -> bool:
        """Run a session use case; when it refuses or fails, say why (settings problems in a dialog,
        the rest here) and return False: nothing changed then."""
        try:
            action()
        except SettingsInvalid as exc:
            problems = [i18n.core_text(problem) for problem in exc.problems]
            QMessageBox.warning(self.window(), self.tr("Settings need attention"), "\n".join(problems))
            return False
        except SessionError as exc:
            self.show_core_text(exc.user_message)
            return False
        return True

    def listen(self, session: ChatSession) -> None:
        """Show the session's notices and the errors it reports."""
        session.events.notice.connect(lambda event: self.show_core_text(event.text))
        session.events.error.connect(lambda event: self.show_core_text(event.text))


class StatusBar(QStatusBar):
    """Draft tokens (the composer's label), last answer's usage and cost, history mode, provider."""

    def __init__(
        self,
        session: ChatSession,
        banner: NoticeBanner,
        prices: dict[str, pricing.Price],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self.session = session
        self.prices = prices
        self.usage_label = QLabel()
        self.usage_label.setObjectName("status_usage")
        self.backend_label = QLabel()  # the connection: shown while there is none, and in the demo
        self.backend_label.setObjectName("status_backend")
        self._connected = False
        self._description = ""  # the connection's details, for the provider picker's tooltip
        self._backend_text = ""  # the back end's label as it came (its parts in English)
        self.provider_picker = ProviderPicker(self)
        self.provider_picker.fill(session.store, session.wanted_profile().id)
        self.provider_picker.picked.connect(
            lambda profile_id: banner.attempt(lambda: session.move_to_profile(profile_id))
        )
        self.show_connecting()
        self.addWidget(self.usage_label, 1)
        self.context_indicator = ContextIndicator(session, self)
        self.addPermanentWidget(self.context_indicator)
        self.addPermanentWidget(self.provider_picker)
        self.addPermanentWidget(self.backend_label)
        self._cost_cache: tuple[object, pricing.ConversationCost] | None = None
        self._tree_version = 0  # bumped when a turn finishes (the cost is recomputed then)
        session.events.selection_changed.connect(lambda _event: self.refresh())
        session.events.turn_finished.connect(self._turn_finished)
        # a tool at work, said as the transcript says it ("Generating an image…"; nothing once done)
        session.events.turn_activity.connect(
            lambda event: self.flash(activity_label(i18n.core_text(event.text)), 3000)
        )
        session.events.backend_changed.connect(self._backend_changed)
        session.events.provider_wanted.connect(
            lambda event: self.provider_picker.show_profile(event.profile_id)
        )

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.refresh()
            if self.session.backend is None and not self.backend_label.toolTip():
                self.show_connecting()
            elif self.session.backend is not None and self._backend_text:
                self.show_backend(self._backend_text)
        super().changeEvent(event)

    def refill_providers(self) -> None:
        """The provider profiles changed: list them again."""
        self.provider_picker.fill(self.session.store, self.session.wanted_profile().id)

    def refresh(self, finished: Node | None = None) -> None:
        """The usage of the answer shown (or just finished) and the conversation's cost."""
        node = finished if finished is not None else self.session.selected_node()
        self.show_usage(node, self.session.tree, self._tree_version, self.prices)

    def _turn_finished(self, event: events.TurnFinished) -> None:
        self._tree_version += 1
        self.refresh(event.node)

    def _backend_changed(self, event: events.BackendChanged) -> None:
        self._connected = event.connected
        if event.connected:
            self.provider_picker.show_profile(event.profile_id)
            self.show_backend(event.label)
        else:
            self.show_not_connected(event.label)

    def add_draft_label(self, label: QLabel) -> None:
        """The composer's draft token count, shown first."""
        self.insertWidget(0, label)

    def flash(self, text: str, milliseconds: int) -> None:
        """A message over the status line for a moment."""
        self.showMessage(text, milliseconds)

    def show_connecting(self) -> None:
        self.backend_label.setText(self.tr("Connecting…"))
        self.backend_label.setToolTip("")
        self.backend_label.setVisible(True)

    def show_not_connected(self, reason: str) -> None:
        """No back end: a short word, the reason in its tooltip (and in the banner)."""
        self.backend_label.setText(self.tr("Not connected"))
        self.backend_label.setToolTip(reason)
        self.backend_label.setVisible(True)

    def show_backend(self, text: str) -> None:
        """Connected: where to and with which key, in the provider picker's tooltip (how the conversation
        is sent is the context indicator's); the label itself shows only when the server is fixed. The
        label's parts come in English and are shown translated (a host or API name as it is)."""
        self._backend_text = text
        parts = [
            QCoreApplication.translate("Connector", part)
            for part in text.split(" · ")
            if part not in ("server chain", "local replay")
        ]
        self._description = " · ".join(parts)
        self.backend_label.setText(self._description)
        self.backend_label.setToolTip(text)
        self.backend_label.setVisible(self.provider_picker.fixed)
        self.provider_picker.describe(self._description)

    def show_usage(
        self, node: Node | None, tree: ConversationTree | None, version: int, prices: dict[str, pricing.Price]
    ) -> None:
        """The usage of `node` (the answer shown or just finished) and the cost of its whole tree;
        `version` changes when a turn finishes (the cost is recomputed only then)."""
        if node is None or node.usage is None:
            self.usage_label.setText("")
            return
        usage = node.usage
        text = self.tr("Last answer: %1 in · %2 out").replace("%1", str(usage.input_tokens))
        text = text.replace("%2", str(usage.output_tokens))
        if usage.reasoning_tokens:
            text += " · " + self.tr("%1 reasoning").replace("%1", str(usage.reasoning_tokens))
        cost = self._conversation_cost(tree, version, prices)
        self.usage_label.setText(f"{text} · " + self.tr("conversation %s") % pricing.format_cost(cost.total))

    def _conversation_cost(
        self, tree: ConversationTree | None, version: int, prices: dict[str, pricing.Price]
    ) -> pricing.ConversationCost:
        key = (id(tree), len(tree) if tree else 0, version, repr(prices))
        if self._cost_cache is None or self._cost_cache[0] != key:
            self._cost_cache = (key, pricing.conversation_cost(tree.nodes() if tree else [], prices))
        return self._cost_cache[1]
