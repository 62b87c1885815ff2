"""The settings dialog, driven through its widgets as a user would."""

from __future__ import annotations

from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from desktop_chat.core.conversation.model import ChatParams
from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog
from desktop_chat.ui.dialogs.settings_forms import parse_base_url, parse_float, parse_int

W = TypeVar("W", bound=QObject)


def find(dialog: QDialog, kind: type[W], name: str) -> W:
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


@pytest.fixture
def dialog(qtbot: Any) -> SettingsDialog:
    d = SettingsDialog(
        ChatParams(model="gpt-4.1-mini", temperature=0.7, instructions="Be brief."),
        {"top_p": 0.5, "future_key": "kept"},
        None,
        conversation_title="나무 이야기",
    )
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def click_ok(qtbot: Any, dialog: SettingsDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_fields_are_named_and_show_the_current_values(dialog: SettingsDialog) -> None:
    assert dialog.objectName() == "settings_dialog"
    assert find(dialog, QComboBox, "settings_model").currentText() == "gpt-4.1-mini"
    assert find(dialog, QLineEdit, "settings_temperature").text() == "0.7"
    assert find(dialog, QLineEdit, "settings_top_p").text() == ""
    assert find(dialog, QLineEdit, "settings_max_output_tokens").text() == ""
    assert find(dialog, QPlainTextEdit, "settings_instructions").toPlainText() == "Be brief."
    assert find(dialog, QLineEdit, "settings_base_url").text() == ""
    key = find(dialog, QLineEdit, "settings_api_key")
    assert key.echoMode() is QLineEdit.EchoMode.Password and "keyring" in key.placeholderText()
    assert find(dialog, QLineEdit, "settings_conversation_top_p").text() == "0.5"
    assert find(dialog, QLineEdit, "settings_conversation_temperature").placeholderText() == "default: 0.7"
    assert not find(dialog, QLabel, "settings_errors").isVisible()


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("settings_temperature", "3", "Temperature must be between 0 and 2 (got 3.0)"),
        ("settings_top_p", "1.5", "top_p must be between 0 and 1 (got 1.5)"),
        ("settings_max_output_tokens", "abc", "Max output tokens: “abc” is not a whole number"),
        ("settings_temperature", "abc", "Temperature: “abc” is not a number"),
        ("settings_max_output_tokens", "5", "Max output tokens must be between 16"),
        ("settings_conversation_temperature", "-1", "This conversation: Temperature must be between 0 and 2"),
        ("settings_base_url", "ftp://example.com", "Base URL must be an http:// or https:// address"),
        ("settings_base_url", "localhost:8000", "Base URL must be an http:// or https:// address"),
    ],
)
def test_invalid_values_are_shown_and_not_accepted(
    dialog: SettingsDialog, qtbot: Any, name: str, text: str, message: str
) -> None:
    type_into(qtbot, find(dialog, QLineEdit, name), text)
    with qtbot.assertNotEmitted(dialog.accepted):
        click_ok(qtbot, dialog)
    errors = find(dialog, QLabel, "settings_errors")
    assert errors.isVisible() and message in errors.text()
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.result_defaults() == ChatParams(
        model="gpt-4.1-mini", temperature=0.7, instructions="Be brief."
    )
    assert dialog.result_base_url() is None and dialog.result_api_key() is None
    assert dialog.focusWidget() is find(dialog, QLineEdit, name)  # the cursor is on the first problem


def test_all_problems_are_listed_together(dialog: SettingsDialog, qtbot: Any) -> None:
    type_into(qtbot, find(dialog, QLineEdit, "settings_temperature"), "3")
    type_into(qtbot, find(dialog, QLineEdit, "settings_top_p"), "1.5")
    type_into(qtbot, find(dialog, QLineEdit, "settings_max_output_tokens"), "abc")
    find(dialog, QComboBox, "settings_model").setEditText("")
    click_ok(qtbot, dialog)
    lines = find(dialog, QLabel, "settings_errors").text().splitlines()
    assert len(lines) == 4
    assert "Choose a model." in lines[0]
    assert dialog.isVisible()


