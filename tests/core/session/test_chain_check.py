"""Trust, then verify: a chained turn the server did not continue is resent by local replay, once."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import openai

from desktop_chat.core.api.capabilities import ServerKnowledge
from desktop_chat.core.api.providers.adaptive import adaptive_stream
from desktop_chat.core.conversation.model import (
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    Usage,
    user_message,
)
from desktop_chat.core.conversation.store import open_store
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.chain_check import Verdict, judge
from desktop_chat.core.session.turns import IGNORED_NOTICE, TurnRunner
from desktop_chat.emulator import Emulator, parse_context
from tests.core.session.test_turns import MemoryStore, Script, done

LONG = "A tree is a perennial plant with an elongated stem, or trunk, supporting branches and leaves. " * 3


def two_turns(parent_usage: Usage | None) -> tuple[ConversationTree, Node]:
    tree = ConversationTree("c")
    first = Node("c", None, [user_message("What is a tree?")], output_text=LONG, status=NodeStatus.COMPLETED)
    first.response_id, first.usage = "resp_1", parent_usage
    tree.insert(first)
    return tree, first


def test_judge_tells_a_continued_chain_from_an_ignored_one() -> None:
    tree, first = two_turns(Usage(input_tokens=14, output_tokens=60))
    new = [user_message("And a branch?")]
    params = ChatParams()
    assert judge(tree, first.id, new, params, Usage(input_tokens=85)) is Verdict.HONOURED
    assert judge(tree, first.id, new, params, Usage(input_tokens=9)) is Verdict.IGNORED
    assert judge(tree, first.id, new, params, None) is Verdict.NO_USAGE
    assert judge(tree, first.id, new, params, Usage(input_tokens=0)) is Verdict.NO_USAGE
    assert judge(ConversationTree("c"), None, new, params, Usage(input_tokens=1)) is Verdict.UNKNOWN


def test_judge_scales_by_how_the_server_counted_the_parent() -> None:
    # a server whose tokenizer counts half of ours: a continued chain bills about half the estimate
    tree, first = two_turns(Usage(input_tokens=5, output_tokens=30))
    assert judge(tree, first.id, [user_message("And a branch?")], ChatParams(), Usage(input_tokens=40)) is (
        Verdict.HONOURED
    )
    # without the parent's usage, the estimate is taken as it is
    tree, first = two_turns(None)
    assert judge(tree, first.id, [user_message("And a branch?")], ChatParams(), Usage(input_tokens=40)) is (
        Verdict.IGNORED
    )


def test_images_do_not_make_an_honoured_chain_look_ignored() -> None:
    # servers bill images their own way (an emulator or a gateway may bill none): only text is compared
    image = {"type": "input_image", "image_url": "data:image/png;base64,AAAA", "detail": "high"}
    tree = ConversationTree("c")
    first = Node(
        "c",
        None,
        [
            {
                "type": "message",
                "role": "user",
                "content": [{"type": "input_text", "text": "What is it?"}, image],
            }
        ],
        output_text=LONG,
        status=NodeStatus.COMPLETED,
    )
    first.response_id, first.usage = "resp_1", Usage(input_tokens=14, output_tokens=60)
    tree.insert(first)
    new = [
        {
            "type": "message",
            "role": "user",
            "content": [{"type": "input_text", "text": "And these?"}, image, image],
        }
    ]
    # 85 is more than the parent turn's 74: the history or the two new images may make it, so usage
    # cannot tell (the runner then asks the server whether it keeps state)
    assert judge(tree, first.id, new, ChatParams(), Usage(input_tokens=85)) is Verdict.NO_USAGE
    assert judge(tree, first.id, new, ChatParams(), Usage(input_tokens=9)) is Verdict.IGNORED


def test_judge_trusts_a_server_that_may_have_compacted() -> None:
    tree, first = two_turns(Usage(input_tokens=14, output_tokens=60))
    params = ChatParams(compact_threshold=1_000)
    tree.get(first.id).output_text = LONG * 20
    assert judge(tree, first.id, [user_message("And?")], params, Usage(input_tokens=9)) is Verdict.UNKNOWN


def run_turns(emu: Emulator, knowledge: ServerKnowledge, prompts: list[str]) -> list[Node]:
    store = MemoryStore()
    conv = Conversation()
    tree = ConversationTree(conv.id)

    async def go() -> list[Node]:
        async with openai.AsyncOpenAI(api_key="sk", base_url=emu.base_url, max_retries=0) as client:
            knowledge.client = client
            runner = TurnRunner(store, adaptive_stream(client, knowledge), server=knowledge)
            nodes: list[Node] = []
            for prompt in prompts:
                parent = nodes[-1].id if nodes else None
                nodes.append(await runner.run(tree, conv, parent, [user_message(prompt)], ChatParams()))
            return nodes

    return asyncio.run(go())


def test_an_ignored_chain_is_resent_by_replay_once_and_remembered(tmp_path: Path) -> None:
    store, _ = open_store(tmp_path / "chat.sqlite3")
    with Emulator(quirks={"gpt-4.1-mini": {"keeps_no_state"}}) as emu:
        knowledge = ServerKnowledge(store, "bridged")
        first, second, third = run_turns(emu, knowledge, ["What is a tree?", "And a branch?", "And a leaf?"])
        bodies = [r.body for r in emu.requests if r.method == "POST"]
    assert [b.get("previous_response_id") for b in bodies] == [None, first.response_id, None, None]
    assert parse_context(second.output_text) == ["What is a tree?", "And a branch?"]
    assert second.notice == IGNORED_NOTICE and second.context_mode is ContextMode.REPLAY
    assert second.status is NodeStatus.COMPLETED and second.usage is not None
    assert third.notice is None and third.context_mode is ContextMode.REPLAY
    assert parse_context(third.output_text) == ["What is a tree?", "And a branch?", "And a leaf?"]
    assert ServerKnowledge(store, "bridged").stateless("gpt-4.1-mini")  # kept in the store
    assert not ServerKnowledge(store, "bridged").stateless("gpt-4.1")  # another model: not known
    store.close()


def test_a_server_that_keeps_state_is_trusted() -> None:
    with Emulator() as emu:
        knowledge = ServerKnowledge(None, "full")
        _first, second = run_turns(emu, knowledge, ["What is a tree?", "And a branch?"])
        assert len([r for r in emu.requests if r.method == "POST"]) == 2
    assert second.context_mode is ContextMode.CHAIN and second.notice is None
    assert parse_context(second.output_text) == ["What is a tree?", "And a branch?"]


class Probed:
    """A ServerState whose probe says the server keeps no state."""

    def __init__(self) -> None:
        self.learnt: list[dict[str, Any]] = []
        self.probes = 0

    def stateless(self, model: str) -> bool:
        return bool(self.learnt)

    def learn(self, model: str | None, note: str = "", **values: Any) -> None:
        self.learnt.append(values)

    async def probe_state(self, model: str) -> bool | None:
        self.probes += 1
        return False


def test_a_chained_answer_without_usage_is_checked_by_a_probe() -> None:
    script = Script(done("resp_1", "A1", None), done("resp_2", "A2", None), done("resp_3", "A3", None))
    server = Probed()
    runner = TurnRunner(MemoryStore(), script, server=server)
    conv = Conversation()
    tree = ConversationTree(conv.id)

    async def go() -> Node:
        first = await runner.run(tree, conv, None, [user_message("Q1")], ChatParams())
        return await runner.run(tree, conv, first.id, [user_message("Q2")], ChatParams())

    second = asyncio.run(go())
    assert server.probes == 1 and server.learnt == [{"keeps_state": False}]
    assert "previous_response_id" not in script.requests[2] and second.output_text == "A3"
    assert second.notice == IGNORED_NOTICE


def test_a_long_new_input_is_judged_by_the_parents_bill_not_the_estimate() -> None:
    # a pasted document dwarfs the history: tokenizers disagree on it by more than the history weighs
    tree, first = two_turns(Usage(input_tokens=14, output_tokens=60))
    pasted = [user_message("lorem ipsum dolor sit amet " * 400)]
    params = ChatParams()
    # billed far less than our estimate of the paste, but more than the parent's whole turn: cannot tell
    assert judge(tree, first.id, pasted, params, Usage(input_tokens=900)) is Verdict.NO_USAGE
    # billed less than the parent's own input and output: the history was not there
    assert judge(tree, first.id, pasted, params, Usage(input_tokens=50)) is Verdict.IGNORED
