"""The settings dialog: default request parameters, this conversation's overrides, the connection.

Tabs and the objectNames tests and the window look up:
- "Defaults": `settings_model` (editable combo), `settings_refresh_models` (button),
  `settings_temperature`, `settings_top_p`, `settings_max_output_tokens` (line edits; empty = the
  server's default), `settings_instructions` (plain text).
- "This conversation" (disabled when no conversation is open): the same fields named
  `settings_conversation_model`, `settings_conversation_temperature`, ... An empty field means
  "use the default"; only the fields the user filled in end up in `result_override()`.
- "Connection": `settings_base_url` (empty = OpenAI), `settings_api_key` (password echo; empty =
  keep the stored key; the key goes to the system keyring, never to a file).
- `settings_errors`: red text listing every problem. OK with any problem does not accept, so
  nothing is saved or sent.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.model import ChatParams

PARAM_KEYS = ("model", "temperature", "top_p", "max_output_tokens", "instructions")


# -- small parsers (kept here so the dialog does not depend on core/settings.py) -----------------
def parse_float(text: str, label: str) -> float | None:
    """'' -> None; '0.7' or '0,7' -> 0.7; anything else -> ValueError with a user message."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"{label}: “{text}” is not a number.") from None
    if not math.isfinite(value):
        raise ValueError(f"{label}: “{text}” is not a finite number.")
    return value


def parse_int(text: str, label: str) -> int | None:
    """'' -> None; '4096', '4,096', '4 096', '4_096' -> 4096; anything else -> ValueError."""
    text = text.strip()
    if not text:
        return None
    cleaned = "".join(ch for ch in text if ch not in " ,_\u00a0")
    if not cleaned.isdigit():
        raise ValueError(f"{label}: “{text}” is not a whole number.")
    return int(cleaned)


def parse_base_url(text: str) -> str | None:
    """'' -> None; an http(s) URL with a host -> itself (trimmed); anything else -> ValueError."""
    text = text.strip()
    if not text:
        return None
    try:
        parts = urlsplit(text)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        parts, port_ok = None, False
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
        raise ValueError(f"Base URL must be an http:// or https:// address with a host (got “{text}”).")
    if any(ch.isspace() for ch in text):
        raise ValueError("Base URL must not contain spaces.")
    return text.rstrip("/")


def _number_text(value: Any) -> str:
    return "" if value is None else str(value)


class _ParamsForm(QWidget):
    """Model, temperature, top_p, max output tokens and instructions for one scope."""

    def __init__(self, prefix: str, values: dict[str, Any], defaults: ChatParams | None) -> None:
        super().__init__()
        self.is_override = defaults is not None
        self.model = QComboBox()
        self.model.setEditable(True)
        self.model.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model.setObjectName(f"{prefix}model")
        self.model.setEditText(str(values.get("model") or ""))
        self.temperature = self._line(f"{prefix}temperature", values.get("temperature"))
        self.top_p = self._line(f"{prefix}top_p", values.get("top_p"))
        self.max_output_tokens = self._line(f"{prefix}max_output_tokens", values.get("max_output_tokens"))
        self.instructions = QPlainTextEdit(str(values.get("instructions") or ""))
        self.instructions.setObjectName(f"{prefix}instructions")
        self.instructions.setTabChangesFocus(True)

        if defaults is None:
            self.temperature.setPlaceholderText("server default (0 to 2)")
            self.top_p.setPlaceholderText("server default (0 to 1)")
            self.max_output_tokens.setPlaceholderText("server default (16 to 1,000,000)")
            self.instructions.setPlaceholderText("System instructions (a persona), sent with every turn")
        else:
            line = self.model.lineEdit()
            assert line is not None
            line.setPlaceholderText(f"default: {defaults.model}")
            for edit, value in (
                (self.temperature, defaults.temperature),
                (self.top_p, defaults.top_p),
                (self.max_output_tokens, defaults.max_output_tokens),
            ):
                edit.setPlaceholderText(f"default: {_number_text(value) or 'server default'}")
            self.instructions.setPlaceholderText("Empty: use the default instructions")

        self.refresh_button: QPushButton | None = None
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        if defaults is None:
            self.refresh_button = QPushButton("Refresh")
            self.refresh_button.setObjectName("settings_refresh_models")
            self.refresh_button.setToolTip("Ask the server which models it offers")
            model_row.addWidget(self.refresh_button)
        form = QFormLayout(self)
        if defaults is not None:
            note = QLabel("Values for this conversation only. Empty fields use the defaults.")
            note.setWordWrap(True)
            form.addRow(note)
        model_label = QLabel("&Model:")
        model_label.setBuddy(self.model)
        form.addRow(model_label, model_row)
        form.addRow("&Temperature:", self.temperature)
        form.addRow("Top &p:", self.top_p)
        form.addRow("Max output &tokens:", self.max_output_tokens)
        form.addRow("&Instructions:", self.instructions)

    @staticmethod
    def _line(name: str, value: Any) -> QLineEdit:
        edit = QLineEdit(_number_text(value))
        edit.setObjectName(name)
        edit.setClearButtonEnabled(True)
        return edit

    def set_models(self, models: list[str]) -> None:
        text = self.model.currentText()
        self.model.clear()
        self.model.addItems(models)
        self.model.setEditText(text)

    def parse(self) -> tuple[dict[str, Any], list[tuple[QWidget, str]]]:
        """The values typed ('' and None mean unset) and the problems found parsing them."""
        values: dict[str, Any] = {
            "model": self.model.currentText().strip(),
            "instructions": self.instructions.toPlainText().strip(),
        }
        problems: list[tuple[QWidget, str]] = []
        if not (self.is_override and not values["model"]):  # an empty override = the default model
            problems += [(self.model, m) for m in ChatParams(model=values["model"]).validate()]
        for key, edit, label, parser in (
            ("temperature", self.temperature, "Temperature", parse_float),
            ("top_p", self.top_p, "top_p", parse_float),
            ("max_output_tokens", self.max_output_tokens, "Max output tokens", parse_int),
        ):
            try:
                values[key] = parser(edit.text(), label)
            except ValueError as exc:
                values[key] = None
                problems.append((edit, str(exc)))
                continue
            # the range rules are ChatParams.validate()'s, checked field by field for the widget
            check = dataclasses.replace(ChatParams(model="m"), **{key: values[key]})
            problems += [(edit, m) for m in check.validate()]
        return values, problems


