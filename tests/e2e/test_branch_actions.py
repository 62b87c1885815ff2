"""Edit and resend, regenerate, fan-out and compare, through the real window against the emulator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox

from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.emulator import parse_context
from tests.conftest import wait_until
from tests.dialogs import fill_modal
from tests.e2e.test_app_flows import App, bodies

pytestmark = pytest.mark.e2e


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-e2e-test-key")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def trigger(app: App, name: str) -> None:
    act = app.window.findChild(QAction, name)
    assert act is not None, name
    act.trigger()


def in_dialog(name: str, fill: Any) -> Any:
    """Fill the modal dialog `name` as soon as it opens (check the returned filler afterwards)."""
    return fill_modal(name, fill)


def child(dialog: Any, cls: type, name: str) -> Any:
    widget = dialog.findChild(cls, name)
    assert widget is not None, name
    return widget


def test_edit_prompt_makes_a_sibling_and_keeps_the_original(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        first = await app.send("Name a colour")
        second = await app.send("Another one")

        trigger(app, "action_edit")  # Ctrl+E: the editor opens in the transcript, over the prompt
        editor = child(app.window.transcript_pane, QPlainTextEdit, "inline_editor_text")
        assert editor.isVisible() and editor.toPlainText() == "Another one"
        editor.setPlainText("Name a fruit instead")
        QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(app.window.tree) == 3 and app.window.active is None)
        edited = app.window.selected_node()
        assert edited.parent_id == first.id and edited.id != second.id
        assert [n.id for n in app.window.tree.siblings(second.id)] == [second.id, edited.id]
        assert bodies(emulator)[-1]["previous_response_id"] == first.response_id
        assert parse_context(edited.output_text) == ["Name a colour", "Name a fruit instead"]
        assert app.window.tree.get(second.id).user_text == "Another one"
        await app.close()

    arun(scenario())


def test_regenerate_with_another_model_and_temperature(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        original = await app.send("Say something")

        def fill(dialog: Any) -> None:
            assert dialog.windowTitle() == "Regenerate with other settings"
            assert not child(dialog, QSpinBox, "fanout_count").isVisible()  # one answer: no count
            assert child(dialog, QPushButton, "fanout_ok").text() == "Regenerate"
            child(dialog, QComboBox, "fanout_model_0").setCurrentText("gpt-4.1")
            child(dialog, QLineEdit, "fanout_temperature_0").setText("1.5")
            child(dialog, QPushButton, "fanout_ok").click()

        filler = in_dialog("regenerate_dialog", fill)
        trigger(app, "action_regenerate_with")
        filler.check()
        await wait_until(lambda: len(app.window.tree) == 2 and app.window.active is None)
        body = bodies(emulator)[-1]
        assert (body["model"], body["temperature"]) == ("gpt-4.1", 1.5)
        assert "previous_response_id" not in body  # same input as the original, from the root
        regenerated = app.window.selected_node()
        assert regenerated.parent_id is None and regenerated.user_text == original.user_text
        assert regenerated.params["temperature"] == 1.5 and regenerated.model == "gpt-4.1"
        await app.close()

    arun(scenario())


def test_fan_out_streams_variants_concurrently_compares_them_and_stop_stops_all(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        root = await app.send("Write a haiku")
        await app.send("Make it longer [[words:300]]")
        emulator.hold_streams()

        def fill(dialog: Any) -> None:
            child(dialog, QSpinBox, "fanout_count").setValue(3)
            child(dialog, QLineEdit, "fanout_temperature_0").setText("0")
            child(dialog, QLineEdit, "fanout_temperature_1").setText("0.7")
            child(dialog, QLineEdit, "fanout_instructions_2").setText("You are a pirate.")
            child(dialog, QPushButton, "fanout_ok").click()

        filler = in_dialog("fan_out_dialog", fill)
        trigger(app, "action_fan_out")
        filler.check()
        # all three stream at the same time: each has text while the emulator holds every stream
        await wait_until(lambda: len(app.window.live) == 3, what="three live answers")
        live = list(app.window.live.values())
        await wait_until(lambda: all(n.output_text for n in live), what="a delta in each")
        assert all(n.status is NodeStatus.STREAMING for n in live)
        requests = bodies(emulator)[-3:]
        assert sorted(str(r.get("temperature")) for r in requests) == ["0.0", "0.7", "1.0"]
        assert {r["previous_response_id"] for r in requests} == {root.response_id}
        assert [r.get("instructions") for r in requests].count("You are a pirate.") == 1

        await wait_until(lambda: app.window.dialogs.compare_view is not None, what="the compare view")
        compare = app.window.dialogs.compare_view
        assert compare.isVisible() and len(compare.nodes) == 3
        assert "still streaming" in compare.summary.text()

        assert compare.stop_button.isEnabled()
        QTest.keyClick(compare, Qt.Key.Key_Escape)  # Esc in the compare view stops all of them
        await wait_until(lambda: app.window.active is None, what="all streams to stop")
        emulator.release_streams()
        assert all(n.status is NodeStatus.STOPPED and n.output_text for n in live)
        compare.refresh()
        assert "still streaming" not in compare.summary.text()
        assert compare.isVisible() and not compare.stop_button.isEnabled()
        assert "temperature 0.7" in compare.headers[1].text()
        assert "pirate" in compare.headers[2].text()
        assert compare.bodies[1].toPlainText().strip()
        await app.close()

    arun(scenario(), timeout=60)


def test_compare_siblings_shows_a_word_diff(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("Tell me about cats")
        app.window.new_conversation()
        await app.send("Tell me about dogs")
        # two roots in one conversation: the second prompt, edited
        first = app.window.selected_node()

        trigger(app, "action_edit")
        editor = child(app.window.transcript_pane, QPlainTextEdit, "inline_editor_text")
        editor.setPlainText("Tell me about wolves")
        QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: len(app.window.tree) == 2 and app.window.active is None)
        trigger(app, "action_compare")
        compare = app.window.dialogs.compare_view
        assert compare is not None and compare.nodes[0].id == first.id
        html = compare.bodies[1].toHtml()
        assert "line-through" in html and "wolves" in compare.bodies[1].toPlainText()
        assert "Similarity to the first" in compare.summary.text()
        go_on = child(compare, QPushButton, "compare_continue_0")
        assert go_on.text() == "Continue from this one"
        go_on.click()  # the first answer is chosen: selected in the main window, the composer focused
        assert app.window.selected_node().id == first.id
        assert app.window.tree_pane.tree_view.current_node_id() == first.id
        await wait_until(lambda: app.window.focusWidget() is app.window.composer, what="composer focus")
        await app.close()

    arun(scenario())


def test_graph_view_follows_the_tree_and_selects_like_the_outline(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        first = await app.send("Root question")
        second = await app.send("Follow-up")
        trigger(app, "action_toggle_graph")
        graph = app.window.tree_pane.graph_view
        assert app.window.tree_pane.tree_tabs.currentWidget() is graph
        await wait_until(lambda: {first.id, second.id} <= set(graph.cards()), what="cards for both nodes")
        with qtbot.waitSignal(graph.node_selected, timeout=5000):
            assert graph.move_to_parent()
        assert app.window.selected_node_id() == first.id
        assert "Follow-up" not in app.transcript()
        third = await app.send("Another branch")
        await wait_until(lambda: third.id in graph.cards(), what="a card for the new branch")
        assert (
            app.window.tree_pane.tree_model.rowCount(app.window.tree_pane.tree_model.index_for(first.id)) == 2
        )
        await app.close()

    arun(scenario())
