"""The Connector gives the window's session its back end: it connects anew when the settings change (and
closes the old connection), and a key typed while there is no keyring is used for the rest of the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_chat.app import create_window, parse_args
from tests.conftest import wait_until


@pytest.fixture
def app(
    tmp_path: Path,
    qtbot: Any,
    aloop: Any,
    emulator: Any,
    memory_keyring: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Any, Any]]:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-the-environment-0123")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    window, connector = create_window(
        parse_args(["--data-dir", str(tmp_path), "--base-url", emulator.base_url])
    )
    qtbot.addWidget(window)
    window.show()
    yield window, connector
    window.close()
    window.store.close()


def sent_with(emulator: Any) -> list[str]:
    """The key of each prompt the server received."""
    return [
        r.headers.get("authorization", "")
        for r in emulator.requests
        if r.method == "POST" and r.path.endswith("/responses")
    ]


async def send(window: Any, text: str) -> None:
    QTest.keyClicks(window.composer, text)
    QTest.keyClick(window.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    await wait_until(lambda: window.tree is not None and not window.session.busy, what="the answer")


def test_changed_settings_connect_anew_with_the_key_typed_for_this_session(
    app: tuple[Any, Any], emulator: Any, arun: Any
) -> None:
    window, connector = app

    async def scenario() -> None:
        await connector.connect()
        first = window.session.backend
        assert first is not None and "key from the environment" in window.status.backend_label.text()
        assert not window.status.provider_picker.isEnabled()  # --base-url decides the server
        await send(window, "one")
        # the settings dialog took a key the keyring could not keep, and the settings changed
        window.dialogs.session_key.emit("sk-typed-for-this-session-42")
        window.dialogs.settings_changed.emit()
        await wait_until(lambda: window.session.backend not in (None, first), what="the new back end")
        await wait_until(first.client.is_closed, what="the old connection closed")  # no pool left open
        assert "key from this session" in window.status.backend_label.text()
        await send(window, "two")
        assert sent_with(emulator) == [
            "Bearer sk-from-the-environment-0123",
            "Bearer sk-typed-for-this-session-42",
        ]
        await connector.aclose()

    arun(scenario(), timeout=60)
