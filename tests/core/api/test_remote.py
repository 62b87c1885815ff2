"""core.remote against the emulator (open by id, delete, compact) and the local side of a delete."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openai
import pytest

from desktop_chat.core.api import remote
from desktop_chat.core.api.context import build_request, can_chain, choose_mode
from desktop_chat.core.api.events import ErrorKind
from desktop_chat.core.conversation.model import (
    ChatParams,
    ContextMode,
    Conversation,
    Node,
    NodeStatus,
    user_message,
)
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.emulator import Emulator, parse_context
from desktop_chat.emulator.answers import parse_compaction
from tests.emulator.helpers import MODEL, client, run

TURNS = ["What is a tree?", "And a branch?", "And a leaf?"]


async def chain(sdk: openai.AsyncOpenAI, turns: list[str] = TURNS, **extra: Any) -> list[Any]:
    answers: list[Any] = []
    for text in turns:
        answers.append(
            await sdk.responses.create(
                model=MODEL,
                input=[user_message(text)],
                previous_response_id=answers[-1].id if answers else None,
                **extra,
            )
        )
    return answers


# -- open by id ------------------------------------------------------------------------------------
def test_open_response_rebuilds_the_path_and_only_the_last_node_chains(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[Any], remote.OpenedResponse]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk, temperature=0.4, instructions="Be brief.")
            return answers, await remote.open_response(sdk, f"  {answers[-1].id}\n")

    answers, opened = run(scenario())
    nodes = opened.nodes
    assert [n.user_text for n in nodes] == TURNS
    assert [n.output_text for n in nodes] == [a.output_text for a in answers]
    assert [n.response_id for n in nodes] == [None, None, answers[-1].id]
    assert [n.parent_id for n in nodes] == [None, nodes[0].id, nodes[1].id]
    assert all(n.conversation_id == opened.conversation.id for n in nodes)
    last = nodes[-1]
    assert last.status is NodeStatus.COMPLETED and last.previous_response_id == answers[1].id
    assert last.usage is not None and last.usage.input_tokens == answers[-1].usage.input_tokens
    assert last.params["temperature"] == 0.4 and last.params["instructions"] == "Be brief."
    assert last.model == MODEL and last.notice == remote.OPENED_NOTICE
    assert opened.conversation.title == TURNS[0] and opened.conversation.selected_node_id == last.id
    # the app sends these items again when it replays: no server ids or statuses on messages
    assert nodes[1].input_items == [user_message(TURNS[1])]

    tree = ConversationTree(opened.conversation.id, nodes)
    assert can_chain(last) and not can_chain(nodes[0])
    params = ChatParams(model=MODEL)
    onward = build_request(
        tree, last.id, [user_message("More?")], params, choose_mode(tree, last.id, ContextMode.CHAIN)
    )
    assert onward["previous_response_id"] == answers[-1].id
    assert choose_mode(tree, nodes[0].id, ContextMode.CHAIN) is ContextMode.REPLAY
    branch = build_request(tree, nodes[0].id, [user_message("Other?")], params, ContextMode.REPLAY)
    assert "previous_response_id" not in branch
    assert [i["role"] for i in branch["input"]] == ["user", "assistant", "user"]


def test_open_response_follows_every_page_of_input_items(emulator: Emulator) -> None:
    turns = [f"question {i}" for i in range(7)]

    async def scenario() -> tuple[list[Any], list[dict[str, Any]]]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk, turns)
            return answers, await remote.fetch_input_items(sdk, answers[-1].id, page_size=4)

    answers, items = run(scenario())
    assert [i["id"] for i in items] == [i["id"] for i in emulator.context_of(answers[-1].id)]
    assert len(items) == 13  # 7 questions and 6 answers
    pages = [r for r in emulator.requests if r.path.endswith("/input_items")]
    assert [r.query["order"] for r in pages] == ["asc"] * 4
    assert [r.query.get("after") for r in pages] == [None, items[3]["id"], items[7]["id"], items[11]["id"]]
    assert all(r.query["limit"] == "4" for r in pages)


def test_unknown_or_malformed_ids_give_a_clear_message(emulator: Emulator) -> None:
    async def scenario() -> list[remote.RemoteError]:
        errors = []
        async with client(emulator.base_url) as sdk:
            for bad in ("resp_doesnotexist", "resp_x y", "   ", "../models"):
                with pytest.raises(remote.RemoteError) as caught:
                    await remote.open_response(sdk, bad)
                errors.append(caught.value)
        return errors

    unknown, spaced, empty, path = run(scenario())
    assert "no stored response with id resp_doesnotexist" in unknown.user_message
    assert "expired" in unknown.user_message and "store=false" in unknown.user_message
    assert all("not a response id" in e.user_message for e in (spaced, empty, path))
    assert [r.path for r in emulator.requests] == ["/v1/responses/resp_doesnotexist"]


def test_a_deleted_response_cannot_be_opened_and_server_errors_are_mapped(emulator: Emulator) -> None:
    async def scenario() -> tuple[remote.RemoteError, remote.RemoteError]:
        async with client(emulator.base_url) as sdk:
            (answer,) = await chain(sdk, ["only"])
            emulator.fail_next("http_401", endpoint="input_items")
            with pytest.raises(remote.RemoteError) as auth:
                await remote.open_response(sdk, answer.id)
            await sdk.responses.delete(answer.id)
            with pytest.raises(remote.RemoteError) as gone:
                await remote.open_response(sdk, answer.id)
            return auth.value, gone.value

    auth, gone = run(scenario())
    assert auth.kind is ErrorKind.AUTH and "rejected the API key" in auth.user_message
    assert "no stored response" in gone.user_message


def fake_response(output: list[dict[str, Any]], status: str = "completed", **extra: Any) -> Any:
    fields: dict[str, Any] = {
        "id": "resp_last",
        "model": "m",
        "status": status,
        "output": output,
        "previous_response_id": None,
        "usage": None,
        "temperature": None,
        "top_p": None,
        "max_output_tokens": None,
        "instructions": None,
        "error": None,
        "incomplete_details": None,
    }
    fields.update(extra)
    return SimpleNamespace(**fields)


def assistant(text: str) -> dict[str, Any]:
    return {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": text}]}


def test_history_with_tools_reasoning_and_a_compaction_groups_into_turns() -> None:
    window_user = {"id": "msg_1", "type": "message", "role": "user", "status": "completed", "content": "old"}
    compaction = {"id": "cmp_1", "type": "compaction", "encrypted_content": "sealed"}
    items = [
        {"type": "message", "role": "system", "content": "sys"},
        window_user,
        compaction,
        {"type": "message", "role": "user", "content": "weather?"},
        {"type": "reasoning", "summary": [{"type": "summary_text", "text": "think"}]},
        {"type": "function_call", "call_id": "c1", "name": "weather", "arguments": "{}"},
        {"type": "function_call_output", "call_id": "c1", "output": "sunny"},
        assistant("It is sunny."),
        {"type": "message", "role": "user", "content": "thanks"},
    ]
    response = fake_response(
        [assistant("You're welcome.")],
        status="incomplete",
        incomplete_details=SimpleNamespace(reason="max_output_tokens"),
    )
    nodes = remote.nodes_from_history("c", items, response)
    # everything before a compaction item is the window it ended (as the client sent it)
    assert [remote.is_compaction(n) for n in nodes] == [True, False, False, False]
    window, asked, tool, last = nodes
    sent_again = {"type": "message", "role": "user", "content": "old"}  # without the server's id, status
    assert remote.compaction_input(window) == [items[0], sent_again, compaction]
    assert remote.compaction_input(asked) is None
    assert asked.reasoning_text == "think" and asked.output_text == ""
    assert [i["type"] for i in asked.output_items] == ["reasoning", "function_call"]
    assert tool.input_items[0]["type"] == "function_call_output" and tool.output_text == "It is sunny."
    assert last.user_text == "thanks" and last.output_text == "You're welcome."
    assert last.status is NodeStatus.INCOMPLETE and "max_output_tokens" in (last.error or "")
    assert remote.turns_since_compaction(nodes) == 3
    assert [n.created_at for n in nodes] == sorted(n.created_at for n in nodes)


def test_a_failed_response_and_one_whose_input_ends_with_answers() -> None:
    failed = fake_response([], status="failed", error=SimpleNamespace(message="boom"))
    nodes = remote.nodes_from_history("c", [user_message("q"), assistant("a")], failed)
    assert len(nodes) == 2 and nodes[1].input_items == []
    assert nodes[1].status is NodeStatus.FAILED and "boom" in (nodes[1].error or "")


# -- delete ------------------------------------------------------------------------------------------
def test_delete_responses_reports_per_id_and_a_404_is_not_an_error(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[Any], list[tuple[str, str | None]]]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk)
            emulator.forget(answers[1].id)  # already gone on the server
            emulator.fail_next("http_403", endpoint="delete")
            ids = [answers[0].id, answers[1].id, answers[2].id, answers[0].id]
            return answers, await remote.delete_responses(sdk, ids)

    answers, results = run(scenario())
    deletes = [r.path.rsplit("/", 1)[1] for r in emulator.requests if r.method == "DELETE"]
    assert sorted(deletes) == sorted(a.id for a in answers)  # each id once
    failures = [(rid, error) for rid, error in results if error]
    assert len(results) == 3 and len(failures) == 1
    assert "Access denied (403)" in (failures[0][1] or "")
    assert {rid for rid, _ in results} == {a.id for a in answers}


# -- compact -----------------------------------------------------------------------------------------
def test_compact_branch_counts_tokens_before_and_after_and_the_window_carries_on(emulator: Emulator) -> None:
    async def scenario() -> tuple[list[Any], remote.CompactResult, Any, Any]:
        async with client(emulator.base_url) as sdk:
            answers = await chain(sdk, [f"{t} [[words:200]]" for t in TURNS])
            result = await remote.compact_branch(sdk, MODEL, previous_response_id=answers[-1].id)
            conversation = Conversation()
            parents = [
                Node(
                    conversation.id,
                    None,
                    [user_message("q")],
                    response_id=answers[-1].id,
                    status=NodeStatus.COMPLETED,
                )
            ]
            node = remote.compaction_node(conversation.id, parents[0], result, MODEL, 3, chained=True)
            window = remote.compaction_input(node)
            assert window is not None
            after = await sdk.responses.create(model=MODEL, input=[*window, user_message("Next?")])
            return answers, result, node, after

    answers, result, node, after = run(scenario())
    assert result.tokens_before > 5 * result.tokens_after > 0 and result.counted_after
    assert result.usage is not None and result.tokens_before == result.usage.input_tokens
    assert [r.path for r in emulator.requests[-3:-1]] == [
        "/v1/responses/compact",
        "/v1/responses/input_tokens",
    ]
    assert emulator.requests[-2].body == {"model": MODEL, "input": result.output_items}
    assert remote.is_compaction(node) and not can_chain(node) and node.input_items == []
    assert node.previous_response_id == answers[-1].id and node.context_mode is ContextMode.CHAIN
    assert node.notice == (
        f"Compacted 3 turns: {result.tokens_before:,} → {result.tokens_after:,} tokens. "
        "New turns from here send the compacted history."
    )
    assert parse_context(after.output_text) == [*[f"{t} [[words:200]]" for t in TURNS], "Next?"]
    assert parse_compaction(after.output_text) == (1, 3)


def test_compact_branch_errors_keep_their_kind(emulator: Emulator) -> None:
    async def scenario() -> list[remote.RemoteError]:
        errors = []
        async with client(emulator.base_url) as sdk:
            for call in (
                lambda: remote.compact_branch(sdk, MODEL, previous_response_id="resp_lost"),
                lambda: remote.compact_branch(sdk, MODEL),
            ):
                with pytest.raises(remote.RemoteError) as caught:
                    await call()
                errors.append(caught.value)
            emulator.fail_next("context_length", endpoint="compact")
            with pytest.raises(remote.RemoteError) as too_long:
                await remote.compact_branch(sdk, MODEL, input_items=[user_message("x")])
            errors.append(too_long.value)
        return errors

    lost, nothing, too_long = run(scenario())
    assert lost.kind is ErrorKind.PREVIOUS_NOT_FOUND
    assert "nothing to compact" in nothing.user_message
    assert too_long.kind is ErrorKind.CONTEXT_LENGTH


def test_without_the_token_count_endpoint_the_usage_stands_in() -> None:
    class Responses:
        async def compact(self, **request: Any) -> Any:
            usage = SimpleNamespace(input_tokens=900, output_tokens=120, total_tokens=1020)
            return SimpleNamespace(
                id="cmp_resp", output=[{"type": "compaction", "encrypted_content": "x"}], usage=usage
            )

        class input_tokens:  # the SDK's attribute name
            @staticmethod
            async def count(**request: Any) -> Any:
                raise openai.APIConnectionError(request=None)  # type: ignore[arg-type]

    result = run(
        remote.compact_branch(SimpleNamespace(responses=Responses()), MODEL, input_items=[user_message("x")])
    )
    assert (result.tokens_before, result.tokens_after, result.counted_after) == (900, 120, False)


# -- the local side of a delete (store + tree) ---------------------------------------------------------
def tree_nodes(conversation: Conversation) -> dict[str, Node]:
    """r ─┬─ a ─┬─ a1        r2
    │     └─ a2 ── a21
    └─ b"""
    shape = [("r", None), ("a", "r"), ("b", "r"), ("a1", "a"), ("a2", "a"), ("a21", "a2"), ("r2", None)]
    return {
        name: Node(conversation.id, parent, [user_message(name)], id=name, created_at=i)
        for i, (name, parent) in enumerate(shape)
    }


def test_store_deletes_a_subtree_in_one_transaction_and_forgets_a_deleted_selection(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    try:
        conversation = Conversation(selected_node_id="a21")
        store.save_conversation(conversation)
        nodes = tree_nodes(conversation)
        store.insert_nodes(list(nodes.values()))
        tree = ConversationTree(conversation.id, store.load_nodes(conversation.id))
        doomed = [n.id for n in tree.subtree("a")]
        assert doomed == ["a", "a1", "a2", "a21"]
        assert store.delete_nodes(doomed) == 4
        assert [n.id for n in store.load_nodes(conversation.id)] == ["r", "b", "r2"]
        assert store.get_conversation(conversation.id).selected_node_id is None  # type: ignore[union-attr]
        assert store.delete_nodes([]) == 0 and store.delete_nodes(["unknown"]) == 0
        # a failing statement rolls the whole delete back
        store._conn.execute(
            "CREATE TRIGGER refuse BEFORE DELETE ON nodes WHEN old.id = 'r2' "
            "BEGIN SELECT RAISE(ABORT, 'no'); END"
        )
        with pytest.raises(Exception, match="no"):
            store.delete_nodes(["b", "r2"])
        assert [n.id for n in store.load_nodes(conversation.id)] == ["r", "b", "r2"]
    finally:
        store.close()


class Recorder:
    def __init__(self, tree: ConversationTree) -> None:
        self.tree = tree
        self.events: list[tuple[object, ...]] = []

    def node_inserting(self, parent_id: str | None, row: int) -> None: ...
    def node_inserted(self, node: Node) -> None: ...
    def node_changed(self, node: Node) -> None: ...

    def node_removing(self, parent_id: str | None, row: int) -> None:
        # told while the node is still there (beginRemoveRows)
        self.events.append(("removing", parent_id, row, self.tree.child_at(parent_id, row).id))

    def node_removed(self, node: Node) -> None:
        self.events.append(("removed", node.id, node.id in self.tree))


class InsertOnly:
    """A listener from before removals existed: it is simply not told."""

    def node_inserting(self, parent_id: str | None, row: int) -> None: ...
    def node_inserted(self, node: Node) -> None: ...
    def node_changed(self, node: Node) -> None: ...


def test_tree_removes_a_subtree_and_tells_its_listeners_once() -> None:
    conversation = Conversation()
    tree = ConversationTree(conversation.id, tree_nodes(conversation).values())
    recorder = Recorder(tree)
    tree.add_listener(recorder)
    tree.add_listener(InsertOnly())
    removed = tree.remove_subtree("a")
    assert [n.id for n in removed] == ["a", "a1", "a2", "a21"]
    assert recorder.events == [("removing", "r", 0, "a"), ("removed", "a", False)]
    assert [n.id for n in tree.children("r")] == ["b"] and tree.row_of("b") == 0
    assert len(tree) == 3 and "a21" not in tree and tree.child_count("a") == 0
    recorder.events.clear()
    tree.remove_subtree("r")
    assert recorder.events == [("removing", None, 0, "r"), ("removed", "r", False)]
    assert [n.id for n in tree.roots()] == ["r2"] and tree.row_of("r2") == 0
    tree.insert(Node(conversation.id, "r2", [user_message("again")], id="c"))
    assert tree.path_to("c")[0].id == "r2"
