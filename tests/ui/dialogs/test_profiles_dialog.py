"""The providers dialog: add, edit, delete, pick and test profiles; keys only in the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QPushButton

from desktop_chat.core.api import capabilities
from desktop_chat.core.config import profiles
from desktop_chat.core.config.profiles import ProviderKind
from desktop_chat.core.conversation.store import Store, open_store
from desktop_chat.emulator import Emulator
from desktop_chat.ui.dialogs.profiles_dialog import ProfileEditor, ProfilesDialog
from tests.conftest import wait_until


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened, _ = open_store(tmp_path / "chat.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def dialog(store: Store, qtbot: Any, memory_keyring: Any) -> ProfilesDialog:
    d = ProfilesDialog(store)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def child(parent: Any, kind: type, name: str) -> Any:
    found = parent.findChild(kind, name)
    assert found is not None, name
    return found


def click(parent: Any, name: str, qtbot: Any) -> None:
    qtbot.mouseClick(child(parent, QPushButton, name), Qt.MouseButton.LeftButton)


def rows(d: ProfilesDialog) -> list[str]:
    lst = child(d, QListWidget, "profiles_list")
    return [lst.item(i).text() for i in range(lst.count())]


def select(d: ProfilesDialog, name: str) -> None:
    lst = child(d, QListWidget, "profiles_list")
    (row,) = [i for i, text in enumerate(rows(d)) if f" {name} ·" in f" {text}"]
    lst.setCurrentRow(row)


def fill_editor(editor: ProfileEditor, qtbot: Any, *, name: str, kind: str, url: str, key: str = "") -> None:
    combo = child(editor, QComboBox, "profile_kind")
    combo.setCurrentIndex(combo.findText(kind))
    for field, text in (("profile_name", name), ("profile_base_url", url), ("profile_key", key)):
        edit = child(editor, QLineEdit, field)
        edit.clear()
        qtbot.keyClicks(edit, text)


def test_add_a_profile_keeps_its_key_in_the_keyring_only(
    dialog: ProfilesDialog, store: Store, qtbot: Any, memory_keyring: Any
) -> None:
    assert rows(dialog) == ["★ OpenAI · OpenAI · api.openai.com"]
    assert not child(dialog, QPushButton, "profiles_delete").isEnabled()  # the default stays
    click(dialog, "profiles_add", qtbot)
    editor = dialog.editor
    assert editor is not None and editor.isVisible()
    assert child(editor, QLineEdit, "profile_key").echoMode() is QLineEdit.EchoMode.Password
    ok = child(editor, QPushButton, "profile_ok")
    assert not ok.isEnabled()  # no name, no URL yet
    fill_editor(
        editor,
        qtbot,
        name="Ollama",
        kind="OpenAI-compatible",
        url="http://localhost:11434/v1",
        key="sk-ollama-1",
    )
    child(editor, QComboBox, "profile_model").setEditText("llama3.2")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.profiles_changed):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert rows(dialog)[1] == "Ollama · OpenAI-compatible · http://localhost:11434/v1"
    (saved,) = [p for p in profiles.list_profiles(store) if p.name == "Ollama"]
    assert saved.default_model == "llama3.2" and saved.kind is ProviderKind.COMPATIBLE
    assert memory_keyring.passwords == {("desktop-chat", saved.id): "sk-ollama-1"}
    settings_text = str(store._conn.execute("SELECT value FROM settings").fetchall())
    assert "sk-ollama-1" not in settings_text


def test_azure_fields_and_validation(dialog: ProfilesDialog, qtbot: Any) -> None:
    click(dialog, "profiles_add", qtbot)
    editor = dialog.editor
    assert editor is not None
    version = child(editor, QLineEdit, "profile_api_version")
    assert not version.isVisible()
    fill_editor(editor, qtbot, name="Work", kind="Azure OpenAI", url="")
    assert version.isVisible() and not child(editor, QLineEdit, "profile_project").isVisible()
    problem = child(editor, QLabel, "profile_problem")
    assert "endpoint" in problem.text() and not child(editor, QPushButton, "profile_ok").isEnabled()
    qtbot.keyClicks(child(editor, QLineEdit, "profile_base_url"), "https://res.openai.azure.com")
    qtbot.keyClicks(version, "2025-04-01-preview")
    assert child(editor, QPushButton, "profile_ok").isEnabled()
    assert editor.result_profile().api_version == "2025-04-01-preview"
    editor.reject()


def test_edit_keeps_or_forgets_the_key_and_delete_removes_it(
    dialog: ProfilesDialog, store: Store, qtbot: Any, memory_keyring: Any
) -> None:
    profile = profiles.save_profile(store, profiles.new_profile("Local", base_url="http://localhost:8000/v1"))
    profiles.set_key(profile, "sk-local-1")
    dialog.reload()
    select(dialog, "Local")
    click(dialog, "profiles_edit", qtbot)
    editor = dialog.editor
    assert editor is not None
    key = child(editor, QLineEdit, "profile_key")
    assert key.text() == "" and "leave empty" in key.placeholderText()  # the key is never shown
    name = child(editor, QLineEdit, "profile_name")
    name.clear()
    qtbot.keyClicks(name, "Local vLLM")
    with qtbot.waitSignal(dialog.profiles_changed):
        click(editor, "profile_ok", qtbot)
    assert profiles.get_key(profile) == ("sk-local-1", "keyring")
    assert any(text.startswith("Local vLLM ·") for text in rows(dialog))

    select(dialog, "Local vLLM")
    click(dialog, "profiles_edit", qtbot)
    assert dialog.editor is not None
    child(dialog.editor, QCheckBox, "profile_forget_key").setChecked(True)
    with qtbot.waitSignal(dialog.profiles_changed):
        click(dialog.editor, "profile_ok", qtbot)
    assert profiles.get_key(profile) == (None, "none")

    profiles.set_key(profile, "sk-local-2")
    asked: list[str] = []

    def say_no(text: str) -> bool:
        asked.append(text)
        return False

    dialog.confirm = say_no
    select(dialog, "Local vLLM")
    click(dialog, "profiles_delete", qtbot)
    assert len(rows(dialog)) == 2 and "Local vLLM" in asked[0]
    dialog.confirm = lambda text: True
    with qtbot.waitSignal(dialog.profiles_changed):
        click(dialog, "profiles_delete", qtbot)
    assert len(rows(dialog)) == 1 and memory_keyring.passwords == {}


def test_use_marks_the_active_profile(dialog: ProfilesDialog, store: Store, qtbot: Any) -> None:
    profiles.save_profile(store, profiles.new_profile("Local", base_url="http://localhost:8000/v1"))
    dialog.reload()
    select(dialog, "Local")
    with qtbot.waitSignal(dialog.profiles_changed):
        click(dialog, "profiles_use", qtbot)
    assert rows(dialog)[1].startswith("★ Local") and not rows(dialog)[0].startswith("★")
    assert profiles.active_profile(store).name == "Local"


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("full", ["Responses API: yes", "Server state: yes"]),
        ("stateless", ["Responses API: yes", "Server state: no"]),
        ("chat_only", ["Responses API: no", "Chat Completions: yes"]),
    ],
)
def test_test_connection_reports_what_works(
    dialog: ProfilesDialog, store: Store, qtbot: Any, arun: Any, mode: str, expected: list[str]
) -> None:
    with Emulator(mode=mode) as emu:
        profile = profiles.save_profile(
            store, profiles.new_profile("Emu", base_url=emu.base_url, default_model="gpt-4.1-mini")
        )
        profiles.set_key(profile, "sk-emu")
        dialog.reload()
        select(dialog, "Emu")
        result = child(dialog, QLabel, "profiles_test_result")

        async def scenario() -> None:
            with qtbot.waitSignal(dialog.tested, timeout=10_000):
                click(dialog, "profiles_test", qtbot)
                await wait_until(lambda: not result.text().startswith("Testing"), what="the test to finish")

        arun(scenario())
        assert all(line in result.text() for line in expected), result.text()
        assert emu.requests[0].headers.get("authorization") == "Bearer sk-emu"
    assert "Tested with the model" in result.text()
    caps = capabilities.cached(store, profiles.server_of(profile))  # kept per server, not per profile
    assert caps is not None and caps.models
    label = "Chat Completions · local replay" if mode == "chat_only" else "Responses"
    assert label in rows(dialog)[1]
    select(dialog, "Emu")
    click(dialog, "profiles_edit", qtbot)
    assert dialog.editor is not None
    models = child(dialog.editor, QComboBox, "profile_model")
    assert [models.itemText(i) for i in range(models.count())] == caps.models
    dialog.editor.reject()


def test_test_connection_without_a_key(
    dialog: ProfilesDialog, qtbot: Any, arun: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    select(dialog, "OpenAI")
    result = child(dialog, QLabel, "profiles_test_result")

    async def scenario() -> None:
        click(dialog, "profiles_test", qtbot)
        await wait_until(lambda: "No API key" in result.text(), what="the missing-key message")

    arun(scenario())
