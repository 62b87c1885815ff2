"""Create, edit and delete personas (named instruction presets)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.config.personas import Persona
from desktop_chat.ui import theme


class PersonasDialog(QDialog):
    def __init__(self, personas: list[Persona], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personas_dialog")
        self.setWindowTitle(self.tr("Personas"))
        self.resize(720, 420)
        self.list = QListWidget()
        self.list.setObjectName("personas_list")
        self.name = QLineEdit()
        self.name.setObjectName("persona_name")
        self.instructions = QPlainTextEdit()
        self.instructions.setObjectName("persona_instructions")
        self.errors = QLabel()
        self.errors.setObjectName("personas_errors")
        theme.set_tone(self.errors, "error")
        add = QPushButton(self.tr("Add"))
        add.setObjectName("persona_add")
        remove = QPushButton(self.tr("Delete"))
        remove.setObjectName("persona_delete")
        add.clicked.connect(self._add)
        remove.clicked.connect(self._remove)
        for persona in personas:
            self._append(persona)
        self.list.currentItemChanged.connect(self._current_changed)
        self.name.textEdited.connect(self._store_edit)
        self.instructions.textChanged.connect(self._store_edit)

        left = QVBoxLayout()
        left.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Name")))
        right.addWidget(self.name)
        right.addWidget(QLabel(self.tr("Instructions (sent as the system prompt)")))
        right.addWidget(self.instructions, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("personas_ok")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._current_changed(None, None)

    def _append(self, persona: Persona) -> QListWidgetItem:
        item = QListWidgetItem(persona.name)
        item.setData(Qt.ItemDataRole.UserRole, persona.instructions)
        self.list.addItem(item)
        return item

    def _add(self) -> None:
        item = self._append(Persona(self.tr("New persona"), ""))
        self.list.setCurrentItem(item)
        self.name.setFocus()
        self.name.selectAll()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        enabled = current is not None
        self.name.setEnabled(enabled)
        self.instructions.setEnabled(enabled)
        self.name.setText(current.text() if current else "")
        self.instructions.blockSignals(True)
        self.instructions.setPlainText(str(current.data(Qt.ItemDataRole.UserRole)) if current else "")
        self.instructions.blockSignals(False)

    def _store_edit(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            item.setText(self.name.text())
            item.setData(Qt.ItemDataRole.UserRole, self.instructions.toPlainText())

    def personas(self) -> list[Persona]:
        return [
            Persona(item.text(), str(item.data(Qt.ItemDataRole.UserRole)))
            for item in (self.list.item(row) for row in range(self.list.count()))
            if item is not None
        ]

    def _accept_if_valid(self) -> None:
        names = [p.name.strip() for p in self.personas()]
        if any(not name for name in names):
            self.errors.setText(self.tr("Every persona needs a name."))
        elif len(set(names)) != len(names):
            self.errors.setText(self.tr("Two personas have the same name."))
        else:
            self.accept()
