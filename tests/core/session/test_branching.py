"""ChatSession's branching use cases: an edited prompt saved as a draft and sent later, a branch copied into
a conversation of its own, and Continue after a stopped answer (no display, a scripted server)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_chat.core.api.events import Started, TextDelta
from desktop_chat.core.config import profiles
from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.session.branching import CONTINUE_PROMPT, is_continuation
from desktop_chat.core.session.errors import Busy, NothingSelected, SaveFailed
from desktop_chat.core.session.service import ChatSession
from tests.core.session.test_service import Heard, Script, done, finish, run, session_with, two_turns


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "chats.sqlite3")
    yield opened
    opened.close()


def refuse_inserts(store: Store) -> None:
    store._conn.execute(  # the disk refuses the next node (as a full disk would)
        "CREATE TRIGGER refuse BEFORE INSERT ON nodes BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )


def test_save_edit_keeps_the_edited_prompt_as_a_selected_draft_sibling_without_sending(store: Store) -> None:
    script = Script(done("resp_1", "One"), done("resp_2", "Two"))
    session = two_turns(store, script)
    original = session.selected_node()
    assert original is not None
    heard = Heard(session)

    draft = session.save_edit("zwei", original.id)

    assert len(script.requests) == 2 and not session.busy  # nothing was sent
    assert draft.status is NodeStatus.DRAFT and draft.user_text == "zwei" and not draft.output_text
    assert draft.parent_id == original.parent_id
    stored = {n.id: n for n in store.load_nodes(original.conversation_id)}
    assert stored[draft.id].status is NodeStatus.DRAFT and stored[draft.id].user_text == "zwei"
    assert stored[original.id].output_text == "Two"  # the original stays
    assert store.get_conversation(original.conversation_id).selected_node_id == draft.id  # type: ignore[union-attr]
    assert session.tree is not None and [n.id for n in session.tree.siblings(original.id)] == [
        original.id,
        draft.id,
    ]
    assert heard.of("selection_changed")[-1].node_id == draft.id
    # a prompt typed while the draft is selected continues from its parent, as after a failed turn
    assert session.reply_parent_id() == original.parent_id


def test_a_refused_draft_changes_nothing(store: Store) -> None:
    session = two_turns(store, Script(done("resp_1", "One"), done("resp_2", "Two")))
    assert session.tree is not None
    before, selected = [n.id for n in session.tree.nodes()], session.selected_node_id
    refuse_inserts(store)
    with pytest.raises(SaveFailed):
        session.save_edit("zwei")
    assert [n.id for n in session.tree.nodes()] == before and session.selected_node_id == selected
    with pytest.raises(NothingSelected):
        session.save_edit("   ")


def test_a_draft_sent_later_streams_in_its_place_with_the_history_before_it(store: Store) -> None:
    script = Script(done("resp_1", "One"), done("resp_2", "Two"), done("resp_3", "Zwei!"))
    session = two_turns(store, script)
    original = session.selected_node()
    assert original is not None and session.tree is not None
    draft = session.save_edit("zwei")
    session.select_node(original.id)  # the user looks elsewhere, then comes back to send it

    async def scenario() -> None:
        (turn,) = session.send_draft(draft.id)
        assert store.get_conversation(original.conversation_id).selected_node_id == turn.node.id  # type: ignore[union-attr]
        await finish(session)

    run(scenario())
    request = script.requests[-1]
    assert request["previous_response_id"] == "resp_1"  # after the first turn, as the original was
    assert "zwei" in str(request["input"])
    stored = store.load_nodes(original.conversation_id)
    assert draft.id not in {n.id for n in stored}  # the turn took the draft's place
    (sent,) = [n for n in stored if n.user_text == "zwei"]
    assert sent.status is NodeStatus.COMPLETED and sent.output_text == "Zwei!"
    assert draft.id not in session.tree and [n.user_text for n in session.tree.siblings(original.id)] == [
        "two",
        "zwei",
    ]
    assert session.selected_node_id == sent.id
    with pytest.raises(NothingSelected):
        session.send_draft(sent.id)  # only a draft is sent this way


def test_a_draft_whose_send_is_refused_stays(store: Store) -> None:
    session = two_turns(store, Script(done("resp_1", "One"), done("resp_2", "Two")))
    draft = session.save_edit("zwei")
    refuse_inserts(store)
    with pytest.raises(SaveFailed):
        session.send_draft(draft.id)
    assert session.tree is not None and draft.id in session.tree
    assert draft.id in {n.id for n in store.load_nodes(draft.conversation_id)}  # the delete rolled back


def test_branch_out_copies_the_path_into_a_new_conversation_and_opens_it(store: Store) -> None:
    script = Script(done("resp_1", "One"), done("resp_2", "Two"), done("resp_3", "Other"))
    session = two_turns(store, script)
    assert session.conversation is not None and session.tree is not None
    old = session.conversation
    second = session.selected_node()
    assert second is not None

    async def fork() -> None:  # a sibling that must not be copied
        session.regenerate()
        await finish(session)

    run(fork())
    profiles.set_conversation_profile(store, old.id, "default")
    heard = Heard(session)

    branched = session.branch_out(second.id, title="Mine")

    assert branched.title == "Mine" and session.conversation is not None
    assert session.conversation.id == branched.id != old.id
    copies = store.load_nodes(branched.id)
    assert [n.user_text for n in copies] == ["one", "two"]
    assert [n.output_text for n in copies] == ["One", "Two"]
    assert copies[1].parent_id == copies[0].id and copies[0].parent_id is None
    assert not {n.id for n in copies} & {n.id for n in store.load_nodes(old.id)}
    assert copies[1].response_id == "resp_2"  # a new prompt there chains from it
    assert session.selected_node_id == copies[1].id and len(session.tree) == 2
    assert len(store.load_nodes(old.id)) == 3  # the original is untouched
    assert [e.conversation.id for e in heard.of("conversation_added")] == [branched.id]

    async def go_on() -> None:
        session.send("three")
        await finish(session)

    run(go_on())
    assert script.requests[-1]["previous_response_id"] == "resp_2"


def test_a_refused_branch_stores_nothing_and_stays(store: Store) -> None:
    session = two_turns(store, Script(done("resp_1", "One"), done("resp_2", "Two")))
    assert session.conversation is not None
    old = session.conversation.id
    refuse_inserts(store)
    with pytest.raises(SaveFailed):
        session.branch_out()
    assert [c.id for c in store.list_conversations()] == [old] and session.conversation.id == old


def test_branch_out_waits_for_a_streaming_answer(store: Store) -> None:
    script = Script(done("resp_1", "One"), [Started("resp_2", "m"), TextDelta("<gate>")])
    session = session_with(store, script)

    async def scenario() -> None:
        session.send("one")
        await finish(session)
        session.send("two")
        await asyncio.sleep(0)
        with pytest.raises(Busy):
            session.branch_out()
        session.stop()
        await finish(session)

    run(scenario())
    assert len(store.list_conversations()) == 1


def test_continue_after_a_stopped_answer_is_a_marked_child_that_asks_to_go_on(store: Store) -> None:
    script = Script(done("resp_1", "One"), [Started("resp_2", "m"), TextDelta("Half"), TextDelta("<gate>")])
    session: ChatSession = session_with(store, script)

    async def scenario() -> None:
        session.send("one")
        await finish(session)
        session.send("tell me")
        for _ in range(20):
            await asyncio.sleep(0)
        session.stop()
        await finish(session)
        stopped = session.selected_node()
        assert stopped is not None and stopped.status is NodeStatus.STOPPED
        (turn,) = session.continue_answer(stopped.id)
        assert turn.node.parent_id == stopped.id and is_continuation(turn.node)
        await finish(session)

    run(scenario())
    request = script.requests[-1]
    assert CONTINUE_PROMPT in str(request["input"]) and "Half" in str(request["input"])
    node = session.selected_node()
    assert node is not None and is_continuation(store.load_nodes(node.conversation_id)[-1])
