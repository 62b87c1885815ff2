"""MCP servers: the ones this conversation's turns may use (checked), and adding, editing, removing one.

Object names tests look up: `mcp_servers` (the checkable list), `mcp_add`, `mcp_edit`, `mcp_remove`; in
the server editor: `mcp_name`, `mcp_command` (a command line, started over stdio), `mcp_url` (Streamable
HTTP), `mcp_secrets` (NAME=value lines: environment variables for a command, headers for a URL; the
values go to the system keyring, an empty value keeps the stored one), `mcp_errors`.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.config import keys
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.tools import mcp_config
from desktop_chat.core.tools.mcp_config import McpServer
from desktop_chat.ui import i18n

ID_ROLE = Qt.ItemDataRole.UserRole


def parse_secrets(text: str) -> tuple[dict[str, str], list[str]]:
    """NAME=value lines as {name: value} ('' keeps a stored value), and the lines that are not."""
    found: dict[str, str] = {}
    bad: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, sep, value = line.partition("=")
        if not sep and ":" in line:  # a header written as "Authorization: Bearer …"
            name, sep, value = line.partition(":")
        if not name.strip():
            bad.append(line)
            continue
        found[name.strip()] = value.strip()
    return found, bad


class McpServerEditor(QDialog):
    """One server's settings: a name, a command or a URL, and its secrets."""

    def __init__(self, store: Store, server: McpServer | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.server = server
        self.saved: McpServer | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("MCP server"))
        self.name = QLineEdit(server.name if server else "")
        self.name.setObjectName("mcp_name")
        self.command = QLineEdit(server.command_line if server else "")
        self.command.setObjectName("mcp_command")
        self.command.setPlaceholderText(self.tr("e.g. npx -y @modelcontextprotocol/server-everything"))
        self.url = QLineEdit(server.url if server else "")
        self.url.setObjectName("mcp_url")
        self.url.setPlaceholderText(self.tr("or a Streamable HTTP address, e.g. http://127.0.0.1:8000/mcp"))
        self.hosted = QCheckBox(self.tr("The &provider connects to it (the Responses API's hosted mcp tool)"))
        self.hosted.setObjectName("mcp_hosted")
        self.hosted.setChecked(bool(server and server.hosted))
        self.hosted.setToolTip(
            self.tr(
                "For a URL the provider's servers can reach. Unchecked, this app connects to it and offers "
                "its tools as functions (works with any provider)."
            )
        )
        names = server.secret_names if server else ()
        self.secrets = QPlainTextEdit("\n".join(f"{name}=" for name in names))
        self.secrets.setObjectName("mcp_secrets")
        self.secrets.setTabChangesFocus(True)
        self.secrets.setPlaceholderText(
            self.tr("NAME=value, one a line: environment variables for a command, headers for a URL")
        )
        self.errors = QLabel()
        self.errors.setObjectName("mcp_errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #c62828;")
        form = QFormLayout()
        for label, field in (
            (self.tr("&Name:"), self.name),
            (self.tr("&Command:"), self.command),
            (self.tr("&URL:"), self.url),
            ("", self.hosted),
            (self.tr("&Secrets:"), self.secrets),
        ):
            form.addRow(label, field)
            if label:
                field.setAccessibleName(label.replace("&", "").rstrip(":"))
        note = QLabel(
            self.tr(
                "Secret values are kept in the system keyring, never in a file; leave a value empty to "
                "keep the one saved before."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def accept(self) -> None:
        problems: list[str] = []
        try:
            command, args = mcp_config.parse_command(self.command.text())
        except ValueError as exc:
            command, args = "", ()
            problems.append(self.tr("The command line is not complete: %1").replace("%1", str(exc)))
        secrets, bad = parse_secrets(self.secrets.toPlainText())
        problems += [self.tr("Not NAME=value: %1").replace("%1", line) for line in bad]
        server = dataclasses.replace(
            self.server or McpServer(""),
            name=self.name.text().strip(),
            command=command,
            args=args,
            url=self.url.text().strip(),
            secret_names=tuple(secrets),
            hosted=self.hosted.isChecked(),
        )
        problems += [i18n.core_text(p) for p in server.validate()]
        if problems:
            self.errors.setText("\n".join(problems))
            return
        try:
            for name, value in secrets.items():
                if value:
                    mcp_config.set_secret(server, name, value)
            mcp_config.save_server(self.store, server)
        except (keys.KeyringUnavailable, ValueError) as exc:
            self.errors.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return
        self.saved = server
        super().accept()


class McpServersDialog(QDialog):
    """The servers, checked where the open conversation (or the next new one) uses them."""

    def __init__(self, store: Store, enabled: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("MCP servers"))
        intro = QLabel(
            self.tr(
                "Checked servers offer their tools to the model in this conversation (or in the next new "
                "one). The app starts them when a question needs them and asks you before each call."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("mcp_servers")
        self.list.setAccessibleName(self.tr("MCP servers"))
        self.add = QPushButton(self.tr("&Add…"))
        self.add.setObjectName("mcp_add")
        self.edit = QPushButton(self.tr("&Edit…"))
        self.edit.setObjectName("mcp_edit")
        self.remove = QPushButton(self.tr("&Remove"))
        self.remove.setObjectName("mcp_remove")
        self.add.clicked.connect(lambda: self.open_editor(None))
        self.edit.clicked.connect(self._edit_current)
        self.remove.clicked.connect(self._remove_current)
        self.list.itemDoubleClicked.connect(lambda _item: self._edit_current())
        row = QHBoxLayout()
        for button in (self.add, self.edit, self.remove):
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._fill(set(enabled))
        self.resize(560, 380)

    def _fill(self, checked: set[str]) -> None:
        self.list.clear()
        for server in mcp_config.list_servers(self.store):
            where = server.url or server.command_line
            if server.hosted:
                where += " " + self.tr("(through the provider)")
            item = QListWidgetItem(f"{server.name} — {where}")
            item.setData(ID_ROLE, server.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if server.id in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        has = self.list.count() > 0
        self.edit.setEnabled(has)
        self.remove.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)

    def enabled(self) -> list[str]:
        """The ids of the checked servers, in the list's order."""
        items = (self.list.item(k) for k in range(self.list.count()))
        return [
            str(i.data(ID_ROLE)) for i in items if i is not None and i.checkState() == Qt.CheckState.Checked
        ]

    def open_editor(self, server: McpServer | None) -> McpServerEditor:
        editor = McpServerEditor(self.store, server, self)
        editor.finished.connect(lambda _code: self._edited(editor))
        editor.open()
        return editor

    def _edited(self, editor: McpServerEditor) -> None:
        if editor.saved is None:
            return
        checked = set(self.enabled())
        if editor.server is None:  # a new server is meant to be used
            checked.add(editor.saved.id)
        self._fill(checked)

    def _current(self) -> McpServer | None:
        item = self.list.currentItem()
        return mcp_config.get_server(self.store, str(item.data(ID_ROLE))) if item is not None else None

    def _edit_current(self) -> None:
        server = self._current()
        if server is not None:
            self.open_editor(server)

    def _remove_current(self) -> None:
        server = self._current()
        if server is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove MCP server"),
            self.tr("Remove “%1” and its saved secrets?").replace("%1", server.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            mcp_config.delete_server(self.store, server.id)
            self._fill(set(self.enabled()) - {server.id})
