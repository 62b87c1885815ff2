"""The settings dialog's forms: request parameters (defaults or one conversation's overrides), tools
and output, and prices; each parses itself into values plus the problems to show (see
settings_dialog.py for the objectNames)."""

from __future__ import annotations

import dataclasses
import json
import math
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.api.models import is_reasoning_model
from desktop_chat.core.content.pricing import Price
from desktop_chat.core.conversation.model import REASONING_EFFORTS, TEXT_FORMATS, ChatParams, schema_problems
from desktop_chat.ui import i18n, theme

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
        message = QCoreApplication.translate("SettingsDialog", "%1: “%2” is not a number.")
        raise ValueError(message.replace("%1", label).replace("%2", text)) from None
    if not math.isfinite(value):
        message = QCoreApplication.translate("SettingsDialog", "%1: “%2” is not a finite number.")
        raise ValueError(message.replace("%1", label).replace("%2", text))
    return value


def parse_int(text: str, label: str) -> int | None:
    """'' -> None; '4096', '4,096', '4 096', '4_096' -> 4096; anything else -> ValueError."""
    text = text.strip()
    if not text:
        return None
    cleaned = "".join(ch for ch in text if ch not in " ,_\u00a0")
    if not cleaned.isdigit():
        message = QCoreApplication.translate("SettingsDialog", "%1: “%2” is not a whole number.")
        raise ValueError(message.replace("%1", label).replace("%2", text))
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
        raise ValueError(
            QCoreApplication.translate(
                "SettingsDialog", "Base URL must be an http:// or https:// address with a host (got “%1”)."
            ).replace("%1", text)
        )
    if any(ch.isspace() for ch in text):
        raise ValueError(QCoreApplication.translate("SettingsDialog", "Base URL must not contain spaces."))
    return text.rstrip("/")


def _number_text(value: Any) -> str:
    return "" if value is None else str(value)


class ParamsForm(QWidget):
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
            self.temperature.setPlaceholderText(self.tr("server default (0 to 2)"))
            self.top_p.setPlaceholderText(self.tr("server default (0 to 1)"))
            self.max_output_tokens.setPlaceholderText(self.tr("server default (16 to 1,000,000)"))
            self.instructions.setPlaceholderText(
                self.tr("System instructions (a persona), sent with every turn")
            )
        else:
            line = self.model.lineEdit()
            assert line is not None
            line.setPlaceholderText(self.tr("default: %1").replace("%1", defaults.model))
            for edit, value in (
                (self.temperature, defaults.temperature),
                (self.top_p, defaults.top_p),
                (self.max_output_tokens, defaults.max_output_tokens),
            ):
                shown = _number_text(value) or self.tr("server default")
                edit.setPlaceholderText(self.tr("default: %1").replace("%1", shown))
            self.instructions.setPlaceholderText(self.tr("Empty: use the default instructions"))

        self.refresh_button: QPushButton | None = None
        model_row = QHBoxLayout()
        model_row.addWidget(self.model, 1)
        if defaults is None:
            self.refresh_button = QPushButton(self.tr("Refresh"))
            self.refresh_button.setObjectName("settings_refresh_models")
            self.refresh_button.setToolTip(self.tr("Ask the server which models it offers"))
            model_row.addWidget(self.refresh_button)
        form = QFormLayout(self)
        if defaults is not None:
            note = QLabel(self.tr("Values for this conversation only. Empty fields use the defaults."))
            note.setWordWrap(True)
            form.addRow(note)
        model_label = QLabel(self.tr("&Model:"))
        model_label.setBuddy(self.model)
        form.addRow(model_label, model_row)
        form.addRow(self.tr("&Temperature:"), self.temperature)
        form.addRow(self.tr("Top &p:"), self.top_p)
        form.addRow(self.tr("Max output &tokens:"), self.max_output_tokens)
        form.addRow(self.tr("&Instructions:"), self.instructions)
        self.default_model = defaults.model if defaults is not None else ""
        self.model.editTextChanged.connect(self._update_sampling)
        self._update_sampling(self.model.currentText())

    def _update_sampling(self, model: str) -> None:
        """Reasoning models refuse temperature and top_p: the fields say so and are not sent."""
        reasoning = is_reasoning_model(model.strip() or self.default_model)
        tip = (
            self.tr(
                "Reasoning models (o-series, gpt-5) take no temperature or top_p; requests leave them out."
            )
            if reasoning
            else ""
        )
        for edit in (self.temperature, self.top_p):
            edit.setEnabled(not reasoning)
            edit.setToolTip(tip)

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
            found = ChatParams(model=values["model"]).validate()
            problems += [(self.model, i18n.core_text(m)) for m in found]
        for key, edit, label, parser in (
            ("temperature", self.temperature, self.tr("Temperature"), parse_float),
            ("top_p", self.top_p, "top_p", parse_float),
            ("max_output_tokens", self.max_output_tokens, self.tr("Max output tokens"), parse_int),
        ):
            try:
                values[key] = parser(edit.text(), label)
            except ValueError as exc:
                values[key] = None
                problems.append((edit, str(exc)))
                continue
            # the range rules are ChatParams.validate()'s, checked field by field for the widget
            check = dataclasses.replace(ChatParams(model="m"), **{key: values[key]})
            problems += [(edit, i18n.core_text(m)) for m in check.validate()]
        return values, problems


