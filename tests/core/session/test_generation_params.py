"""Verbosity, service tier, the prompt cache key and zero data retention (`store: false`) as the server
receives them: a conversation without stored answers is replayed, carrying its encrypted reasoning."""

from __future__ import annotations

import asyncio
from typing import Any

from desktop_chat.core.api.capabilities import ServerKnowledge
from desktop_chat.core.api.providers.adaptive import adaptive_stream
from desktop_chat.core.conversation.model import ChatParams, ContextMode, Conversation, Node, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.emulator import Emulator
from tests.core.session.test_turns import MemoryStore
from tests.emulator.helpers import client


def turns(
    base_url: str, params: ChatParams, prompts: list[str], knowledge: Any = None
) -> tuple[list[Node], str]:
    conv = Conversation()
    tree = ConversationTree(conv.id)

    async def go() -> list[Node]:
        async with client(base_url) as sdk:
            stream = adaptive_stream(sdk, knowledge or ServerKnowledge(None, "emulator"))
            runner = TurnRunner(MemoryStore(), stream)
            nodes: list[Node] = []
            for prompt in prompts:
                parent = nodes[-1].id if nodes else None
                mode = runner.prefer_for(params)
                nodes.append(
                    await runner.run(tree, conv, parent, [user_message(prompt)], params, prefer=mode)
                )
            return nodes

    return asyncio.run(asyncio.wait_for(go(), 30)), conv.id


def bodies(emulator: Emulator) -> list[dict[str, Any]]:
    return [r.body for r in emulator.requests if r.path == "/v1/responses" and r.body is not None]


def test_without_stored_answers_every_turn_is_replayed_with_its_encrypted_reasoning(
    emulator: Emulator,
) -> None:
    params = ChatParams(model="gpt-5-mini", reasoning_effort="low", reasoning_summary=True, store=False)
    (first, second), conversation_id = turns(emulator.base_url, params, ["one", "two"])
    sent = bodies(emulator)
    assert [b["store"] for b in sent] == [False, False]
    assert all("reasoning.encrypted_content" in b["include"] for b in sent)
    assert "previous_response_id" not in sent[1] and second.context_mode is ContextMode.REPLAY
    reasoning = [i for i in sent[1]["input"] if i.get("type") == "reasoning"]
    assert len(reasoning) == 1 and reasoning[0]["encrypted_content"]
    assert "Reasoning carried: 1 encrypted item(s)" in second.output_text
    assert "Reasoning carried" not in first.output_text
    assert {b["prompt_cache_key"] for b in sent} == {conversation_id}


def test_verbosity_and_service_tier_are_sent_and_left_out_where_refused(emulator: Emulator) -> None:
    params = ChatParams(model="gpt-5-mini", verbosity="low", service_tier="flex")
    turns(emulator.base_url, params, ["hello"])
    body = bodies(emulator)[-1]
    assert body["text"] == {"verbosity": "low"} and body["service_tier"] == "flex" and body["store"] is True
    with Emulator(quirks={"old-model": ["refuses:service_tier", "refuses:text.verbosity"]}) as old:
        (node,), _ = turns(
            old.base_url, ChatParams(model="old-model", verbosity="high", service_tier="priority"), ["hi"]
        )
        last = bodies(old)[-1]
        assert "service_tier" not in last and "verbosity" not in (last.get("text") or {})
        assert node.output_text and "does not take" in (node.notice or "")
