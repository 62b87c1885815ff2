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
- "Tools && output" (defaults): `settings_web_search`, `settings_code_interpreter` (check boxes),
  `settings_vector_store_ids` (file search; ids separated by spaces or commas), `settings_text_format`
  (text / json_object / json_schema), `settings_json_schema` (the schema as JSON) with
  `settings_json_schema_status` (validated as typed), `settings_reasoning_effort` (empty = not sent),
  `settings_reasoning_summary`, `settings_top_logprobs` (empty = off), `settings_compact_threshold` (empty =
  off), `settings_truncation_auto`, `settings_background` (background mode, explained by
  `settings_background_note`). Temperature and top_p are disabled (with a tooltip) for reasoning models.
- "Generation" (defaults): see generation_form.py (images, verbosity, service tier, keeping answers).
- "Prices": `settings_prices` (table: model, input, cached input, output in USD per 1M tokens),
  `settings_prices_add`, `settings_prices_remove`.
- `settings_errors`: red text listing every problem. OK with any problem does not accept, so
  nothing is saved or sent.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.content.pricing import DEFAULT_PRICES, Price
from desktop_chat.core.conversation.model import ChatParams
from desktop_chat.ui import theme
from desktop_chat.ui.dialogs.generation_form import GenerationForm
from desktop_chat.ui.dialogs.settings_forms import (
    PARAM_KEYS,
    ParamsForm,
    PricesForm,
    RichForm,
    parse_base_url,
)


class SettingsDialog(QDialog):
    refresh_models_requested = Signal()

    def __init__(
        self,
        defaults: ChatParams,
        override: dict[str, Any] | None,
        base_url: str | None,
        parent: QWidget | None = None,
        conversation_title: str | None = None,
        prices: dict[str, Price] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.resize(560, 480)
        self._defaults = defaults
        self._override = dict(override or {})
        self._base_url = base_url
        self._result_defaults = defaults
        self._result_override = dict(self._override)
        self._result_base_url = base_url
        self._result_api_key: str | None = None
        self._result_prices: dict[str, Price] = dict(prices if prices is not None else DEFAULT_PRICES)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        self.defaults_form = ParamsForm("settings_", defaults.to_json(), None)
        self.conversation_form = ParamsForm("settings_conversation_", self._override, defaults)
        self.tabs.addTab(self.defaults_form, self.tr("&Defaults"))
        title = conversation_title or self.tr("no conversation open")
        index = self.tabs.addTab(self.conversation_form, self.tr("This &conversation"))
        self.tabs.setTabToolTip(index, self.tr("Settings for “%1” only").replace("%1", title))
        self.tabs.setTabEnabled(index, conversation_title is not None)
        self.rich_form = RichForm(defaults)
        self.tabs.addTab(self.rich_form, self.tr("Tools && &output"))
        self.generation_form = GenerationForm(defaults)
        self.tabs.addTab(self.generation_form, self.tr("&Generation"))
        self.prices_form = PricesForm(self._result_prices)
        self.tabs.addTab(self.prices_form, self.tr("&Prices"))
        self.tabs.addTab(self._connection_tab(base_url), self.tr("Co&nnection"))
        assert self.defaults_form.refresh_button is not None
        self.defaults_form.refresh_button.clicked.connect(self.refresh_models_requested)

        self.errors = QLabel()
        self.errors.setObjectName("settings_errors")
        self.errors.setWordWrap(True)
        theme.set_tone(self.errors, "error")
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
        self.base_url.setPlaceholderText(self.tr("empty: OpenAI (https://api.openai.com/v1)"))
        self.api_key = QLineEdit()
        self.api_key.setObjectName("settings_api_key")
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setPlaceholderText(self.tr("stored in the system keyring — empty keeps the current key"))
        note = QLabel(
            self.tr(
                "The base URL points the app at any OpenAI-compatible server. The API key is kept in the "
                "system keyring, never in a file."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(page)
        form.addRow(note)
        form.addRow(self.tr("&Base URL:"), self.base_url)
        form.addRow(self.tr("API &key:"), self.api_key)
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

    def result_prices(self) -> dict[str, Price]:
        """The edited price table (save it with core.pricing.save_prices)."""
        return dict(self._result_prices)

    def result_base_url(self) -> str | None:
        return self._result_base_url

    def result_api_key(self) -> str | None:
        """The new key, or None to keep the stored one."""
        return self._result_api_key

    # -- accepting ------------------------------------------------------------------------------
    def accept(self) -> None:
        problems: list[tuple[QWidget, str]] = []
        default_values, found = self.defaults_form.parse()
        problems += [(w, self.tr("Defaults: %1").replace("%1", m)) for w, m in found]
        conversation_on = self.tabs.isTabEnabled(self.tabs.indexOf(self.conversation_form))
        override_values: dict[str, Any] = {}
        if conversation_on:
            override_values, found = self.conversation_form.parse()
            problems += [(w, self.tr("This conversation: %1").replace("%1", m)) for w, m in found]
        rich_values, found = self.rich_form.parse()
        problems += [(w, self.tr("Tools & output: %1").replace("%1", m)) for w, m in found]
        prices, found = self.prices_form.parse()
        problems += found
        base_url: str | None = None
        try:
            base_url = parse_base_url(self.base_url.text())
        except ValueError as exc:
            problems.append((self.base_url, str(exc)))
        api_key = self.api_key.text().strip()
        if any(ch.isspace() for ch in api_key):
            problems.append((self.api_key, self.tr("The API key must not contain spaces or line breaks.")))

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
        generation = self.generation_form.parse()
        self._result_defaults = dataclasses.replace(
            self._defaults, **default_values, **rich_values, **generation
        )
        self._result_prices = prices
        if conversation_on:
            override = {k: v for k, v in self._override.items() if k not in PARAM_KEYS}
            override.update({k: v for k, v in override_values.items() if v not in (None, "")})
            self._result_override = override
        self._result_base_url = base_url
        self._result_api_key = api_key or None
        super().accept()
