"""Widgets shown the way the UI tests use them."""

from __future__ import annotations

from typing import Any

from desktop_chat.ui.transcript.transcript import TranscriptView


def shown_transcript(qtbot: Any, width: int = 600, height: int = 500) -> TranscriptView:
    """A TranscriptView of that size, shown and exposed (closed with the test)."""
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view
