"""The real window through the real LiteLLM proxy (1.106.12) on loopback, in front of the emulator.

What LiteLLM 1.106.12 does here (measured against the emulator; see docs/INTEROP.md):

Pass-through (`openai/<model>` with the emulator as `api_base`):
- `POST /v1/responses` (streamed or not) is forwarded as it came, with the gateway's own upstream key;
  the client's master key never reaches the upstream.
- Response ids are LiteLLM's own (~470 characters, `resp_…`, encoding the upstream id and the
  deployment); a `previous_response_id` from the client is decoded back to the upstream's id, so the
  upstream sees the chain and the model sees the history. The answer's `previous_response_id` field
  holds the upstream's id, not the one the client sent.
- Streams keep the upstream's events (with `sequence_number`); usage is the upstream's (a chained turn
  is billed for the history), plus a `cost` field. An unknown previous id comes back as the upstream's
  400 `previous_response_not_found`, wrapped in LiteLLM's message.
- `GET /v1/responses/{id}` and `POST /v1/responses/input_tokens` are forwarded too.

Bridged (`lm_studio/<model>`: LiteLLM converts the Responses API to Chat Completions upstream):
- Each request becomes `POST /v1/chat/completions` with `stream_options.include_usage`;
  `instructions` becomes a leading `system` message, `input_image` an `image_url` part (detail kept),
  `text.format` becomes `response_format` (`json_object`, or `json_schema` with name/schema/strict),
  `max_output_tokens` becomes `max_tokens`; `top_logprobs` is sent without `logprobs: true`.
- `previous_response_id` (even an unknown one) is accepted with HTTP 200 and dropped: the upstream
  gets only the new input, and the model sees only the last prompt. The answer still names a
  `previous_response_id` (the upstream's `chatcmpl-…` id). Usage shows it: a chained turn is billed
  for the new input only.
- The converted stream has no `event:` lines and no `sequence_number`; the SDK's stream helper
  accepts it. `GET /v1/responses/{id}` answers 500 ("GET responses is not supported for lm_studio");
  `input_tokens` is LiteLLM's local estimate.
- `reasoning.effort` on a model not marked as reasoning is refused with a 400 (UnsupportedParamsError)
  in both modes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from desktop_chat.core.conversation.model import ContextMode, Node, NodeStatus
from desktop_chat.emulator import RecordedRequest, parse_context
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App
from tests.e2e.test_attachments_e2e import bar_of, write
from tests.e2e.test_rich_e2e import SCHEMA, open_settings
from tests.interop.gateway import BRIDGED_MODELS, Gateway
from tests.ui.sample_images import encoded, make_image

pytestmark = [pytest.mark.interop, pytest.mark.e2e]

BRIDGED = BRIDGED_MODELS[0]
UPSTREAM_KEY = "Bearer sk-upstream-interop"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any, gateway: Gateway) -> None:
    """The gateway's master key, as a user would export it."""
    monkeypatch.setenv("OPENAI_API_KEY", gateway.master_key)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


class Upstream:
    """What the emulator behind the gateway received from this point on."""

    def __init__(self, emulator: Any) -> None:
        self.emulator = emulator
        self.mark = len(emulator.requests)

    def creates(self) -> list[RecordedRequest]:
        return [
            r
            for r in self.emulator.requests[self.mark :]
            if r.method == "POST" and r.path in ("/v1/responses", "/v1/chat/completions") and r.body
        ]

    def sent(self, prompt: str) -> list[RecordedRequest]:
        """The answer requests whose last user message is `prompt` (probes and other turns left out)."""
        return [r for r in self.creates() if (user_texts(r) or [""])[-1] == prompt]

    def chained_from(self, prompt: str) -> list[str | None]:
        """The previous_response_id of each request that sent `prompt`."""
        return [(r.body or {}).get("previous_response_id") for r in self.sent(prompt)]


