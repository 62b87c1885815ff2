"""Text contrast (WCAG AA, 4.5:1) in both themes, measured on what is drawn: the transcript with every
kind of content, the window's panes, and the dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.conversation.model import ChatParams
from desktop_chat.core.conversation.store import open_store
from desktop_chat.ui import theme
from desktop_chat.ui.dialogs.key_dialog import KeyDialog
from desktop_chat.ui.dialogs.profiles_dialog import ProfilesDialog
from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog
from desktop_chat.ui.transcript.transcript import TranscriptView
from tests.rich_sample import rich_path
from tests.ui.contrast import palette_problems, transcript_problems, widget_problems
from tests.views import shown_transcript


@pytest.fixture(params=["light", "dark"])
def scheme(request: Any, qapp: QApplication) -> Iterator[str]:
    theme.apply(qapp, request.param)
    yield request.param
    theme.apply(qapp, "system")


def grab_whole(qtbot: Any, view: TranscriptView) -> Any:
    """The transcript made as tall as its document, grabbed: every line is measured."""
    view.document().documentLayout().blockBoundingRect(view.document().lastBlock())
    view.resize(view.width(), int(view.document().size().height()) + 40)
    qtbot.wait(20)
    return view.viewport().grab().toImage()


def test_the_palette_pairs_item_views_use(scheme: str, qapp: QApplication) -> None:
    assert palette_problems(qapp) == []


def test_every_run_of_transcript_text(qtbot: Any, scheme: str) -> None:
    view = shown_transcript(qtbot, 1000, 600)
    view.reasoning_open = {}  # finished: reasoning collapsed; expand the first to measure it too
    path = rich_path()
    view.reasoning_open[path[0].id] = True
    view.show_path(path)
    problems, measured = transcript_problems(view, grab_whole(qtbot, view))
    assert measured > 60, measured
    assert problems == []


def test_the_window_and_its_panes(qtbot: Any, scheme: str, tmp_path: Path) -> None:
    window, _ = create_window(
        parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"])
    )
    qtbot.addWidget(window)
    window.resize(1280, 820)
    window.show()
    qtbot.waitExposed(window)
    window.show_notice("A notice in the banner: the server had lost this branch.")
    window.transcript_pane.view.show_path(rich_path())
    window.transcript_pane.show_transcript()
    qtbot.wait(20)
    problems, measured = widget_problems(window)
    try:
        assert measured > 8, measured
        assert problems == []
        transcript = window.transcript_pane.view
        more, count = transcript_problems(transcript, transcript.viewport().grab().toImage())
        assert count > 10 and more == []
    finally:
        window.close()
        window.store.close()


def dialogs(tmp_path: Path) -> list[QWidget]:
    key = KeyDialog()
    key.problem.setText("The address must start with http:// or https://")
    key.problem.show()
    settings = SettingsDialog(ChatParams(), None, "https://example.com/v1")
    settings.errors.setText("Temperature must be a number")
    settings.errors.show()
    store, _ = open_store(tmp_path / "store.db")
    profiles = ProfilesDialog(store)
    return [key, settings, profiles]


def test_the_dialogs(qtbot: Any, scheme: str, tmp_path: Path) -> None:
    for dialog in dialogs(tmp_path):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        problems, measured = widget_problems(dialog)
        assert measured > 2, (dialog.objectName(), measured)
        assert problems == [], dialog.objectName()