EXAMPLE_SCHEMA = {
    "name": "answer",
    "strict": True,
    "schema": {
        "type": "object",
        "properties": {"answer": {"type": "string"}},
        "required": ["answer"],
        "additionalProperties": False,
    },
}


def parse_schema(text: str) -> tuple[dict[str, Any] | None, str | None]:
    """(the schema, None) or (None, a problem) for the schema editor's text ('' = no schema)."""
    if not text.strip():
        return None, None
    try:
        value = json.loads(text)
    except ValueError as exc:
        return None, QCoreApplication.translate(
            "SettingsDialog", "JSON schema: not valid JSON (%1)."
        ).replace("%1", str(exc))
    problems = schema_problems(value)
    return (value, None) if not problems else (None, i18n.core_text(problems[0]))


class RichForm(QWidget):
    """Hosted tools, structured output, reasoning, logprobs and truncation (the defaults)."""

    def __init__(self, params: ChatParams) -> None:
        super().__init__()
        self.web_search = self._check("settings_web_search", self.tr("&Web search"), params.web_search)
        self.code_interpreter = self._check(
            "settings_code_interpreter", self.tr("Code &interpreter"), params.code_interpreter
        )
        self.vector_store_ids = QLineEdit(" ".join(params.file_search_vector_store_ids))
        self.vector_store_ids.setObjectName("settings_vector_store_ids")
        self.vector_store_ids.setPlaceholderText(self.tr("vector store ids for file search (empty: off)"))
        self.text_format = QComboBox()
        self.text_format.setObjectName("settings_text_format")
        self.text_format.addItems(list(TEXT_FORMATS))
        self.text_format.setCurrentText(params.text_format if params.text_format in TEXT_FORMATS else "text")
        schema = params.json_schema
        self.json_schema = QPlainTextEdit(json.dumps(schema, indent=2) if schema else "")
        self.json_schema.setObjectName("settings_json_schema")
        self.json_schema.setPlaceholderText(json.dumps(EXAMPLE_SCHEMA, indent=2))
        self.json_schema.setTabChangesFocus(True)
        self.schema_status = QLabel()
        self.schema_status.setObjectName("settings_json_schema_status")
        self.schema_status.setWordWrap(True)
        self.reasoning_effort = QComboBox()
        self.reasoning_effort.setObjectName("settings_reasoning_effort")
        self.reasoning_effort.addItem("", None)
        for value in REASONING_EFFORTS:
            self.reasoning_effort.addItem(i18n.effort_name(value), value)
        self.reasoning_effort.setToolTip(
            self.tr("Only for reasoning models (o-series, gpt-5); empty = not sent")
        )
        self.reasoning_effort.setCurrentIndex(max(0, self.reasoning_effort.findData(params.reasoning_effort)))
        self.reasoning_summary = self._check(
            "settings_reasoning_summary", self.tr("Show a reasoning &summary"), params.reasoning_summary
        )
        self.top_logprobs = QLineEdit(_number_text(params.top_logprobs))
        self.top_logprobs.setObjectName("settings_top_logprobs")
        self.top_logprobs.setPlaceholderText(self.tr("off (0 to 20 alternatives per token)"))
        self.compact_threshold = QLineEdit(_number_text(params.compact_threshold))
        self.compact_threshold.setObjectName("settings_compact_threshold")
        self.compact_threshold.setPlaceholderText(self.tr("off (e.g. 100000 tokens)"))
        self.compact_threshold.setToolTip(
            self.tr("context_management compaction: past this many tokens the server compacts the context.")
        )
        self.truncation_auto = self._check(
            "settings_truncation_auto",
            self.tr("truncation: auto (deprecated: the server drops the oldest items)"),
            params.truncation_auto,
        )
        self.background = self._check(
            "settings_background", self.tr("&Background mode (resumable answers)"), params.background
        )
        self.background_note = QLabel(
            self.tr(
                "The server makes each answer on its own: a dropped connection resumes the answer where it "
                "stopped, Stop cancels it on the server, and an answer still running when the app closes "
                "is picked up when it opens again. The server keeps the answer's data for about 10 "
                "minutes, so this is not for accounts with zero data retention."
            )
        )
        self.background_note.setObjectName("settings_background_note")
        self.background_note.setWordWrap(True)
        theme.set_tone(self.background_note, "muted")
        self.background.setAccessibleDescription(self.background_note.text())
        self.text_format.currentTextChanged.connect(lambda _t: self._check_schema())
        self.json_schema.textChanged.connect(self._check_schema)

        tools = QHBoxLayout()
        tools.addWidget(self.web_search)
        tools.addWidget(self.code_interpreter)
        tools.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Hosted tools:"), tools)
        form.addRow(self.tr("&File search:"), self.vector_store_ids)
        form.addRow(self.tr("Text &format:"), self.text_format)
        form.addRow(self.tr("JSON sc&hema:"), self.json_schema)
        form.addRow("", self.schema_status)
        form.addRow(self.tr("Reasoning &effort:"), self.reasoning_effort)
        form.addRow("", self.reasoning_summary)
        form.addRow(self.tr("Top &logprobs:"), self.top_logprobs)
        form.addRow(self.tr("&Compact past:"), self.compact_threshold)
        form.addRow("", self.truncation_auto)
        form.addRow("", self.background)
        form.addRow("", self.background_note)
        self._check_schema()

    @staticmethod
    def _check(name: str, text: str, on: bool) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setChecked(on)
        return box

    def _check_schema(self) -> None:
        schema, problem = parse_schema(self.json_schema.toPlainText())
        needed = self.text_format.currentText() == "json_schema"
        self.json_schema.setEnabled(needed)
        if problem:
            self.schema_status.setText(f"⚠ {problem}")
            theme.set_tone(self.schema_status, "error")
        elif schema is not None:
            self.schema_status.setText(self.tr("✓ Valid schema"))
            theme.set_tone(self.schema_status, "success")
        else:
            self.schema_status.setText(self.tr("Enter a schema to use json_schema output.") if needed else "")
            theme.set_tone(self.schema_status, "")

    def parse(self) -> tuple[dict[str, Any], list[tuple[QWidget, str]]]:
        problems: list[tuple[QWidget, str]] = []
        ids = [part for part in self.vector_store_ids.text().replace(",", " ").split() if part]
        values: dict[str, Any] = {
            "web_search": self.web_search.isChecked(),
            "code_interpreter": self.code_interpreter.isChecked(),
            "file_search_vector_store_ids": ids,
            "text_format": self.text_format.currentText(),
            "reasoning_effort": self.reasoning_effort.currentData() or None,
            "reasoning_summary": self.reasoning_summary.isChecked(),
            "truncation_auto": self.truncation_auto.isChecked(),
            "background": self.background.isChecked(),
            "json_schema": None,
            "top_logprobs": None,
            "compact_threshold": None,
        }
        schema, problem = parse_schema(self.json_schema.toPlainText())
        if problem:
            problems.append((self.json_schema, problem))
        values["json_schema"] = schema
        if values["text_format"] == "json_schema" and schema is None and not problem:
            problems.append((self.json_schema, self.tr("JSON schema output needs a schema.")))
        try:
            values["top_logprobs"] = parse_int(self.top_logprobs.text(), self.tr("Top logprobs"))
        except ValueError as exc:
            problems.append((self.top_logprobs, str(exc)))
        else:
            check = dataclasses.replace(ChatParams(), top_logprobs=values["top_logprobs"])
            problems += [(self.top_logprobs, i18n.core_text(m)) for m in check.validate()]
        try:
            values["compact_threshold"] = parse_int(self.compact_threshold.text(), self.tr("Compact past"))
        except ValueError as exc:
            problems.append((self.compact_threshold, str(exc)))
        else:
            check = dataclasses.replace(ChatParams(), compact_threshold=values["compact_threshold"])
            problems += [(self.compact_threshold, i18n.core_text(m)) for m in check.validate()]
        return values, problems