def _texts(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "".join(p.get("text", "") for p in content or [] if p.get("type") in ("input_text", "text"))


def user_texts(request: RecordedRequest) -> list[str]:
    """The user messages a Responses or Chat Completions request carried, oldest first."""
    body = request.body or {}
    if request.path.endswith("/chat/completions"):
        items = body.get("messages") or []
    else:
        raw = body.get("input")
        items = [{"role": "user", "content": raw}] if isinstance(raw, str) else raw or []
    return [_texts(i.get("content")) for i in items if i.get("role") == "user"]


def images(request: RecordedRequest) -> list[dict[str, Any]]:
    """The image parts of a request, whichever API it used."""
    body = request.body or {}
    items = body.get("messages") or body.get("input") or []
    return [
        p
        for i in items
        if isinstance(i, dict) and isinstance(i.get("content"), list)
        for p in i["content"]
        if p.get("type") in ("input_image", "image_url")
    ]


def label(app: App, name: str) -> str:
    """The text of the window's label `name` (status bar: usage and how the answer was sent; composer:
    what the next prompt replies to and how it will be sent)."""
    widget = app.window.findChild(QLabel, name)
    assert widget is not None, name
    return str(widget.text())


def trigger(app: App, name: str) -> None:
    action = app.window.findChild(QAction, name)
    assert action is not None, name
    action.trigger()


async def regenerate(app: App, node: Node) -> Node:
    """Select `node` and press Regenerate: the new sibling, once answered."""
    app.window.select_node(node.id)
    before = app.node_count()
    trigger(app, "action_regenerate")
    await wait_until(lambda: app.node_count() == before + 1, 15, "the regenerated node")
    await wait_until(lambda: app.window.active is None, 15, "the regenerated answer")
    regenerated = app.window.selected_node()
    assert regenerated is not None and regenerated.id != node.id
    assert regenerated.parent_id == node.parent_id and regenerated.user_text == node.user_text
    return regenerated


async def choose_model(app: App, model: str, more: dict[str, Any] | None = None) -> None:
    """Connect, wait for the gateway's model list to reach the window, and pick `model` in the settings."""
    await app.connect()
    await wait_until(lambda: model in app.window.dialogs.models, 15, "the gateway's model list")
    await open_settings(app, {"settings_model": model, **(more or {})})


async def send_with_image(app: App, folder: Path, prompt: str) -> Node:
    """Attach a picture with the Attach… button (its file picker answered here) and send."""
    bar = bar_of(app)
    picture = write(folder, "leaf.png", encoded(make_image(320, 200), "PNG"))
    bar.file_picker = lambda: [str(picture)]
    QTest.mouseClick(bar.attach_button, Qt.MouseButton.LeftButton)
    assert [a.filename for a in bar.attachments()] == ["leaf.png"]
    app.window.composer.setFocus()
    return await app.send(prompt)


async def json_answer(app: App, prompt: str) -> Node:
    """Turn on JSON-schema output in the settings and send."""
    await open_settings(
        app, {"settings_text_format": "json_schema", "settings_json_schema": json.dumps(SCHEMA)}
    )
    node = await app.send(prompt)
    assert node.status is NodeStatus.COMPLETED, node.error
    text = app.transcript()
    assert f'"you_said": "{prompt}"' in text and "✓ Valid JSON, matches the schema" in text
    return node


def test_pass_through_chat_chain_branch_regenerate_image_and_json(
    env: None, gateway: Gateway, upstream: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        seen = Upstream(upstream)
        app = App(tmp_path / "data", gateway.base_url, qtbot)
        await app.connect()

        # chat: forwarded to the upstream's Responses API with the gateway's key, not the user's
        first = await app.send("What is a tree?")
        assert first.status is NodeStatus.COMPLETED, first.error
        assert "You said: What is a tree?" in app.transcript()
        [request] = seen.sent("What is a tree?")
        assert request.path == "/v1/responses" and "previous_response_id" not in request.body
        assert request.headers["Authorization"] == UPSTREAM_KEY

        # chain: the gateway's id goes back to the upstream as the upstream's own id
        second = await app.send("And a branch?")
        assert second.status is NodeStatus.COMPLETED, second.error
        [request] = seen.sent("And a branch?")
        upstream_first = request.body["previous_response_id"]
        assert upstream_first != first.response_id  # LiteLLM's ids wrap the upstream's
        assert [m["content"][0]["text"] for m in upstream.context_of(upstream_first)] == ["What is a tree?"]
        assert parse_context(second.output_text) == ["What is a tree?", "And a branch?"]
        assert second.context_mode is ContextMode.CHAIN and not second.notice
        assert label(app, "status_context") == "History on server"

        # branch from the first answer (Alt+Up in the outline), then regenerate the new branch
        outline = app.window.findChild(QWidget, "conversation_tree")
        assert outline is not None
        outline.setFocus()
        app.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        assert app.window.selected_node_id() == first.id
        app.window.composer.setFocus()
        third = await app.send("A different follow-up")
        assert seen.chained_from("A different follow-up") == [upstream_first]
        assert parse_context(third.output_text) == ["What is a tree?", "A different follow-up"]
        again = await regenerate(app, third)
        assert seen.chained_from("A different follow-up") == [upstream_first, upstream_first]
        assert parse_context(again.output_text) == ["What is a tree?", "A different follow-up"]
        assert [n.id for n in app.window.tree.children(first.id)] == [second.id, third.id, again.id]

        # an image, on top of the history
        pictured = await send_with_image(app, tmp_path, "What is in this picture?")
        [request] = seen.sent("What is in this picture?")
        [part] = images(request)
        assert part["type"] == "input_image" and part["image_url"].startswith("data:image/png;base64,")
        assert "Attachments: 1 image(s)" in pictured.output_text
        assert parse_context(pictured.output_text) == [
            "What is a tree?",
            "A different follow-up",
            "What is in this picture?",
        ]

        # JSON output: the Responses API's text.format reaches the upstream as the app sent it
        await json_answer(app, "give me json")
        [request] = seen.sent("give me json")
        assert request.body["text"]["format"]["type"] == "json_schema"
        assert request.body["text"]["format"]["name"] == "echo"
        assert not any(n.notice for n in app.window.tree.nodes())  # nothing to tell: the chain held
        await app.close()

    arun(scenario(), timeout=120)


def test_bridged_chat_regenerate_image_and_json_reach_chat_completions(
    env: None, gateway: Gateway, upstream: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    """What needs no history, through the Responses → Chat Completions bridge."""

    async def scenario() -> None:
        seen = Upstream(upstream)
        app = App(tmp_path / "data", gateway.base_url, qtbot)
        await choose_model(app, BRIDGED, {"settings_instructions": "Answer briefly."})

        first = await app.send("What is a tree?")
        assert first.status is NodeStatus.COMPLETED, first.error
        assert "You said: What is a tree?" in app.transcript()
        assert "Instructions: Answer briefly." in app.transcript()
        [request] = seen.sent("What is a tree?")
        assert request.path == "/v1/chat/completions" and request.body["model"] == "gpt-4.1-mini"
        assert request.body["messages"][0] == {"role": "system", "content": "Answer briefly."}
        assert request.headers["Authorization"] == UPSTREAM_KEY

        again = await regenerate(app, first)
        assert again.status is NodeStatus.COMPLETED, again.error
        assert parse_context(again.output_text) == ["What is a tree?"]
        assert len(seen.sent("What is a tree?")) == 2

        app.window.new_conversation()
        pictured = await send_with_image(app, tmp_path, "What is in this picture?")
        [request] = seen.sent("What is in this picture?")
        [part] = images(request)
        assert part["type"] == "image_url" and part["image_url"]["url"].startswith("data:image/png;base64,")
        assert "Attachments: 1 image(s)" in pictured.output_text

        app.window.new_conversation()
        await json_answer(app, "give me json")
        [request] = seen.sent("give me json")
        assert request.path == "/v1/chat/completions"
        assert request.body["response_format"]["type"] == "json_schema"
        assert request.body["response_format"]["json_schema"]["name"] == "echo"
        await app.close()

    arun(scenario(), timeout=120)


def test_bridged_conversation_keeps_its_history_and_says_once_how_it_is_sent(
    env: None, gateway: Gateway, upstream: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    """Issue 14's "Done means": the bridge drops previous_response_id with HTTP 200; the app notices,
    sends the turn again with the history, tells the user once, and replays from then on."""

    async def scenario() -> None:
        seen = Upstream(upstream)
        app = App(tmp_path / "data", gateway.base_url, qtbot)
        await choose_model(app, BRIDGED)
        first = await app.send("Remember the number 7")
        assert first.status is NodeStatus.COMPLETED, first.error

        second = await app.send("Which number?")
        assert second.status is NodeStatus.COMPLETED, second.error
        assert parse_context(second.output_text) == ["Remember the number 7", "Which number?"]
        assert user_texts(seen.sent("Which number?")[-1]) == ["Remember the number 7", "Which number?"]
        assert second.notice, "the user is told how the conversation is now sent"
        assert app.transcript().count(second.notice) == 1
        assert label(app, "status_context") == "History sent in full"  # what the next prompt will do

        # from now on: replayed at once (no chained try first), and no second notice
        third = await app.send("And doubled?")
        assert parse_context(third.output_text) == ["Remember the number 7", "Which number?", "And doubled?"]
        assert [user_texts(r) for r in seen.sent("And doubled?")] == [
            ["Remember the number 7", "Which number?", "And doubled?"]
        ]
        assert all("previous_response_id" not in r.body for r in seen.sent("And doubled?"))
        assert not third.notice

        # a branch from the first answer, and a regenerate of it, see their own path
        app.window.select_node(first.id)
        app.window.composer.setFocus()
        branch = await app.send("A different follow-up")
        assert parse_context(branch.output_text) == ["Remember the number 7", "A different follow-up"]
        again = await regenerate(app, branch)
        assert parse_context(again.output_text) == ["Remember the number 7", "A different follow-up"]
        assert [n.id for n in app.window.tree.nodes() if n.notice] == [second.id]  # told once
        assert app.transcript().count(second.notice) == 0  # this path never needed telling
        await app.close()

    arun(scenario(), timeout=120)


@pytest.mark.parametrize("model", ["pass-through", "bridged"])
def test_a_local_mcp_tool_call_goes_through_the_gateway_and_stays_one_turn(
    env: None, gateway: Gateway, upstream: Any, tmp_path: Path, qtbot: Any, arun: Any, model: str
) -> None:
    """Issue 18: a function call and its output through the real gateway, chained (pass-through) and
    through the Chat Completions bridge; the turn is one node and the answer holds the tool's output."""
    from tests.e2e.test_mcp_e2e import TIME, add_clock_server, click, hrefs

    async def scenario() -> None:
        before = len(upstream.requests)  # the upstream serves every test of the module
        app = App(tmp_path / "data", gateway.base_url, qtbot)
        if model == "bridged":
            await choose_model(app, BRIDGED)
        else:
            await app.connect()
        add_clock_server(app)
        app.type_and_send('What time is it in Paris? current_time {"city": "Paris"}')
        await wait_until(lambda: hrefs(app, "tool-call:once/"), 60, "the question to allow the call")
        (allow,) = hrefs(app, "tool-call:once/")
        click(app, allow)
        await wait_until(lambda: app.window.active is None, 60, "the answer")
        assert app.node_count() == 1
        node = app.window.tree.get(app.window.selected_node_id())
        assert node.status is NodeStatus.COMPLETED, node.error
        assert f"Tool current_time said: {TIME}" in node.output_text
        outputs = [
            item
            for request in upstream.requests[before:]
            if request.method == "POST" and request.body
            for item in (request.body.get("input") or request.body.get("messages") or [])
            if isinstance(item, dict)
            and (item.get("type") == "function_call_output" or item.get("role") == "tool")
        ]
        assert outputs, "the tool's output reached the upstream"
        paths = {request.path for request in upstream.requests[before:] if request.method == "POST"}
        assert paths == ({"/v1/chat/completions"} if model == "bridged" else {"/v1/responses"})
        await app.close()

    arun(scenario(), timeout=180)
