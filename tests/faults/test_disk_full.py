"""A disk that fills while an answer streams: the first failed save is said at once, the answer goes on
in memory (it can be read and copied) and is saved when there is room again, with its real status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.core.conversation.store import Store
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App
from tests.faults.test_bad_data_dir import fill_the_disk, free_the_disk

pytestmark = pytest.mark.e2e


def test_a_full_disk_is_said_at_once_and_the_answer_is_saved_when_room_comes_back(
    emulator: Any, tmp_path: Path, qtbot: Any, arun: Any, monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-disk-full")

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        window = app.window
        await app.send("Saved before the disk filled")
        app.type_and_send("A long answer [[words:1500]] [[delay:2]]")
        await wait_until(lambda: window.active is not None, 10, "the turn to start")
        node = window.session.tree.get(window.session.selected_node_id)
        await wait_until(lambda: len(node.output_text) > 200, 20, "some of the answer")
        fill_the_disk(window.store)
        # said while the answer still streams, not when it ends
        await wait_until(lambda: "could not be saved" in window.banner.text(), 20, "the notice")
        assert window.active is not None and window.banner.isVisible()
        await wait_until(lambda: window.active is None, 60, "the answer to end")
        assert node.status is NodeStatus.FAILED and "could not be saved yet" in (node.error or "")
        assert node.output_text.endswith(".") and len(node.output_text) > 5000  # all of it, in memory
        free_the_disk(window.store)
        await wait_until(lambda: "saved now" in window.banner.text(), 15, "the retried save")
        assert node.status is NodeStatus.COMPLETED and node.error is None
        await app.close()
        store = Store(database_path(tmp_path))
        saved = {n.id: n for c in store.list_conversations() for n in store.load_nodes(c.id)}
        store.close()
        assert saved[node.id].status is NodeStatus.COMPLETED
        assert saved[node.id].output_text == node.output_text

    arun(scenario(), timeout=120)