def test_valid_values_are_accepted_and_returned(dialog: SettingsDialog, qtbot: Any) -> None:
    type_into(qtbot, find(dialog, QLineEdit, "settings_temperature"), "1,2")
    type_into(qtbot, find(dialog, QLineEdit, "settings_top_p"), "0.9")
    type_into(qtbot, find(dialog, QLineEdit, "settings_max_output_tokens"), "4,096")
    find(dialog, QPlainTextEdit, "settings_instructions").setPlainText("당신은 친절한 도우미입니다.")
    type_into(qtbot, find(dialog, QLineEdit, "settings_conversation_temperature"), "0.2")
    type_into(qtbot, find(dialog, QLineEdit, "settings_conversation_top_p"), "")
    model = find(dialog, QComboBox, "settings_conversation_model")
    qtbot.keyClicks(model.lineEdit(), "gpt-5")
    type_into(qtbot, find(dialog, QLineEdit, "settings_base_url"), " http://localhost:8000/v1/ ")
    type_into(qtbot, find(dialog, QLineEdit, "settings_api_key"), "sk-new-key")
    with qtbot.waitSignal(dialog.accepted):
        click_ok(qtbot, dialog)
    assert dialog.result_defaults() == ChatParams(
        model="gpt-4.1-mini",
        temperature=1.2,
        top_p=0.9,
        max_output_tokens=4096,
        instructions="당신은 친절한 도우미입니다.",
    )
    assert dialog.result_override() == {"temperature": 0.2, "model": "gpt-5", "future_key": "kept"}
    assert dialog.result_base_url() == "http://localhost:8000/v1"
    assert dialog.result_api_key() == "sk-new-key"
    assert not find(dialog, QLabel, "settings_errors").isVisible()


def test_fixing_a_problem_then_accepting(dialog: SettingsDialog, qtbot: Any) -> None:
    temperature = find(dialog, QLineEdit, "settings_temperature")
    type_into(qtbot, temperature, "3")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    type_into(qtbot, temperature, "")
    with qtbot.waitSignal(dialog.accepted):
        click_ok(qtbot, dialog)
    assert dialog.result_defaults().temperature is None  # empty = the server's default
    assert dialog.result_api_key() is None  # empty = keep the stored key


def test_without_a_conversation_the_override_tab_is_off(qtbot: Any) -> None:
    d = SettingsDialog(ChatParams(), None, "https://example.com/v1")
    qtbot.addWidget(d)
    assert not d.tabs.isTabEnabled(d.tabs.indexOf(d.conversation_form))
    with qtbot.waitSignal(d.accepted):
        d.accept()
    assert d.result_override() == {}
    assert d.result_base_url() == "https://example.com/v1"


def test_models_list_and_refresh(dialog: SettingsDialog, qtbot: Any) -> None:
    combo = find(dialog, QComboBox, "settings_model")
    combo.setEditText("my-custom-model")
    dialog.set_models(["gpt-4.1", "gpt-4.1-mini", "o4-mini"])
    assert [combo.itemText(i) for i in range(combo.count())] == ["gpt-4.1", "gpt-4.1-mini", "o4-mini"]
    assert combo.currentText() == "my-custom-model"
    assert find(dialog, QComboBox, "settings_conversation_model").currentText() == ""
    with qtbot.waitSignal(dialog.refresh_models_requested):
        qtbot.mouseClick(find(dialog, QPushButton, "settings_refresh_models"), Qt.MouseButton.LeftButton)


def test_parsers() -> None:
    assert parse_float("", "x") is None and parse_float(" 0,5 ", "x") == 0.5
    with pytest.raises(ValueError, match="not a finite number"):
        parse_float("nan", "x")
    assert parse_int("1 000", "x") == 1000
    for bad in ("1.5", "-3", "1e3"):
        with pytest.raises(ValueError):
            parse_int(bad, "x")
    assert parse_base_url("") is None
    for bad in ("http://", "https://exa mple.com", "javascript:alert(1)", "http://host:99999"):
        with pytest.raises(ValueError):
            parse_base_url(bad)


def test_a_reasoning_model_turns_temperature_and_top_p_off_with_a_reason(
    dialog: SettingsDialog, qtbot: Any
) -> None:
    temperature = find(dialog, QLineEdit, "settings_temperature")
    top_p = find(dialog, QLineEdit, "settings_top_p")
    assert temperature.isEnabled() and top_p.isEnabled()
    model = find(dialog, QComboBox, "settings_model")
    model.setEditText("o4-mini")
    assert not temperature.isEnabled() and not top_p.isEnabled()
    assert "take no temperature or top_p" in temperature.toolTip()
    model.setEditText("gpt-4.1")
    assert temperature.isEnabled() and temperature.toolTip() == ""
    # this conversation's model is empty: the default model (gpt-4.1-mini) decides
    assert find(dialog, QLineEdit, "settings_conversation_temperature").isEnabled()


def test_effort_offers_every_level_and_compaction_is_a_threshold(dialog: SettingsDialog, qtbot: Any) -> None:
    effort = find(dialog, QComboBox, "settings_reasoning_effort")
    assert [effort.itemText(i) for i in range(effort.count())] == [
        "",
        "none",
        "minimal",
        "low",
        "medium",
        "high",
        "xhigh",
    ]
    type_into(qtbot, find(dialog, QLineEdit, "settings_compact_threshold"), "50")
    click_ok(qtbot, dialog)
    assert dialog.result() != QDialog.DialogCode.Accepted  # below 1,000 tokens: said, not accepted
    type_into(qtbot, find(dialog, QLineEdit, "settings_compact_threshold"), "150000")
    click_ok(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
