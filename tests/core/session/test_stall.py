"""A stream that goes quiet, against the emulator: "waiting for the server…" after a few seconds, a
clear failure at the limit (what arrived is kept) and Retry works; a reasoning model's thinking (its
keepalives) is given the longer limit."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from desktop_chat.core.api.client import Connection, make_client
from desktop_chat.core.api.providers.responses import stream_response
from desktop_chat.core.conversation.model import ChatParams, Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.stall import WAITING, StallPolicy
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.emulator import Emulator
from tests.core.session.test_turns import MemoryStore


class Listener:
    def __init__(self) -> None:
        self.activity: list[str] = []

    def turn_started(self, node: Node) -> None: ...
    def turn_progress(self, node: Node) -> None: ...
    def turn_finished(self, node: Node) -> None: ...

    def turn_activity(self, node: Node, text: str) -> None:
        self.activity.append(text)


@pytest.fixture
def emulator() -> Any:
    emu = Emulator(delay_s=0.001)
    emu.start()
    yield emu
    emu.stop()


def turn(emulator: Emulator, prompts: list[str], policy: StallPolicy, model: str = "gpt-4.1-mini") -> Any:
    async def scenario() -> tuple[list[Node], Listener]:
        client = make_client(Connection(api_key="sk-stall", base_url=emulator.base_url))
        listener = Listener()
        runner = TurnRunner(
            MemoryStore(), lambda request: stream_response(client, request), listener, stall_policy=policy
        )
        conversation = Conversation(title="stall")
        tree = ConversationTree(conversation.id)
        params = ChatParams(model=model, reasoning_effort="low" if model.startswith("o") else None)
        nodes = []
        for prompt in prompts:
            nodes.append(await runner.run(tree, conversation, None, [user_message(prompt)], params))
        await client.close()
        return nodes, listener

    return asyncio.run(asyncio.wait_for(scenario(), 60))


def test_a_hung_stream_says_waiting_then_fails_clearly_and_retry_works(emulator: Emulator) -> None:
    policy = StallPolicy(waiting_after_s=0.3, limit_s=1.5, check_every_s=0.05)
    (hung, retried), listener = turn(emulator, ["Hang [[words:50]] [[fault:hang]]", "Again"], policy)
    assert hung.status is NodeStatus.FAILED
    assert "sent nothing for 1.5 s" in (hung.error or "") and "Retry" in (hung.error or "")
    assert hung.output_text  # what arrived is kept
    assert listener.activity[:2] == [WAITING, ""]  # shown, then taken away when the turn ended
    assert retried.status is NodeStatus.COMPLETED


def test_a_pause_shows_waiting_and_the_answer_goes_on(emulator: Emulator) -> None:
    policy = StallPolicy(waiting_after_s=0.2, limit_s=10, check_every_s=0.05)
    (node,), listener = turn(emulator, ["Pause [[words:40]] [[stall:900]]"], policy)
    assert node.status is NodeStatus.COMPLETED
    assert listener.activity == [WAITING, ""]


def test_a_thinking_model_gets_the_longer_limit(emulator: Emulator) -> None:
    # keepalives come once a second: longer than the plain limit, well within the thinking one
    policy = StallPolicy(waiting_after_s=5, limit_s=0.7, thinking_limit_s=10, check_every_s=0.05)
    (node,), _ = turn(emulator, ["Think [[think:2500]]"], policy, model="o4-mini")
    assert node.status is NodeStatus.COMPLETED, node.error


def test_a_silent_plain_model_is_given_up_at_the_plain_limit(emulator: Emulator) -> None:
    policy = StallPolicy(waiting_after_s=5, limit_s=0.7, thinking_limit_s=10, check_every_s=0.05)
    (node,), _ = turn(emulator, ["Pause [[words:40]] [[stall:3000]]"], policy)
    assert node.status is NodeStatus.FAILED
    assert "0.7 s" in (node.error or "")


def test_the_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESKTOP_CHAT_STALL_S", "12")
    assert StallPolicy.from_env().limit_s == 12
    monkeypatch.setenv("DESKTOP_CHAT_STALL_S", "soon")
    assert StallPolicy.from_env() == StallPolicy()
