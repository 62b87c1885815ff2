"""Each conversation keeps its own provider profile, picked in the status bar of the real window.

Two emulators play two servers: the default profile (OPENAI_BASE_URL) and a compatible one saved as a
profile with its own key in the keyring. The test switches between conversations on each, moves one
to the other server (it continues by local replay there, then chains again), streams on one while the
other is shown, and restarts the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config import profiles
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import ContextMode, NodeStatus
from desktop_chat.core.conversation.store import Store
from desktop_chat.emulator import Emulator, parse_context
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e


class ProfileApp(App):
    """The real window started without --base-url: the profiles decide the server."""

    def __init__(self, data_dir: Path, qtbot: Any) -> None:
        self.window, self.connector = create_window(parse_args(["--data-dir", str(data_dir)]))
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitExposed(self.window)

    def picker_text(self) -> str:
        return str(self.window.status.provider_picker.currentText())

    async def pick(self, name: str) -> None:
        """Choose a provider in the status bar, as a user does with the keyboard."""
        picker = self.window.status.provider_picker
        target = picker.findText(name)
        assert target >= 0, name
        picker.setFocus()
        key = Qt.Key.Key_Down if target > picker.currentIndex() else Qt.Key.Key_Up
        while picker.currentIndex() != target:
            QTest.keyClick(picker, key)
        await self.connected_to(name)

    async def connected_to(self, name: str) -> None:
        wanted = next(p.id for p in profiles.list_profiles(self.window.store) if p.name == name)

        def ready() -> bool:
            backend = self.window.backend
            return backend is not None and backend.profile_id == wanted

        await wait_until(ready, 15, f"the back end of {name}")

    def open(self, conversation_id: str) -> None:
        """Click the conversation in the list."""
        view = self.window.conversations.conversation_list
        row = self.window.conversations.conversation_model.row_of(conversation_id)
        rect = view.visualRect(self.window.conversations.conversation_model.index(row, 0))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert self.window.conversation.id == conversation_id


def responses_posts(emu: Emulator) -> list[dict[str, Any]]:
    """The turns a server received (not the capability check the app makes on a new profile)."""
    return [
        r.body
        for r in emu.requests
        if r.method == "POST" and r.path.endswith("/responses") and isinstance(r.body.get("input"), list)
    ]


@pytest.fixture
def servers(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any, tmp_path: Path) -> Any:
    with Emulator() as first, Emulator() as second:
        monkeypatch.setenv("OPENAI_API_KEY", "sk-default-key")
        monkeypatch.setenv("OPENAI_BASE_URL", first.base_url)
        store = Store(database_path(tmp_path))
        other = profiles.save_profile(
            store,
            profiles.new_profile("Server B", profiles.ProviderKind.COMPATIBLE, base_url=second.base_url),
        )
        profiles.set_key(other, "sk-server-b-key")
        store.close()
        yield first, second


def test_each_conversation_keeps_its_provider_and_moves_by_replay(
    servers: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    first_server, second_server = servers

    async def scenario() -> None:
        app = ProfileApp(tmp_path, qtbot)
        await app.connect()
        default_name = app.picker_text()
        assert app.window.status.provider_picker.isEnabled()
        hello_a = await app.send("Hello A")
        assert hello_a.status is NodeStatus.COMPLETED, hello_a.error
        on_a = app.window.conversation.id
        assert [b["input"][-1]["content"][0]["text"] for b in responses_posts(first_server)] == ["Hello A"]

        # a new conversation on the other server, picked before its first prompt
        app.window.new_conversation()
        await app.pick("Server B")
        hello_b = await app.send("Hello B")
        assert hello_b.status is NodeStatus.COMPLETED, hello_b.error
        on_b = app.window.conversation.id
        assert len(responses_posts(second_server)) == 1
        assert parse_context(hello_b.output_text) == ["Hello B"]
        headers = [r.headers for r in second_server.requests if r.path.endswith("/responses")]
        assert headers[-1].get("authorization") == "Bearer sk-server-b-key"

        # back to the first conversation: its own server again, chaining from its answer
        app.open(on_a)
        assert app.picker_text() == default_name
        await app.connected_to(default_name)
        more_a = await app.send("More A")
        assert responses_posts(first_server)[-1]["previous_response_id"] == hello_a.response_id
        assert more_a.context_mode is ContextMode.CHAIN

        # move it to server B: the response ids of A mean nothing there, so the path is replayed
        await app.pick("Server B")
        assert app.window.status.context_indicator.text() == "History sent in full"
        moved = await app.send("Now on B")
        assert moved.status is NodeStatus.COMPLETED and moved.context_mode is ContextMode.REPLAY
        assert moved.notice is None  # replayed at once, not after a failed chain
        body = responses_posts(second_server)[-1]
        assert "previous_response_id" not in body
        assert parse_context(moved.output_text) == ["Hello A", "More A", "Now on B"]
        assert app.window.status.context_indicator.text() == "History on server"
        again = await app.send("Still on B")
        assert responses_posts(second_server)[-1]["previous_response_id"] == moved.response_id
        assert parse_context(again.output_text) == ["Hello A", "More A", "Now on B", "Still on B"]
        assert len(responses_posts(first_server)) == 2  # nothing more went to A

        # an answer streaming on B goes on while a conversation on A is shown
        app.window.new_conversation()
        await app.pick(default_name)
        app.open(on_b)
        await app.connected_to("Server B")
        app.type_and_send("Long one [[words:300]] [[delay:5]]")
        await wait_until(lambda: app.window.active is not None, what="the stream to start")
        app.window.new_conversation()
        await app.connected_to(default_name)
        await wait_until(lambda: app.window.active is None, 20, "the answer on B to finish")
        long_one = max(app.window.store.load_nodes(on_b), key=lambda n: n.created_at)
        assert long_one.status is NodeStatus.COMPLETED, long_one.error
        await app.close()

        # after a restart each conversation is still on its own provider
        restarted = ProfileApp(tmp_path, qtbot)
        await restarted.connect()
        restarted.open(on_a)
        assert restarted.picker_text() == "Server B"
        await restarted.connected_to("Server B")
        restarted.open(on_b)
        assert restarted.picker_text() == "Server B"
        await restarted.close()

    arun(scenario(), timeout=90)
