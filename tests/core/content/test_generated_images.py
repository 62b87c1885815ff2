"""Generated images: partial images shown while the image is made, the finished one kept by hash in
the attachment folder (no image bytes in the answer's stored items), sent again as base64 by a replay,
and exported with the conversation."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path
from typing import Any

from desktop_chat.core.api.providers.responses import stream_response
from desktop_chat.core.content.attachments import AttachmentStore, with_attachments
from desktop_chat.core.content.generated_images import generated_images, png_size, with_generated_images
from desktop_chat.core.conversation.model import ChatParams, Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.turns import TurnRunner
from desktop_chat.emulator import Emulator
from desktop_chat.emulator.image_tool import png
from tests.core.session.test_turns import MemoryStore
from tests.emulator.helpers import client


class Watcher:
    """A listener that keeps what the answer showed as it streamed: the partial images."""

    def __init__(self) -> None:
        self.partials: list[int] = []

    def turn_started(self, node: Node) -> None: ...
    def turn_activity(self, node: Node, text: str) -> None: ...
    def turn_finished(self, node: Node) -> None: ...

    def turn_progress(self, node: Node) -> None:
        for image in generated_images(node.output_items):
            if image.partial_b64 and image.partial_index not in self.partials:
                self.partials.append(image.partial_index)


def test_an_image_streams_partials_is_kept_by_hash_and_replayed_as_base64(
    emulator: Emulator, tmp_path: Path
) -> None:
    folder = tmp_path / "attachments"
    conv = Conversation()
    tree = ConversationTree(conv.id)
    watcher = Watcher()

    async def go() -> list[Node]:
        async with client(emulator.base_url) as sdk:
            stream = with_generated_images(
                with_attachments(lambda r: stream_response(sdk, r), folder), folder
            )
            runner = TurnRunner(MemoryStore(), stream, watcher)
            params = ChatParams(model="gpt-5-mini", image_generation=True)
            first = await runner.run(tree, conv, None, [user_message("a red fox")], params)
            plain = ChatParams(model="gpt-5-mini")
            second = await runner.run(tree, conv, first.id, [user_message("again")], plain, prefer=_replay())
            return [first, second]

    first, _second = asyncio.run(asyncio.wait_for(go(), 30))
    assert watcher.partials == [0, 1]  # two rougher versions were shown before the image
    assert first.status is NodeStatus.COMPLETED
    assert first.output_text.startswith("Generated an image of “a red fox”.")
    (image,) = generated_images(first.output_items)
    assert image.sha256 and not image.partial_b64 and (image.width, image.height) == (64, 64)
    stored = AttachmentStore(folder).read(image.sha256)
    assert stored == png("a red fox") and png_size(stored) == (64, 64)
    assert "iVBOR" not in str(first.output_items)  # no image bytes in the stored answer
    body = [r.body for r in emulator.requests if r.path == "/v1/responses" and r.body is not None][-1]
    assert "tools" not in body  # the second turn did not ask for an image
    (replayed,) = [i for i in body["input"] if i.get("type") == "image_generation_call"]
    assert base64.b64decode(replayed["result"]) == stored and "desktop_chat" not in replayed


def _replay() -> Any:
    from desktop_chat.core.conversation.model import ContextMode

    return ContextMode.REPLAY


def test_an_export_carries_the_generated_images(tmp_path: Path) -> None:
    from desktop_chat.core.content.generated_images import keep_generated
    from desktop_chat.core.conversation.store import Store
    from desktop_chat.core.interchange.export import export_json
    from desktop_chat.core.interchange.markdown_export import export_markdown

    folder = AttachmentStore(tmp_path / "attachments")
    data = png("a boat")
    item = {"type": "image_generation_call", "id": "ig_1", "status": "completed"}
    items = keep_generated([{**item, "result": base64.b64encode(data).decode()}], folder)
    store = Store(tmp_path / "chats.sqlite3")
    conv = Conversation()
    store.save_conversation(conv)
    node = Node(conv.id, None, [user_message("draw")], output_items=items, status=NodeStatus.COMPLETED)
    node.output_text = "Here it is."
    store.insert_node(node)
    exported = export_json(store, attachments_root=tmp_path / "attachments")
    (sha,) = exported["attachments"]
    assert base64.b64decode(exported["attachments"][sha]["data"]) == data
    assert exported["attachments"][sha]["mime"] == "image/png"
    assert f"*[generated image: {sha[:12]}… (image/png)]*" in export_markdown(store)
    store.close()


def test_an_answer_that_is_only_an_image_is_context_for_the_next_turn() -> None:
    from desktop_chat.core.api.context import is_context

    item = {
        "type": "image_generation_call",
        "id": "ig_1",
        "status": "completed",
        "result": "attachment:" + "a" * 64,
    }
    node = Node("c", None, [user_message("draw")], output_items=[item], status=NodeStatus.COMPLETED)
    assert is_context(node)
    assert not is_context(Node("c", None, [user_message("draw")], status=NodeStatus.COMPLETED))
