"""Open a response by id, delete a subtree, compact a branch: the real window against the emulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from desktop_chat.core.api import remote
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.emulator import parse_context
from desktop_chat.emulator.answers import parse_compaction
from desktop_chat.ui.tree import tree_actions
from desktop_chat.ui.tree.tree_model import ConversationTreeModel
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App, bodies

pytestmark = pytest.mark.e2e


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def requests_to(emulator: Any, method: str, suffix: str = "") -> list[Any]:
    return [r for r in emulator.requests if r.method == method and r.path.endswith(suffix)]


def button(box: Any, name: str) -> QPushButton:
    found = box.findChild(QPushButton, name)
    assert found is not None, name
    return found


async def select(app: App, node_id: str) -> None:
    app.window.select_node(node_id)
    assert app.window.selected_node_id() == node_id


# -- open by id ------------------------------------------------------------------------------------
def test_open_a_response_by_id_then_continue_from_it_and_branch_earlier(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        for text in ("Alpha", "Beta"):
            await app.send(text)
        last = await app.send("Gamma")
        first_conversation = app.window.conversation.id

        dialog = tree_actions.request_open_by_id(app.window)
        assert dialog.objectName() == "open_by_id_dialog" and dialog.isVisible()
        assert not dialog.open_button.isEnabled()  # nothing typed yet
        QTest.keyClicks(dialog.input, "resp_doesnotexist")
        QTest.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: dialog.error.isVisible(), 10, "the error in the dialog")
        assert "no stored response with id resp_doesnotexist" in dialog.error.text()
        assert dialog.isVisible() and app.window.conversation.id == first_conversation

        dialog.input.clear()
        QTest.keyClicks(dialog.input, last.response_id)
        QTest.keyClick(dialog.input, Qt.Key.Key_Return)
        await wait_until(lambda: app.window.conversation.id != first_conversation, 10, "the opened one")
        assert app.window.conversations.conversation_model.rowCount() == 2
        assert app.window.conversation.title == "Alpha"
        opened = app.window.tree.get(app.window.selected_node_id())
        assert opened.response_id == last.response_id and opened.status is NodeStatus.COMPLETED
        assert [n.user_text for n in app.window.tree.path_to(opened.id)] == ["Alpha", "Beta", "Gamma"]
        assert "Opened from the server by its response id" in app.transcript()
        assert "You said: Beta" in app.transcript()
        assert requests_to(emulator, "GET", f"/responses/{last.response_id}")
        pages = requests_to(emulator, "GET", f"/responses/{last.response_id}/input_items")
        assert len(pages) == 1 and pages[0].query["order"] == "asc"

        # continuing from it chains on the server
        delta = await app.send("Delta")
        assert bodies(emulator)[-1]["previous_response_id"] == last.response_id
        assert parse_context(delta.output_text) == ["Alpha", "Beta", "Gamma", "Delta"]
        # a branch from a rebuilt earlier turn (no response id of its own) replays the history
        alpha = app.window.tree.path_to(delta.id)[0]
        await select(app, alpha.id)
        other = await app.send("Other")
        assert "previous_response_id" not in bodies(emulator)[-1]
        assert parse_context(other.output_text) == ["Alpha", "Other"]
        assert other.context_mode == "replay"
        await app.close()

        again = App(tmp_path, emulator.base_url, qtbot)  # the opened conversation was saved
        assert again.window.conversations.conversation_model.rowCount() == 2 and again.node_count() == 5
        await again.close()

    arun(scenario(), timeout=120)


def test_opening_needs_a_connection(env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)  # not connected yet
        with pytest.raises(remote.RemoteError, match="Still connecting"):
            await tree_actions.open_by_id(app.window, "resp_x")
        assert emulator.requests == []
        await app.close()

    arun(scenario(), timeout=60)


# -- delete ------------------------------------------------------------------------------------------
def test_delete_a_subtree_on_the_server_then_one_locally_through_the_confirmation(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        root = await app.send("Root")
        a = await app.send("Child A")
        a2 = await app.send("Grandchild A2")
        await select(app, root.id)
        b = await app.send("Child B")
        await select(app, a.id)
        persistent_b = QPersistentModelIndex(app.window.tree_pane.tree_model.index_for(b.id))
        assert persistent_b.row() == 1

        # Cancel changes nothing
        box = tree_actions.request_delete(app.window)
        assert box is not None and box.objectName() == "delete_confirm_dialog"
        assert (
            "and the 1 turn(s) that follow" in box.text() and "2 of them are stored" in box.informativeText()
        )
        button(box, "delete_cancel_button").click()
        assert app.node_count() == 4 and requests_to(emulator, "DELETE") == []

        box = tree_actions.request_delete(app.window)
        assert box is not None
        button(box, "delete_server_button").click()
        await wait_until(lambda: "stored response(s) on the server" in app.window.banner.text(), 10)
        assert app.window.banner.text() == "Deleted 2 turns locally and 2 stored response(s) on the server."
        deleted = {r.path.rsplit("/", 1)[1] for r in requests_to(emulator, "DELETE")}
        assert deleted == {a.response_id, a2.response_id}
        assert app.window.selected_node_id() == root.id  # the selection moved to the parent
        assert [n.id for n in app.window.tree.children(root.id)] == [b.id]
        # the fork is gone: the outline lists the root and its one reply flat, one after the other
        assert app.window.tree_pane.tree_model.visual_children(None) == [root.id, b.id]
        assert persistent_b.isValid() and persistent_b.row() == 1 and not persistent_b.parent().isValid()
        assert app.window.tree_pane.tree_view.current_node_id() == root.id
        assert "Child A" not in app.transcript()

        # the other branch: locally only, the server keeps its response
        await select(app, b.id)
        box = tree_actions.request_delete(app.window)
        assert box is not None
        button(box, "delete_local_button").click()
        await wait_until(lambda: app.window.banner.text() == "Deleted 1 turn locally.", 10)
        assert len(requests_to(emulator, "DELETE")) == 2 and app.node_count() == 1
        assert emulator.context_of(b.response_id)  # still stored
        again_after = await app.send("Still chains")
        assert bodies(emulator)[-1]["previous_response_id"] == root.response_id
        assert parse_context(again_after.output_text) == ["Root", "Still chains"]
        await app.close()

        again = App(tmp_path, emulator.base_url, qtbot)
        assert again.node_count() == 2
        assert {n.user_text for n in again.window.tree.nodes()} == {"Root", "Still chains"}
        await again.close()

    arun(scenario(), timeout=120)


def test_server_failures_are_reported_and_the_local_delete_stands(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        first = await app.send("One")
        second = await app.send("Two")
        await app.send("Three")
        emulator.forget(second.response_id)  # already gone: not an error
        emulator.fail_next("http_403", endpoint="delete")
        await select(app, first.id)
        report = await tree_actions.delete_selected(app.window, on_server=True)
        assert report is not None and report.deleted_locally == 3
        assert len(report.server_results) == 3 and len(report.server_failures) == 1
        banner = app.window.banner.text()
        assert banner.startswith("Deleted 3 turns locally. 1 of 3 stored response(s) could not be deleted")
        assert "Access denied (403)" in banner
        assert len(requests_to(emulator, "DELETE")) == 3
        # the conversation is empty and consistent: nothing shown, nothing stored, a new root works
        assert app.node_count() == 0 and app.window.selected_node_id() is None
        assert app.window.tree_pane.tree_model.rowCount() == 0
        assert app.window.store.load_nodes(app.window.conversation.id) == []
        assert "One" not in app.transcript()
        fresh = await app.send("Fresh start")
        assert fresh.parent_id is None and "previous_response_id" not in bodies(emulator)[-1]
        await app.close()

    arun(scenario(), timeout=120)


def test_a_streaming_branch_is_not_deleted_and_without_a_server_only_local_is_offered(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        root = await app.send("Root")
        emulator.hold_streams()
        app.type_and_send("Long [[words:300]]")
        await wait_until(lambda: app.node_count() == 2, 10)
        await select(app, root.id)
        assert await tree_actions.delete_selected(app.window, on_server=False) is None
        assert "still streaming" in app.window.banner.text() and app.node_count() == 2
        app.window.session.stop()
        await wait_until(lambda: app.window.active is None, 10, "the stream to stop")
        emulator.release_streams()

        backend = app.window.backend
        app.window.backend = None  # e.g. reconnecting after a settings change
        box = tree_actions.request_delete(app.window)
        assert box is not None
        assert not button(box, "delete_server_button").isEnabled()
        assert "Not connected to a server" in box.informativeText()
        button(box, "delete_cancel_button").click()
        report = await tree_actions.delete_selected(app.window, on_server=True)
        assert report is not None and report.server_skipped
        assert "not deleted: not connected" in app.window.banner.text()
        assert requests_to(emulator, "DELETE") == []
        app.window.backend = backend
        await app.close()

    arun(scenario(), timeout=120)


# -- compact -----------------------------------------------------------------------------------------
def test_compact_a_branch_shows_tokens_and_becomes_a_node(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        for text in ("First [[words:150]]", "Second [[words:150]]"):
            await app.send(text)
        last = await app.send("Third [[words:150]]")

        task = tree_actions.request_compact(app.window)
        assert task is not None
        compacted = await task
        assert compacted is not None and remote.is_compaction(compacted)
        assert compacted.parent_id == last.id and app.window.selected_node_id() == compacted.id
        request = requests_to(emulator, "POST", "/responses/compact")[-1]
        assert request.body == {"model": "gpt-4.1-mini", "previous_response_id": last.response_id}
        assert requests_to(emulator, "POST", "/responses/input_tokens")
        banner = app.window.banner.text()
        assert banner.startswith("Compacted 3 turns: ") and "tokens" in banner
        before, after = (
            int(n.replace(",", "")) for n in banner.split(": ")[1].split(" tokens")[0].split(" → ")
        )
        assert before > 4 * after > 0
        label = app.window.tree_pane.tree_model.data(app.window.tree_pane.tree_model.index_for(compacted.id))
        assert label.startswith("⇣ Compacted 3 turns")
        assert "Compacted 3 turns" in app.transcript()
        # nothing new to compact right after a compaction
        assert await tree_actions.compact_selected(app.window) is None
        assert "Nothing new to compact" in app.window.banner.text()
        await app.close()

        again = App(tmp_path, emulator.base_url, qtbot)  # kept across a restart
        kept = again.window.tree.get(compacted.id)
        assert remote.compaction_input(kept) == compacted.output_items
        await again.close()

    arun(scenario(), timeout=120)


def test_compacting_falls_back_to_the_local_history_and_reports_errors(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("One")
        last = await app.send("Two")
        emulator.fail_next("http_401", endpoint="compact")
        assert await tree_actions.compact_selected(app.window) is None
        assert "Compacting failed" in app.window.banner.text() and "API key" in app.window.banner.text()
        assert app.node_count() == 2

        emulator.forget(last.response_id)  # the server lost the branch: the local history is sent
        compacted = await tree_actions.compact_selected(app.window)
        assert compacted is not None and compacted.context_mode == "replay"
        lost, whole = requests_to(emulator, "POST", "/responses/compact")[-2:]
        assert lost.body["previous_response_id"] == last.response_id
        assert "previous_response_id" not in whole.body
        assert [i["role"] for i in whole.body["input"]] == ["user", "assistant", "user", "assistant"]
        assert app.window.banner.text().startswith("Compacted 2 turns")
        await app.close()

    arun(scenario(), timeout=120)


def test_new_turns_after_a_compaction_send_the_compacted_history(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        try:  # closed even when it fails as expected: no socket left open
            await app.connect()
            for text in ("First", "Second"):
                await app.send(text)
            compacted = await tree_actions.compact_selected(app.window)
            assert compacted is not None
            after = await app.send("After compaction?")
            body = bodies(emulator)[-1]
            assert "previous_response_id" not in body
            assert body["input"] == [*compacted.output_items, user_message("After compaction?")]
            assert parse_context(after.output_text) == ["First", "Second", "After compaction?"]
            assert parse_compaction(after.output_text) == (1, 2)
            onward = await app.send("And then?")
            assert bodies(emulator)[-1]["previous_response_id"] == after.response_id
            assert parse_compaction(onward.output_text) == (1, 2)
        finally:
            await app.close()

    arun(scenario(), timeout=120)


# -- the tree model follows removals ----------------------------------------------------------------
def test_tree_model_removes_rows_under_the_model_tester(qtmodeltester: Any, qtbot: Any) -> None:
    conversation = Conversation()
    shape = [("r", None), ("a", "r"), ("b", "r"), ("c", "r"), ("a1", "a"), ("r2", None)]
    nodes = [
        Node(conversation.id, p, [user_message(n)], id=n, created_at=i, status=NodeStatus.COMPLETED)
        for i, (n, p) in enumerate(shape)
    ]
    tree = ConversationTree(conversation.id, nodes)
    model = ConversationTreeModel()
    model.set_tree(tree)
    qtmodeltester.check(model)
    c_index = QPersistentModelIndex(model.index_for("c"))
    a1_index = QPersistentModelIndex(model.index_for("a1"))
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        tree.remove_subtree("a")
    assert removed.args[1:] == [0, 0] and model.node_id(removed.args[0]) == "r"
    assert not a1_index.isValid() and c_index.row() == 1 and model.node_id(c_index) == "c"
    assert [model.index(row, 0, model.index_for("r")).data() for row in range(2)] == ["b", "c"]
    qtmodeltester.check(model)
    tree.remove_subtree("r")
    assert model.rowCount() == 1 and model.index(0, 0).data() == "r2"
    tree.insert(Node(conversation.id, "r2", [user_message("new")], id="n", status=NodeStatus.COMPLETED))
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == ["r2", "new"]  # a flat list
    qtmodeltester.check(model)
