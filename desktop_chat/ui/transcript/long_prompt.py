"""A long prompt in the transcript: its start, then "Show all" (laying out a 5 MB paste in the
transcript's document froze the window for tens of seconds; a plain-text viewer shows it whole).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

SHOWN_CHARS = 8_000  # a prompt longer than this shows its start (20k took ~50 ms to lay out at Send)
SHOW_ALL_SCHEME = "show-all"


def _tr(text: str) -> str:
    return str(QCoreApplication.translate("LongPrompt", text))


# the strings shown through _tr, listed for the translation tools
_TRANSLATED = (
    QT_TRANSLATE_NOOP("LongPrompt", "… %1 more characters."),
    QT_TRANSLATE_NOOP("LongPrompt", "Show all"),
    QT_TRANSLATE_NOOP("LongPrompt", "Prompt"),
    QT_TRANSLATE_NOOP("LongPrompt", "Copy"),
)


def prompt_text_html(node_id: str, text: str) -> str:
    """The prompt as escaped plain text, cut at SHOWN_CHARS with a "Show all" link when longer."""
    if len(text) <= SHOWN_CHARS:
        return html.escape(text)
    hidden = len(text) - SHOWN_CHARS
    more = _tr("… %1 more characters.").replace("%1", f"{hidden:,}")
    link = f'<a href="{SHOW_ALL_SCHEME}:{html.escape(node_id)}">{html.escape(_tr("Show all"))}</a>'
    return f'{html.escape(text[:SHOWN_CHARS])}<br/><span class="quiet">{html.escape(more)}</span> {link}'


class LongTextDialog(QDialog):
    """A long text, whole, read-only, with Copy."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("long_text_dialog")
        self.setWindowTitle(_tr("Prompt"))
        self.resize(800, 600)
        self.viewer = QPlainTextEdit(self)
        self.viewer.setReadOnly(True)
        self.viewer.setPlainText(text)
        self.viewer.setAccessibleName(_tr("Prompt"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = buttons.addButton(_tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: self._copy(text))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.viewer)
        layout.addWidget(buttons)

    @staticmethod
    def _copy(text: str) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(text)