class SettingsDialog(QDialog):
    refresh_models_requested = Signal()

    def __init__(
        self,
        defaults: ChatParams,
        override: dict[str, Any] | None,
        base_url: str | None,
        parent: QWidget | None = None,
        conversation_title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle("Settings")
        self.resize(560, 480)
        self._defaults = defaults
        self._override = dict(override or {})
        self._base_url = base_url
        self._result_defaults = defaults
        self._result_override = dict(self._override)
        self._result_base_url = base_url
        self._result_api_key: str | None = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.defaults_form = _ParamsForm("settings_", defaults.to_json(), None)
        self.conversation_form = _ParamsForm("settings_conversation_", self._override, defaults)
        self.tabs.addTab(self.defaults_form, "&Defaults")
        title = conversation_title or "no conversation open"
        index = self.tabs.addTab(self.conversation_form, "This &conversation")
        self.tabs.setTabToolTip(index, f"Settings for “{title}” only")
        self.tabs.setTabEnabled(index, conversation_title is not None)
        self.tabs.addTab(self._connection_tab(base_url), "Co&nnection")
        assert self.defaults_form.refresh_button is not None
        self.defaults_form.refresh_button.clicked.connect(self.refresh_models_requested)

        self.errors = QLabel()
        self.errors.setObjectName("settings_errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setVisible(False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("settings_buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("settings_ok")

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def _connection_tab(self, base_url: str | None) -> QWidget:
        page = QWidget()
        self.base_url = QLineEdit(base_url or "")
        self.base_url.setObjectName("settings_base_url")
        self.base_url.setPlaceholderText("empty: OpenAI (https://api.openai.com/v1)")
        self.api_key = QLineEdit()
        self.api_key.setObjectName("settings_api_key")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText("stored in the system keyring — empty keeps the current key")
        note = QLabel(
            "The base URL points the app at any OpenAI-compatible server. The API key is kept in the "
            "system keyring, never in a file."
        )
        note.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(note)
        form.addRow("&Base URL:", self.base_url)
        form.addRow("API &key:", self.api_key)
        return page

    # -- public ---------------------------------------------------------------------------------
    def set_models(self, models: list[str]) -> None:
        """Fill both model lists, keeping what is typed in them."""
        self.defaults_form.set_models(models)
        self.conversation_form.set_models(models)

    def result_defaults(self) -> ChatParams:
        return self._result_defaults

    def result_override(self) -> dict[str, Any]:
        """This conversation's values: only the keys the user set (other, unknown keys kept)."""
        return dict(self._result_override)

    def result_base_url(self) -> str | None:
        return self._result_base_url

    def result_api_key(self) -> str | None:
        """The new key, or None to keep the stored one."""
        return self._result_api_key

    # -- accepting ------------------------------------------------------------------------------
    def accept(self) -> None:
        problems: list[tuple[QWidget, str]] = []
        default_values, found = self.defaults_form.parse()
        problems += [(w, f"Defaults: {m}") for w, m in found]
        conversation_on = self.tabs.isTabEnabled(self.tabs.indexOf(self.conversation_form))
        override_values: dict[str, Any] = {}
        if conversation_on:
            override_values, found = self.conversation_form.parse()
            problems += [(w, f"This conversation: {m}") for w, m in found]
        base_url: str | None = None
        try:
            base_url = parse_base_url(self.base_url.text())
        except ValueError as exc:
            problems.append((self.base_url, str(exc)))
        api_key = self.api_key.text().strip()
        if any(ch.isspace() for ch in api_key):
            problems.append((self.api_key, "The API key must not contain spaces or line breaks."))

        if problems:
            self.errors.setText("\n".join(message for _, message in problems))
            self.errors.setVisible(True)
            widget = problems[0][0]  # show the first problem's tab and put the cursor there
            for index in range(self.tabs.count()):
                page = self.tabs.widget(index)
                if page is not None and page.isAncestorOf(widget):
                    self.tabs.setCurrentIndex(index)
            widget.setFocus()
            return

        self.errors.clear()
        self.errors.setVisible(False)
        self._result_defaults = dataclasses.replace(self._defaults, **default_values)
        if conversation_on:
            override = {k: v for k, v in self._override.items() if k not in PARAM_KEYS}
            override.update({k: v for k, v in override_values.items() if v not in (None, "")})
            self._result_override = override
        self._result_base_url = base_url
        self._result_api_key = api_key or None
        super().accept()
