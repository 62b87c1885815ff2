"""The real window, store and SDK against the local emulator, driven through keyboard and widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.emulator import parse_context
from tests.conftest import wait_until
from tests.dialogs import fill_modal

pytestmark = pytest.mark.e2e


class App:
    """The app as a user sees it, with helpers that act through the widgets."""

    def __init__(self, data_dir: Path, base_url: str, qtbot: Any) -> None:
        self.window, self.connector = create_window(
            parse_args(["--data-dir", str(data_dir), "--base-url", base_url])
        )
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitExposed(self.window)

    async def connect(self) -> None:
        await self.connector.connect()
        assert self.window.backend is not None, self.window.banner.text()

    def node_count(self) -> int:
        return len(self.window.tree) if self.window.tree is not None else 0

    def type_and_send(self, text: str) -> None:
        if text.isascii():
            QTest.keyClicks(self.window.composer, text)
        else:  # QTest types ASCII only; an input method commits CJK/Cyrillic text like this
            self.window.composer.insertPlainText(text)
        QTest.keyClick(self.window.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    async def send(self, text: str, timeout: float = 15) -> Any:
        before = self.node_count()
        self.type_and_send(text)
        await wait_until(lambda: self.node_count() == before + 1, timeout, "a new node")
        await wait_until(lambda: self.window.active is None, timeout, "the answer to finish")
        return self.window.tree.get(self.window.selected_node_id())

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.window.focusWidget() or self.window, key, modifier)

    def transcript(self) -> str:
        return str(self.window.transcript_pane.view.rendered_text())

    async def close(self) -> None:
        await self.connector.aclose()
        self.window.close()
        self.window.store.close()


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key-0123456789")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def bodies(emulator: Any) -> list[dict[str, Any]]:
    """The Responses requests the user's turns sent. The app's turns send `input` as a list of items;
    its server checks (does the server keep state?) send a plain string, and are left out."""
    return [
        r.body
        for r in emulator.requests
        if r.method == "POST"
        and r.path.endswith("/responses")
        and not isinstance((r.body or {}).get("input"), str)
    ]


def test_send_chain_branch_stop_and_restart(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        assert app.window.composer.hasFocus()

        first = await app.send("What is a tree?")
        assert first.status is NodeStatus.COMPLETED and first.response_id
        assert "You said: What is a tree?" in app.transcript()
        assert "previous_response_id" not in bodies(emulator)[0]
        assert app.window.conversation.title == "What is a tree?"

        second = await app.send("And a branch?")
        assert bodies(emulator)[-1]["previous_response_id"] == first.response_id
        assert bodies(emulator)[-1]["input"][-1]["content"][0]["text"] == "And a branch?"
        assert parse_context(second.output_text) == ["What is a tree?", "And a branch?"]

        # go back to the first answer with the keyboard and branch from it
        app.window.tree_pane.tree_view.setFocus()
        app.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        assert app.window.selected_node_id() == first.id
        assert "And a branch?" not in app.transcript()
        app.window.composer.setFocus()
        third = await app.send("A different follow-up")
        assert bodies(emulator)[-1]["previous_response_id"] == first.response_id
        assert parse_context(third.output_text) == ["What is a tree?", "A different follow-up"]
        assert [n.id for n in app.window.tree.children(first.id)] == [second.id, third.id]
        assert (
            app.window.tree_pane.tree_model.rowCount(app.window.tree_pane.tree_model.index_for(first.id)) == 2
        )

        # Alt+Left goes to the previous sibling: the other branch is shown
        app.window.tree_pane.tree_view.setFocus()
        app.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        assert app.window.selected_node_id() == second.id
        assert "And a branch?" in app.transcript()

        # a stream held open after its first delta is stopped with Esc; what arrived is kept
        emulator.hold_streams()
        app.window.composer.setFocus()
        before = app.node_count()
        app.type_and_send("Tell me a long story [[words:400]]")
        await wait_until(lambda: app.node_count() == before + 1, 10)
        streaming = app.window.tree.get(app.window.selected_node_id())
        await wait_until(lambda: streaming.output_text != "", 10, "the first delta")
        assert (
            app.window.composer_pane.stop_button.isEnabled()
            and not app.window.composer_pane.send_button.isEnabled()
        )
        app.key(Qt.Key.Key_Escape)
        await wait_until(lambda: app.window.active is None, 10, "the stream to stop")
        emulator.release_streams()
        assert streaming.status is NodeStatus.STOPPED and streaming.output_text
        assert "Stopped" in app.transcript()
        assert (
            app.window.composer_pane.send_button.isEnabled()
            and not app.window.composer_pane.stop_button.isEnabled()
        )

        selected = app.window.selected_node_id()
        partial = streaming.output_text
        await app.close()

        # reopen: every conversation, node and the selected node are as they were
        again = App(tmp_path, emulator.base_url, qtbot)
        assert again.window.conversations.conversation_model.rowCount() == 1
        assert again.node_count() == 4
        assert again.window.selected_node_id() == selected
        reopened = again.window.tree.get(selected)
        assert reopened.status is NodeStatus.STOPPED and reopened.output_text == partial
        assert "Tell me a long story" in again.transcript()
        assert again.window.tree.get(second.id).response_id == second.response_id
        await again.close()

    arun(scenario(), timeout=120)


def test_server_lost_branch_is_replayed_with_a_notice(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        first = await app.send("Remember the number 7")
        emulator.forget(first.response_id)
        second = await app.send("Which number?")
        assert second.status is NodeStatus.COMPLETED
        assert parse_context(second.output_text) == ["Remember the number 7", "Which number?"]
        last = bodies(emulator)[-1]
        assert "previous_response_id" not in last
        assert "no longer had the earlier answer" in app.transcript()
        await app.close()

    arun(scenario(), timeout=120)


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        ("http_401", "rejected the API key"),
        ("http_404_model", "model was not found"),
        ("context_length", "too long for this model"),
        ("error_nested", "server"),
        ("error_flat", "server"),
        ("failed", "server had an error"),
        ("drop", "connection"),
        ("incomplete", "max output tokens"),
    ],
)
def test_each_failure_ends_in_a_specific_message_and_keeps_text(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, fault: str, expected: str
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        node = await app.send(f"Please answer [[fault:{fault}]]")
        assert node.status in (NodeStatus.FAILED, NodeStatus.INCOMPLETE)
        assert node.error and expected.lower() in node.error.lower()
        assert expected.lower() in app.transcript().lower()
        assert node.user_text.startswith("Please answer")
        # the user's prompt and any partial answer survive a restart
        await app.close()
        again = App(tmp_path, emulator.base_url, qtbot)
        kept = again.window.tree.get(node.id)
        assert kept.status == node.status and kept.output_text == node.output_text
        await again.close()

    arun(scenario(), timeout=120)


def test_invalid_settings_are_refused_and_nothing_is_sent(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario() -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop_chat.core.conversation.model import ChatParams

        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        app.window.store.set_setting("default_params", ChatParams(temperature=3.5).to_json())
        warnings: list[str] = []
        monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
        app.type_and_send("hello")
        assert warnings and "Temperature" in warnings[0]
        assert bodies(emulator) == []
        assert app.window.composer.toPlainText() == "hello"  # the draft is kept
        await app.close()

    arun(scenario(), timeout=120)


def test_api_key_is_in_no_file_the_app_writes(
    emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, memory_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario() -> None:
        from desktop_chat.core.config import keys

        secret = "sk-proj-SECRET-e2e-5b7c9d1f3a"
        monkeypatch.delenv("OPENAI_API_KEY", raising=False)
        keys.set_api_key(secret)
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("Is my key safe?")
        assert emulator.requests[-1].headers["Authorization"] == f"Bearer {secret}"
        await app.close()
        written = [p for p in tmp_path.rglob("*") if p.is_file()]
        assert written, "the app wrote its database"
        for path in written:
            assert secret.encode() not in path.read_bytes(), path

    arun(scenario(), timeout=120)


def test_settings_dialog_values_are_sent_and_kept_across_restart(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QPushButton

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "settings_dialog"

        def field(cls: type, name: str) -> Any:
            widget = dialog.findChild(cls, name)
            assert widget is not None, name
            return widget

        field(QComboBox, "settings_model").setCurrentText("gpt-4.1")
        field(QLineEdit, "settings_temperature").setText("0.3")
        field(QLineEdit, "settings_max_output_tokens").setText("500")
        field(QPlainTextEdit, "settings_instructions").setPlainText("Answer like a pirate.")
        field(QLineEdit, "settings_conversation_top_p").setText("0.5")
        field(QPushButton, "settings_ok").click()

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("First")
        filler = fill_modal("settings_dialog", lambda _dialog: fill_dialog())
        app.window.findChild(type(app.window.actions()[0]), "action_settings").trigger()
        filler.check()
        await app.send("Second")
        body = bodies(emulator)[-1]
        assert body["model"] == "gpt-4.1" and body["temperature"] == 0.3
        assert body["max_output_tokens"] == 500 and body["top_p"] == 0.5
        assert body["instructions"] == "Answer like a pirate."
        assert "Instructions: Answer like a pirate." in app.transcript()
        assert app.window.composer_pane.model_picker.combo.currentText() == "gpt-4.1"
        await app.close()

        again = App(tmp_path, emulator.base_url, qtbot)
        await again.connect()
        await again.send("Third")
        body = bodies(emulator)[-1]
        assert (body["model"], body["temperature"], body["top_p"]) == ("gpt-4.1", 0.3, 0.5)
        # a new conversation gets the defaults but not the other conversation's override
        again.window.new_conversation()
        await again.send("Fresh start")
        assert "top_p" not in bodies(emulator)[-1]
        assert bodies(emulator)[-1]["temperature"] == 0.3
        await again.close()

    arun(scenario(), timeout=120)


def test_corrupt_database_is_kept_aside_and_the_app_starts_fresh(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    from desktop_chat.core.config.paths import database_path

    database_path(tmp_path).write_bytes(b"this is not a database" * 100)

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        assert app.window.banner.isVisible()
        assert "corrupt" in app.window.banner.text().lower() or "damaged" in app.window.banner.text().lower()
        kept = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
        assert kept and kept[0].read_bytes().startswith(b"this is not a database")
        await app.connect()
        node = await app.send("Still works?")
        assert node.status is NodeStatus.COMPLETED
        await app.close()

    arun(scenario(), timeout=60)


def request_estimate(app: App) -> int:
    """The whole-request estimate the status bar shows next to the draft count."""
    text = app.window.composer_pane.draft_label.text()
    return int(text.rsplit("≈", 1)[1].strip().replace(",", "")) if "≈" in text else -1


def test_draft_token_count_updates_as_the_user_types(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        assert app.window.composer_pane.token_encoding == "o200k_base"
        QTest.keyClicks(app.window.composer, "hello world")
        await wait_until(
            lambda: app.window.composer_pane.draft_label.text().startswith("Draft: 2 tokens"),
            what="the count",
        )
        alone = request_estimate(app)
        assert alone >= 2
        app.window.composer.insertPlainText(" 안녕하세요")
        await wait_until(
            lambda: app.window.composer_pane.draft_label.text().startswith("Draft: 4 tokens"), what="CJK"
        )
        app.window.composer.clear()
        await wait_until(lambda: app.window.composer_pane.draft_label.text() == "")

        # the estimate covers the whole request: a reply under a long answer carries that answer too
        first = await app.send("Tell me a story [[words:400]]")
        assert first.status is NodeStatus.COMPLETED
        QTest.keyClicks(app.window.composer, "hello world")
        await wait_until(
            lambda: app.window.composer_pane.draft_label.text().startswith("Draft: 2 tokens"),
            what="the count",
        )
        # a chain brings back the last turn's input and output
        assert request_estimate(app) >= alone + first.usage.input_tokens + first.usage.output_tokens
        # a new conversation has no context again
        app.window.new_conversation()
        await wait_until(lambda: request_estimate(app) == alone, what="the estimate of a new conversation")
        await app.close()

    arun(scenario())


def test_the_status_bar_shows_the_conversation_cost_as_it_grows(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    from desktop_chat.core.content import pricing

    def shown_cost() -> str:
        text = app.window.status.usage_label.text()
        return text.rsplit("conversation ", 1)[1] if "conversation " in text else ""

    async def scenario() -> None:
        first = await app.send("How much does this cost?")
        prices = app.window.transcript_pane.view.prices or {}
        assert pricing.price_for(first.model, prices) is not None, "the default table prices the model"
        one = pricing.conversation_cost([first], prices).total
        assert shown_cost() == pricing.format_cost(one)
        assert app.window.status.context_indicator.text() == "History on server"  # how it is sent
        second = await app.send("And now? [[words:300]]")
        both = pricing.conversation_cost([first, second], prices).total
        assert both > one and shown_cost() == pricing.format_cost(both)
        await app.close()

    app = App(tmp_path, emulator.base_url, qtbot)
    arun(app.connect())
    arun(scenario())
