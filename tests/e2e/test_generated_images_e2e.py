"""Image generation and the generation settings in the real window against the emulator: the partial
image shows while the image is made, the finished image replaces it, "Use in the next prompt" attaches
it to the next question; verbosity, service tier and the prompt cache key reach the server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from desktop_chat.core.content.generated_images import generated_images
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App, bodies, env  # noqa: F401  (env is a fixture)
from tests.e2e.test_mcp_e2e import click, hrefs
from tests.e2e.test_rich_e2e import open_settings

pytestmark = pytest.mark.e2e


def html(app: App) -> str:
    return str(app.window.transcript_pane.view.toHtml())


def test_a_generated_image_streams_shows_and_goes_into_the_next_prompt(
    env: None,  # noqa: F811
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await open_settings(
            app,
            {
                "settings_model": "gpt-5-mini",
                "settings_image_generation": True,
                "settings_verbosity": "low",
                "settings_service_tier": "flex",
            },
        )
        emulator.hold_streams()
        app.type_and_send("a red fox")
        await wait_until(lambda: "desktop-chat-partial:" in html(app), 15, "the partial image")
        assert "Generating the image… (partial image 1)" in app.transcript()
        assert app.window.statusBar().currentMessage() == "Generating an image…"
        emulator.release_streams()
        await wait_until(lambda: app.window.active is None, 15, "the answer")
        assert app.window.statusBar().currentMessage() == ""  # nothing once the image is done

        node = app.window.tree.get(app.window.selected_node_id())
        (image,) = generated_images(node.output_items)
        source = f"desktop-chat-generated:{image.sha256}"
        assert source in html(app) and "desktop-chat-partial:" not in html(app)
        shown = app.window.transcript_pane.view.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(source)
        )
        assert isinstance(shown, QImage) and (shown.width(), shown.height()) == (64, 64)
        assert "Generated an image of “a red fox”." in app.transcript()
        assert "Use in the next prompt · Save image…" in app.transcript()
        body = bodies(emulator)[-1]
        assert body["tools"] == [{"type": "image_generation", "partial_images": 2}]
        assert body["text"] == {"verbosity": "low"} and body["service_tier"] == "flex"
        assert body["prompt_cache_key"] == app.window.conversation.id

        (use,) = hrefs(app, "image-use:")
        click(app, use)
        chips = app.window.composer_pane.attachments.attachments()
        assert [a.sha256 for a in chips] == [image.sha256]
        await app.send("what is in it?")
        assert "Attachments: 1 image(s)" in app.transcript()
        sent = bodies(emulator)[-1]["input"]
        parts = [p for item in sent if isinstance(item.get("content"), list) for p in item["content"]]
        assert any(
            p.get("type") == "input_image" and p["image_url"].startswith("data:image/png;base64,")
            for p in parts
        )
        await app.close()

    arun(scenario(), timeout=120)
