"""Smaller reliability points: a server echoing the key gets it to no log line; the status bar says
when a key is kept for this session only; --send continues the most recent conversation, as its help
says; a folder named like the database gets a clear message."""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store, StoreError
from desktop_chat.ui.connector import Connector
from desktop_chat.ui.dialogs.window_dialogs import WindowDialogs
from tests.e2e.test_process import AppProcess

pytestmark = pytest.mark.e2e

SECRET = "sk-proj-EchoedBackByTheServer0123456789"


class EchoingServer(BaseHTTPRequestHandler):
    """Answers every request 401 and quotes the key it was sent, as some servers do."""

    def _deny(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        sent = self.headers.get("Authorization", "")
        body = json.dumps(
            {
                "error": {
                    "message": f"Incorrect API key provided: {sent[7:]} ({sent})",
                    "code": "invalid_api_key",
                }
            }
        ).encode()
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _deny

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def echoing_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), EchoingServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_a_server_echoing_the_key_gets_it_into_no_log_line(echoing_url: str, tmp_path: Path) -> None:
    app = AppProcess(
        "--data-dir",
        str(tmp_path),
        "--base-url",
        echoing_url,
        "--send",
        "Hello",
        env={"OPENAI_API_KEY": SECRET},
    )
    try:
        app.wait_line(r"turn_finished node=\w+ status=failed")
        app.proc.send_signal(signal.SIGTERM)
        app.proc.wait(15)
    finally:
        app.stop()
    log = "\n".join(app.seen)
    while not app.lines.empty():
        log += "\n" + app.lines.get_nowait()
    assert "Incorrect API key" in log or "API key" in log  # the 401 was logged ...
    assert SECRET not in log and SECRET[12:] not in log  # ... without the key


def test_the_send_option_continues_the_most_recent_conversation(emulator: Any, tmp_path: Path) -> None:
    store = Store(database_path(tmp_path))
    older, newer = Conversation(title="older", updated_at=1.0), Conversation(title="newer", updated_at=2.0)
    for conversation in (older, newer):
        store.save_conversation(conversation)
        store.insert_node(
            Node(
                conversation_id=conversation.id,
                parent_id=None,
                input_items=[user_message(conversation.title)],
                status=NodeStatus.COMPLETED,
                updated_at=conversation.updated_at,
            )
        )
    store.close()
    app = AppProcess(
        "--data-dir",
        str(tmp_path),
        "--base-url",
        emulator.base_url,
        "--send",
        "Next",
        env={"OPENAI_API_KEY": "sk-x1"},
    )
    try:
        app.wait_line(r"turn_finished node=\w+ status=completed")
        app.proc.send_signal(signal.SIGTERM)
        app.proc.wait(15)
    finally:
        app.stop()
    store = Store(database_path(tmp_path))
    by_title = {c.title: [n.user_text for n in store.load_nodes(c.id)] for c in store.list_conversations()}
    store.close()
    assert by_title == {"older": ["older"], "newer": ["newer", "Next"]}


def test_the_send_help_says_what_it_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "next turn of the most recent conversation" in help_text


def test_a_folder_named_like_the_database_gets_a_clear_message(tmp_path: Path) -> None:
    database_path(tmp_path).mkdir()
    with pytest.raises(StoreError) as raised:
        Store(database_path(tmp_path))
    assert "is a folder" in raised.value.user_message and "--data-dir" in raised.value.user_message


def test_a_key_the_keyring_cannot_keep_is_shown_as_this_session_only(
    tmp_path: Path, qtbot: Any, arun: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    import keyring
    from keyring.backends import fail

    original = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    window, connector = create_window(parse_args(["--data-dir", str(tmp_path)]))
    qtbot.addWidget(window)

    def typed_key(self: Connector, base_url: str | None) -> tuple[str | None, str | None]:
        self.session_api_key = "sk-typed-into-the-dialog-123"  # what the dialog does then
        return "sk-typed-into-the-dialog-123", base_url

    monkeypatch.setattr(Connector, "_ask_for_key", typed_key)
    # no server is given: the back end would be api.openai.com, which a test must not ask for its models
    monkeypatch.setattr(WindowDialogs, "refresh_models", lambda self, dialog=None: None)
    try:
        arun(connector.connect())
        label = window.status.backend_label.text()
        assert "key from this session" in label and "keyring" not in label
    finally:
        arun(connector.aclose())
        keyring.set_keyring(original)
        window.close()
        window.store.close()
