"""What a new conversation shows before its first prompt: a greeting and a few example prompts in the
UI language; clicking one sends it (the window connects `example_chosen` to the composer)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_chat.ui import i18n, theme


class EmptyState(QWidget):
    example_chosen = Signal(str)  # the prompt text of the example clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        self.heading = heading = QLabel()
        heading.setObjectName("empty_state_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = hint = QLabel()
        hint.setObjectName("empty_state_hint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.set_tone(hint, "muted")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(hint)
        self.buttons: list[QPushButton] = []
        for _ in self.examples():
            button = QPushButton()
            button.setObjectName("example_prompt")
            button.clicked.connect(lambda _=False, b=button: self.example_chosen.emit(b.text()))
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self.buttons.append(button)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("What would you like to ask?"))
        self.hint.setText(
            self.tr(
                "Type below, or try one of these. Every answer can be branched: ask again or edit a "
                "prompt and the tree on the left keeps both."
            )
        )
        for button, text in zip(self.buttons, self.examples(), strict=True):
            button.setText(text)
            button.setToolTip(self.tr("Send this prompt"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def examples(self) -> list[str]:
        return [
            self.tr("Explain recursion with a short Python example"),
            self.tr("Compare three sorting algorithms in a table"),
            self.tr("Why is e^(iπ) + 1 = 0? Show the math"),
            self.tr("Write a polite email asking to move a meeting"),
        ]
