"""The model the next prompt goes to, chosen next to the composer: an editable list filled from the
server's models (any name may be typed), stored as the open conversation's own setting (or the one
the next new conversation starts with), with the reasoning effort beside it for models that take one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desktop_chat.core.api.models import is_reasoning_model
from desktop_chat.core.conversation.model import REASONING_EFFORTS
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n
from desktop_chat.ui.status.status_bar import NoticeBanner

SHORTCUT = "Ctrl+Shift+M"


class ModelPicker(QWidget):
    changed = Signal()  # the user chose a model or an effort (stored): the status follows

    def __init__(self, session: ChatSession, banner: NoticeBanner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("model_picker_row")
        self.session = session
        self.banner = banner
        self._showing = False  # filling the boxes from the session: not a choice of the user
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("model_picker")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.label.setBuddy(self.combo)
        self.effort_label = QLabel()
        self.effort = QComboBox()
        self.effort.setObjectName("reasoning_effort_picker")
        self.effort.addItem("", None)
        for value in REASONING_EFFORTS:
            self.effort.addItem(value, value)
        self.effort_label.setBuddy(self.effort)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addWidget(self.effort_label)
        layout.addWidget(self.effort)
        layout.addStretch(1)
        shortcut = QShortcut(QKeySequence(SHORTCUT), self, context=Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.focus_picker)
        self.combo.activated.connect(lambda _index: self._model_chosen())
        line = self.combo.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._model_chosen)
        self.retranslate()
        self.effort.activated.connect(lambda _index: self._effort_chosen())
        session.events.selection_changed.connect(lambda _event: self.show_params())
        session.events.backend_changed.connect(lambda _event: self.show_params())
        self.show_params()

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Model:"))
        self.combo.setAccessibleName(self.tr("Model"))
        self.combo.setToolTip(
            self.tr("The model this conversation is sent to (%1); type any name the server knows").replace(
                "%1", QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        line = self.combo.lineEdit()
        if line is not None:
            line.setAccessibleName(self.combo.accessibleName())
        self.effort_label.setText(self.tr("&Reasoning:"))
        self.effort.setAccessibleName(self.tr("Reasoning effort"))
        self.effort.setToolTip(self.tr("How much the model thinks before it answers"))
        for index in range(self.effort.count()):
            value = self.effort.itemData(index)
            self.effort.setItemText(index, i18n.effort_name(value if isinstance(value, str) else None))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def focus_picker(self) -> None:
        self.combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line = self.combo.lineEdit()
        if line is not None:
            line.selectAll()

    def set_models(self, models: list[str]) -> None:
        """The server's models (the current choice stays, listed or not)."""
        self._showing = True
        try:
            current = self.combo.currentText()
            self.combo.clear()
            self.combo.addItems(sorted(set(models)))
            self.combo.setEditText(current)
        finally:
            self._showing = False

    def models(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def show_params(self) -> None:
        """The open conversation's model and effort (or those the next new one starts with)."""
        params = self.session.effective_params()
        self._showing = True
        try:
            if self.combo.currentText() != params.model:
                self.combo.setEditText(params.model)
            self.effort.setCurrentIndex(max(0, self.effort.findData(params.reasoning_effort)))
        finally:
            self._showing = False
        self._show_effort(params.model)

    def _show_effort(self, model: str) -> None:
        takes_effort = is_reasoning_model(model)
        self.effort.setVisible(takes_effort)
        self.effort_label.setVisible(takes_effort)

    def _override(self) -> dict[str, object]:
        session = self.session
        current = session.conversation.params_override if session.conversation else session.pending_override
        return dict(current or {})

    def _model_chosen(self) -> None:
        model = self.combo.currentText().strip()
        if self._showing or not model or model == self.session.effective_params().model:
            return
        override = self._override()
        override["model"] = model
        if not is_reasoning_model(model):
            override.pop("reasoning_effort", None)
        if self.banner.attempt(lambda: self.session.set_override(override)):
            self._show_effort(model)
            self.changed.emit()
        else:
            self.show_params()

    def _effort_chosen(self) -> None:
        if self._showing:
            return
        override = self._override()
        value = self.effort.currentData()
        if value is None:
            override.pop("reasoning_effort", None)
        else:
            override["reasoning_effort"] = value
        if self.banner.attempt(lambda: self.session.set_override(override)):
            self.changed.emit()
        else:
            self.show_params()
