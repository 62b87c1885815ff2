"""First-run dialog: ask for an API key (kept in the system keyring) and an optional base URL.

objectNames: `key_dialog`, `key_dialog_key` (password echo), `key_dialog_base_url`,
`key_dialog_info` (set by the caller through `set_keyring_warning`), `key_dialog_problem` (why OK
is disabled), `key_dialog_ok`. OK needs a key, except for a local server (localhost, a private
network address or a `.local` name), which often needs none.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_chat.ui import theme


def _base_url_problem(text: str) -> str | None:
    if not text:
        return None
    try:
        parts = urlsplit(text)
        ok = (
            parts.scheme in ("http", "https")
            and bool(parts.hostname)
            and (parts.port is None or parts.port > 0)
        )
    except ValueError:
        ok = False
    if not ok or any(ch.isspace() for ch in text):
        return QCoreApplication.translate(
            "KeyDialog", "The base URL must be an http:// or https:// address, e.g. http://localhost:8000/v1"
        )
    return None


def is_local_url(text: str) -> bool:
    """True for a valid http(s) URL on this machine or a private network."""
    if not text or _base_url_problem(text):
        return False
    host = (urlsplit(text).hostname or "").lower()
    if host == "localhost" or host.endswith((".localhost", ".local", ".lan", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local


class KeyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("key_dialog")
        self.setWindowTitle(self.tr("Connect to a server"))
        self.setMinimumWidth(480)
        explain = QLabel(
            self.tr(
                "Enter your OpenAI API key. It is stored in the system keyring (never in a file) and used "
                "only to talk to the server below.\n\nFor an OpenAI-compatible server, enter its base URL "
                "as well; a local server (e.g. http://localhost:8000/v1) usually needs no key."
            )
        )
        explain.setWordWrap(True)
        self.where = QLabel(
            self.tr(
                "Where keys come from: an OpenAI key is created on the API keys page of your account at "
                "platform.openai.com. Any OpenAI-compatible server (a local one, a gateway) works with "
                "its URL and, if it asks for one, its own key."
            )
        )
        self.where.setObjectName("key_dialog_where")
        self.where.setWordWrap(True)
        self.demo_chosen = False  # "Try the demo" was clicked: the built-in emulator answers
        self.info = QLabel()
        self.info.setObjectName("key_dialog_info")
        self.info.setWordWrap(True)
        theme.set_tone(self.info, "banner")
        self.info.setVisible(False)
        self.key = QLineEdit()
        self.key.setObjectName("key_dialog_key")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("sk-…")
        self.base_url = QLineEdit()
        self.base_url.setObjectName("key_dialog_base_url")
        self.base_url.setPlaceholderText(self.tr("optional: empty = OpenAI (https://api.openai.com/v1)"))
        self.problem = QLabel()
        self.problem.setObjectName("key_dialog_problem")
        self.problem.setWordWrap(True)
        theme.set_tone(self.problem, "error")
        self.problem.setVisible(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("key_dialog_ok")
        self.demo_button = buttons.addButton(self.tr("Try the &demo"), QDialogButtonBox.ButtonRole.ActionRole)
        self.demo_button.setObjectName("key_dialog_demo")
        self.demo_button.setToolTip(
            self.tr("A built-in local emulator answers: no key, nothing leaves this computer")
        )
        self.demo_button.clicked.connect(self._try_demo)

        form = QFormLayout()
        form.addRow(self.tr("API &key:"), self.key)
        form.addRow(self.tr("&Base URL:"), self.base_url)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.where)
        layout.addWidget(self.info)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        self.key.textChanged.connect(self._update_ok)
        self.base_url.textChanged.connect(self._update_ok)
        self._update_ok()
        self.key.setFocus()

    def set_keyring_warning(self, text: str) -> None:
        """Show a notice above the fields (e.g. no keyring: the key lasts this session only)."""
        self.info.setText(text)
        self.info.setVisible(bool(text))

    def result_key(self) -> str | None:
        return self.key.text().strip() or None

    def result_base_url(self) -> str | None:
        return self.base_url.text().strip().rstrip("/") or None

    def _update_ok(self) -> None:
        key = self.key.text().strip()
        base_url = self.base_url.text().strip()
        problem = _base_url_problem(base_url)
        if problem is None and any(ch.isspace() for ch in key):
            problem = self.tr("The key must not contain spaces or line breaks.")
        ok = problem is None and (bool(key) or is_local_url(base_url))
        self.ok_button.setEnabled(ok)
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)

    def _try_demo(self) -> None:
        self.demo_chosen = True
        super().accept()

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not bypass the rules
            super().accept()
