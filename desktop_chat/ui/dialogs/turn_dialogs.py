"""Dialogs that start new turns from an existing node: fan out variants, regenerate with other settings
(a prompt is edited in place, in the transcript: ui/transcript/inline_editor.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.config.personas import Persona
from desktop_chat.core.conversation.model import ChatParams
from desktop_chat.ui import i18n, theme

MAX_VARIANTS = 6


class FanOutDialog(QDialog):
    """N variants of one prompt, each with its own model, temperature and instructions (persona)."""

    def __init__(
        self,
        base: ChatParams,
        models: list[str],
        parent: QWidget | None = None,
        *,
        count: int = 3,
        personas: list[Persona] | None = None,
        regenerate: bool = False,
    ) -> None:
        """`regenerate`: one answer asked again with other settings ("Regenerate with…"), worded so."""
        super().__init__(parent)
        self.setObjectName("regenerate_dialog" if regenerate else "fan_out_dialog")
        self.setWindowTitle(
            self.tr("Regenerate with other settings")
            if regenerate
            else self.tr("Fan out: several answers at once")
        )
        self.base = base
        self.models = models
        self.personas = personas or []
        self.count = QSpinBox(self)
        self.count.setObjectName("fanout_count")
        self.count.setRange(1, MAX_VARIANTS)
        self.grid = QGridLayout()
        for column, title in enumerate(
            (
                "",
                self.tr("Model"),
                self.tr("Temperature (empty = default)"),
                self.tr("Instructions / persona"),
            )
        ):
            self.grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.rows: list[tuple[QComboBox, QLineEdit, QLineEdit]] = []
        for index in range(MAX_VARIANTS):
            self._add_row(index)
        self.errors = QLabel()
        self.errors.setObjectName("fanout_errors")
        theme.set_tone(self.errors, "error")
        self.errors.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Regenerate") if regenerate else self.tr("Send all"))
        ok.setObjectName("fanout_ok")
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The prompt is asked again with these settings; the new answer becomes a sibling "
                "and the old one stays."
            )
            if regenerate
            else self.tr("Each variant becomes a sibling answer; they stream side by side. Esc stops all.")
        )
        intro.setObjectName("fanout_intro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not regenerate:  # one answer: no count to choose
            top = QGridLayout()
            top.addWidget(QLabel(self.tr("Variants:")), 0, 0)
            top.addWidget(self.count, 0, 1)
            layout.addLayout(top)
        else:
            self.count.hide()
        layout.addLayout(self.grid)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.count.valueChanged.connect(self._show_rows)
        self.count.setValue(1 if regenerate else max(1, min(count, MAX_VARIANTS)))
        self._show_rows(self.count.value())

    def _add_row(self, index: int) -> None:
        model = QComboBox()
        model.setEditable(True)
        model.addItems(self.models or [self.base.model])
        model.setCurrentText(self.base.model)
        model.setObjectName(f"fanout_model_{index}")
        temperature = QLineEdit()
        temperature.setObjectName(f"fanout_temperature_{index}")
        spread = [None, 0.2, 1.0, 1.4, 0.6, 1.8]  # a useful default spread for comparing
        default = self.base.temperature if index == 0 else spread[index]
        temperature.setText("" if default is None else f"{default:g}")
        instructions = QLineEdit(self.base.instructions)
        instructions.setObjectName(f"fanout_instructions_{index}")
        persona = QComboBox()
        persona.setObjectName(f"fanout_persona_{index}")
        persona.addItem(self.tr("Persona…"), None)
        for preset in self.personas:
            persona.addItem(preset.name, preset.instructions)
        persona.activated.connect(
            lambda i, box=persona, edit=instructions: (
                box.itemData(i) is not None and edit.setText(box.itemData(i))
            )
        )
        row = index + 1
        self.grid.addWidget(QLabel(f"#{index + 1}"), row, 0)
        self.grid.addWidget(model, row, 1)
        self.grid.addWidget(temperature, row, 2)
        self.grid.addWidget(instructions, row, 3)
        self.grid.addWidget(persona, row, 4)
        self.rows.append((model, temperature, instructions))

    def _show_rows(self, count: int) -> None:
        for index in range(MAX_VARIANTS):
            for column in range(5):
                item = self.grid.itemAtPosition(index + 1, column)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.setVisible(index < count)
        self.adjustSize()

    def variants(self) -> list[ChatParams]:
        result = []
        for model, temperature, instructions in self.rows[: self.count.value()]:
            text = temperature.text().strip().replace(",", ".")
            value: float | None = float(text) if text else None
            result.append(
                ChatParams.from_json(
                    {
                        **self.base.to_json(),
                        "model": model.currentText().strip(),
                        "temperature": value,
                        "instructions": instructions.text(),
                    }
                )
            )
        return result

    def _accept_if_valid(self) -> None:
        problems: list[str] = []
        try:
            variants = self.variants()
        except ValueError:
            self.errors.setText(
                self.tr("Temperatures must be numbers between 0 and 2 (or empty for the default).")
            )
            return
        for index, params in enumerate(variants, start=1):
            problems += [f"#{index}: {i18n.core_text(problem)}" for problem in params.validate()]
        if problems:
            self.errors.setText("\n".join(problems))
            return
        self.accept()
