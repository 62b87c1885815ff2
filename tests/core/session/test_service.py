"""ChatSession: every use case against a scripted stream and a real store (no display, no network)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.api import remote
from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.events import (
    ChatError,
    Completed,
    ErrorKind,
    Failed,
    Started,
    StreamEvent,
    TextDelta,
    ToolActivity,
)
from desktop_chat.core.conversation.model import ChatParams, NodeStatus, Usage
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.session import events as ev
from desktop_chat.core.session.errors import Busy, NotConnected, SaveFailed, SettingsInvalid
from desktop_chat.core.session.observers import Emitter
from desktop_chat.core.session.service import ChatSession


@pytest.fixture(autouse=True)
def strict_listeners() -> Iterator[None]:
    Emitter.strict = True
    yield
    Emitter.strict = False


class Script:
    """A fake server: each request gets the next scripted answer; "<gate>" waits for `gate`."""

    def __init__(self, *answers: list[StreamEvent]) -> None:
        self.answers = list(answers)
        self.requests: list[dict[str, Any]] = []
        self.gate = asyncio.Event()

    async def __call__(self, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        answer = self.answers.pop(0) if self.answers else done("resp_x", "again")
        for event in answer:
            if isinstance(event, TextDelta) and event.text == "<gate>":
                await self.gate.wait()
                continue
            await asyncio.sleep(0)
            yield event


def done(rid: str, text: str) -> list[StreamEvent]:
    # billed like a server that saw the history (a chained turn billed less was ignored: it is resent)
    return [
        Started(rid, "m"),
        TextDelta(text),
        Completed(rid, "m", Usage(input_tokens=1000, output_tokens=2)),
    ]


def failed(message: str = "boom") -> list[StreamEvent]:
    return [Started("resp_f", "m"), Failed(ChatError(ErrorKind.SERVER, message))]


class Heard:
    """Every event a session emits, in order, by name."""

    def __init__(self, session: ChatSession) -> None:
        self.events: list[tuple[str, Any]] = []
        for name in ev.SessionEvents.__slots__:
            getattr(session.events, name).connect(lambda event, name=name: self.events.append((name, event)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def of(self, name: str) -> list[Any]:
        return [event for kind, event in self.events if kind == name]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "chats.sqlite3")
    yield opened
    opened.close()


def session_with(store: Store, script: Script, **backend: Any) -> ChatSession:
    session = ChatSession(store)
    session.set_backend(Backend(script, label="test", provider="p1", **backend))
    return session


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 10))


async def finish(session: ChatSession) -> None:
    tasks = session.tasks
    if tasks:
        await asyncio.wait(tasks)
    await asyncio.sleep(0)  # the done callbacks run


def test_send_stores_the_prompt_before_it_returns_and_streams_the_answer(store: Store) -> None:
    script = Script(done("resp_1", "Hello"))
    session = session_with(store, script)
    heard = Heard(session)

    async def scenario() -> None:
        turns = session.send("hi")
        node = turns[0].node
        # stored at once, before the answer streams: the composer may be cleared now
        stored = store.load_nodes(node.conversation_id)
        assert [n.user_text for n in stored] == ["hi"]
        assert store.get_conversation(node.conversation_id).selected_node_id == node.id  # type: ignore[union-attr]
        assert session.busy
        await finish(session)

    run(scenario())
    (conversation,) = store.list_conversations()
    (node,) = store.load_nodes(conversation.id)
    assert node.status is NodeStatus.COMPLETED and node.output_text == "Hello"
    assert session.tree is not None and session.tree.get(node.id).output_text == "Hello"
    names = heard.names()
    assert names.index("conversation_added") < names.index("turn_started") < names.index("turn_finished")
    assert [e.busy for e in heard.of("busy_changed")] == [True, False]
    assert heard.of("selection_changed")[-1].node_id == node.id
    assert not session.busy and not session.live


def test_a_failed_save_sends_nothing_and_changes_nothing(store: Store) -> None:
    script = Script(done("resp_1", "Hello"), done("resp_2", "Again"))
    session = session_with(store, script)

    async def scenario() -> None:
        session.send("first")
        await finish(session)

    run(scenario())
    assert session.tree is not None
    before = [n.id for n in session.tree.nodes()]
    selected = session.selected_node_id
    heard = Heard(session)
    store._conn.execute(  # the disk refuses the next node (as a full disk would)
        "CREATE TRIGGER refuse BEFORE INSERT ON nodes BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(SaveFailed) as refused:
        session.send("second")
    assert "disk full" in refused.value.user_message
    assert [n.id for n in session.tree.nodes()] == before
    assert session.selected_node_id == selected
    assert store.get_conversation(session.conversation.id).selected_node_id == selected  # type: ignore[union-attr]
    assert len(store.load_nodes(session.conversation.id)) == 1  # type: ignore[union-attr]
    assert not session.busy and heard.events == []
    assert len(script.requests) == 1  # nothing was sent


def test_a_failed_first_save_leaves_no_conversation(store: Store) -> None:
    session = session_with(store, Script())
    store._conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON nodes BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(SaveFailed):
        session.send("hello")
    assert store.list_conversations() == []  # the conversation row was rolled back with the node
    assert session.conversation is None and session.tree is None


def test_a_prompt_after_a_failed_turn_continues_from_its_parent(store: Store) -> None:
    script = Script(done("resp_1", "One"), failed(), done("resp_3", "Three"))
    session = session_with(store, script)

    async def scenario() -> None:
        first = session.send("one")[0].node
        await finish(session)
        bad = session.send("two")[0].node
        await finish(session)
        assert bad.status is NodeStatus.FAILED and session.selected_node_id == bad.id
        assert session.reply_parent_id() == first.id
        third = session.send("three")[0].node
        await finish(session)
        assert third.parent_id == first.id  # the failed turn stays, as a sibling
        assert session.tree is not None
        assert [n.id for n in session.tree.children(first.id)] == [bad.id, third.id]
        assert script.requests[-1].get("previous_response_id") == "resp_1"

    run(scenario())


def test_refusals_keep_everything(store: Store) -> None:
    session = ChatSession(store)
    with pytest.raises(NotConnected):
        session.send("hi")
    session.set_backend(Backend(Script(), label="x"))
    store.set_setting("default_params", {"temperature": 5})
    with pytest.raises(SettingsInvalid):
        session.send("hi")
    assert store.list_conversations() == []


def test_stop_ends_every_streaming_turn_as_stopped_and_keeps_what_arrived(store: Store) -> None:
    script = Script([Started("resp_1", "m"), TextDelta("partial "), TextDelta("<gate>"), TextDelta("never")])
    session = session_with(store, script)
    heard = Heard(session)

    async def scenario() -> None:
        node = session.send("hi")[0].node
        while node.output_text != "partial ":
            await asyncio.sleep(0)
        with pytest.raises(Busy):
            session.send("another")
        session.stop()
        await finish(session)
        assert node.status is NodeStatus.STOPPED and node.output_text == "partial "

    run(scenario())
    (conversation,) = store.list_conversations()
    (stored,) = store.load_nodes(conversation.id)
    assert stored.status is NodeStatus.STOPPED and stored.output_text == "partial "
    assert heard.of("error") == []  # a stop is not a failure
    assert [e.busy for e in heard.of("busy_changed")] == [True, False]


def test_stop_before_the_turn_ran_still_ends_it_stopped(store: Store) -> None:
    session = session_with(store, Script(done("resp_1", "x")))
    heard = Heard(session)

    async def scenario() -> None:
        node = session.send("hi")[0].node
        session.stop()  # before the task's first step
        await finish(session)
        assert node.status is NodeStatus.STOPPED

    run(scenario())
    (conversation,) = store.list_conversations()
    assert store.load_nodes(conversation.id)[0].status is NodeStatus.STOPPED
    assert len(heard.of("turn_finished")) == 1


def test_fan_out_streams_one_sibling_per_variant(store: Store) -> None:
    script = Script(done("resp_1", "One"))
    session = session_with(store, script)

    async def scenario() -> None:
        first = session.send("q")[0].node
        await finish(session)
        variants = [ChatParams(model="a"), ChatParams(model="b"), ChatParams(model="c")]
        turns = session.fan_out(variants, first.id)
        assert [t.node.parent_id for t in turns] == [None, None, None]
        assert session.busy and len(session.tasks) == 3
        await finish(session)
        assert sorted(r["model"] for r in script.requests[1:]) == ["a", "b", "c"]
        assert session.tree is not None and len(session.tree.roots()) == 4

    run(scenario())


def test_activity_is_told(store: Store) -> None:
    script = Script([Started("r", "m"), ToolActivity("web_search", "searching"), *done("r", "x")[1:]])
    session = session_with(store, script)
    heard = Heard(session)

    async def scenario() -> None:
        session.send("hi")
        await finish(session)

    run(scenario())
    assert [e.text for e in heard.of("turn_activity")] == ["web_search: searching"]


def two_turns(store: Store, script: Script) -> ChatSession:
    session = session_with(store, script)

    async def scenario() -> None:
        session.send("one")
        await finish(session)
        session.send("two")
        await finish(session)

    run(scenario())
    return session


def test_regenerate_and_edit_make_siblings_and_keep_the_original(store: Store) -> None:
    script = Script(
        done("resp_1", "One"), done("resp_2", "Two"), done("resp_3", "Two again"), done("resp_4", "2")
    )
    session = two_turns(store, script)
    original = session.selected_node()
    assert original is not None and original.user_text == "two"

    async def scenario() -> None:
        again = session.regenerate()[0].node
        await finish(session)
        session.select_node(original.id)
        edited = session.edit_and_resend("zwei")[0].node
        await finish(session)
        assert again.parent_id == edited.parent_id == original.parent_id
        assert again.user_text == "two" and edited.user_text == "zwei"

    run(scenario())
    assert session.tree is not None and len(session.tree.siblings(original.id)) == 3
    assert len(store.load_nodes(original.conversation_id)) == 4


def test_conversations_open_rename_and_delete(store: Store) -> None:
    session = two_turns(store, Script(done("resp_1", "One"), done("resp_2", "Two")))
    heard = Heard(session)
    conversation = session.conversation
    assert conversation is not None
    selected = session.selected_node_id
    session.new_conversation()
    assert session.conversation is None and heard.of("selection_changed")[-1].node_id is None
    assert session.open_conversation(conversation.id)
    assert session.selected_node_id == selected and session.tree is not None and len(session.tree) == 2
    session.rename_conversation(conversation.id, "Renamed")
    assert store.get_conversation(conversation.id).title == "Renamed"  # type: ignore[union-attr]
    assert heard.of("conversation_updated")[-1].conversation.title == "Renamed"
    session.delete_conversation(conversation.id)
    assert store.list_conversations() == [] and session.conversation is None
    assert heard.of("conversation_removed")[-1].conversation_id == conversation.id


def test_delete_subtree_locally_and_on_the_server(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[list[str]] = []

    async def delete_responses(client: Any, ids: list[str]) -> list[tuple[str, str | None]]:
        asked.append(ids)
        return [(rid, None if rid != "resp_2" else "gone") for rid in ids]

    monkeypatch.setattr(remote, "delete_responses", delete_responses)
    session = two_turns(store, Script(done("resp_1", "One"), done("resp_2", "Two")))
    session.set_backend(Backend(Script(), label="x", client=object()))
    tree = session.tree
    assert tree is not None
    first = tree.roots()[0]
    report = run(session.delete_subtree(first.id, on_server=True))
    assert report.deleted_locally == 2 and asked == [["resp_1", "resp_2"]]
    assert report.server_failures == [("resp_2", "gone")]
    assert len(tree) == 0 and store.load_nodes(first.conversation_id) == []
    assert session.selected_node_id is None


def test_a_failed_delete_leaves_store_and_tree_as_they_were(store: Store) -> None:
    session = two_turns(store, Script(done("resp_1", "One"), done("resp_2", "Two")))
    tree = session.tree
    assert tree is not None
    second = session.selected_node()
    assert second is not None
    store._conn.execute(
        "CREATE TRIGGER refuse BEFORE DELETE ON nodes BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(SaveFailed):
        run(session.delete_subtree(second.id, on_server=False))
    assert second.id in tree and session.selected_node_id == second.id
    assert len(store.load_nodes(second.conversation_id)) == 2


def test_compact_adds_a_child_that_new_turns_continue_from(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def compact_branch(client: Any, model: str, **kwargs: Any) -> remote.CompactResult:
        assert kwargs == {"previous_response_id": "resp_2"}
        items = [{"type": "compaction", "id": "cmp_1", "encrypted_content": "x"}]
        return remote.CompactResult("cmp_1", items, None, 1000, 100)

    monkeypatch.setattr(remote, "compact_branch", compact_branch)
    script = Script(done("resp_1", "One"), done("resp_2", "Two"), done("resp_3", "Three"))
    session = two_turns(store, script)
    session.set_backend(Backend(script, label="x", client=object(), provider="p1"))
    leaf = session.selected_node()
    assert leaf is not None
    compacted = run(session.compact())
    assert compacted.parent_id == leaf.id and session.selected_node_id == compacted.id
    assert [n.id for n in store.load_nodes(leaf.conversation_id)][-1] == compacted.id

    async def scenario() -> None:
        after = session.send("three")[0].node
        await finish(session)
        assert after.parent_id == compacted.id

    run(scenario())


def test_open_response_stores_the_conversation_whole_or_not_at_all(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_chat.core.conversation.model import Conversation, Node, user_message

    def opened() -> remote.OpenedResponse:
        conversation = Conversation(title="Opened")
        root = Node(conversation.id, None, [user_message("q")], output_text="a", response_id="resp_9")
        root.status = NodeStatus.COMPLETED
        return remote.OpenedResponse(conversation, [root])

    async def open_response(client: Any, response_id: str) -> remote.OpenedResponse:
        return opened()

    monkeypatch.setattr(remote, "open_response", open_response)
    session = ChatSession(store)
    with pytest.raises(NotConnected):
        run(session.open_response("resp_9"))
    session.set_backend(Backend(Script(), label="x", client=object()))
    store._conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON nodes BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(SaveFailed):
        run(session.open_response("resp_9"))
    assert store.list_conversations() == []  # no half-opened conversation
    store._conn.execute("DROP TRIGGER refuse")
    conversation = run(session.open_response("resp_9"))
    assert session.conversation is not None and session.conversation.id == conversation.id
    assert session.tree is not None and len(session.tree) == 1


def test_moving_to_another_profile_asks_for_its_back_end(store: Store) -> None:
    from desktop_chat.core.config import profiles

    session = two_turns(store, Script(done("resp_1", "One"), done("resp_2", "Two")))
    heard = Heard(session)
    other = profiles.save_profile(store, profiles.new_profile("Local", base_url="http://127.0.0.1:1/v1"))
    session.move_to_profile(other.id)
    assert session.wanted_profile().id == other.id
    wanted = heard.of("provider_wanted")[-1]
    assert wanted.profile_id == other.id and wanted.reconnect
