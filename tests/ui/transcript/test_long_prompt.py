"""A long prompt shows its start and "Show all"; the whole text opens in a viewer of its own."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
from desktop_chat.ui.transcript.long_prompt import SHOWN_CHARS, LongTextDialog
from tests.views import shown_transcript

LONG = "".join(f"pasted line {i}\n" for i in range(20_000))  # ~300k characters


def test_a_long_prompt_shows_its_start_and_opens_whole(qtbot: Any) -> None:
    view = shown_transcript(qtbot)
    node = Node(
        conversation_id="c",
        parent_id=None,
        input_items=[user_message(LONG)],
        output_text="ok",
        status=NodeStatus.COMPLETED,
    )
    view.show_path([node])
    shown = view.rendered_text()
    assert "pasted line 0\n" in shown and "pasted line 19999" not in shown
    assert f"{len(LONG) - SHOWN_CHARS:,} more characters" in shown and "Show all" in shown
    view._open_link(QUrl(f"show-all:{node.id}"))
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, LongTextDialog) and w.isVisible()]
    qtbot.addWidget(dialog)
    assert dialog.viewer.toPlainText() == LONG
    dialog.close()


def test_a_short_prompt_is_shown_whole(qtbot: Any) -> None:
    view = shown_transcript(qtbot)
    node = Node(conversation_id="c", parent_id=None, input_items=[user_message("short and sweet")])
    view.show_path([node])
    assert "short and sweet" in view.rendered_text() and "Show all" not in view.rendered_text()