PRICE_COLUMNS = ("Model (prefix)", "Input $/1M", "Cached input $/1M", "Output $/1M")


class PricesForm(QWidget):
    def __init__(self, prices: dict[str, Price]) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(PRICE_COLUMNS))
        self.table.setObjectName("settings_prices")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Model (prefix)"),
                self.tr("Input $/1M"),
                self.tr("Cached input $/1M"),
                self.tr("Output $/1M"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        for model, price in sorted(prices.items()):
            self.add_row(model, price)
        add = QPushButton(self.tr("&Add"))
        add.setObjectName("settings_prices_add")
        add.clicked.connect(lambda: self.add_row("", None))
        remove = QPushButton(self.tr("&Remove"))
        remove.setObjectName("settings_prices_remove")
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        note = QLabel(self.tr("USD per million tokens. A model uses the longest prefix that matches its id."))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, model: str, price: Price | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = [model] + (
            [f"{v:g}" for v in (price.input, price.cached_input, price.output)] if price else ["", "", ""]
        )
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def parse(self) -> tuple[dict[str, Price], list[tuple[QWidget, str]]]:
        table: dict[str, Price] = {}
        problems: list[tuple[QWidget, str]] = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(4)]
            texts = [cell.text() if cell is not None else "" for cell in cells]
            model = texts[0].strip()
            if not model and not any(t.strip() for t in texts[1:]):
                continue
            try:
                which = model or self.tr("row %1").replace("%1", str(row + 1))
                label = self.tr("Price of %1").replace("%1", which)
                numbers = [parse_float(t, label) for t in texts[1:]]
            except ValueError as exc:
                problems.append((self.table, str(exc)))
                continue
            if (
                not model
                or numbers[0] is None
                or numbers[2] is None
                or any(n is not None and n < 0 for n in numbers)
            ):
                message = self.tr("Prices row %1: a model and input/output prices ≥ 0 are needed.")
                problems.append((self.table, message.replace("%1", str(row + 1))))
                continue
            cached = numbers[1] if numbers[1] is not None else numbers[0]
            table[model] = Price(numbers[0], cached, numbers[2])
        return table, problems
