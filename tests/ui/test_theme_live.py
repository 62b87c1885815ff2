"""The theme changes live: following the system's colour scheme, and the transcript re-rendered in it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from desktop_chat.ui import theme
from tests.rich_sample import rich_path
from tests.views import shown_transcript


@pytest.fixture
def system_theme(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """The "system" theme with a system whose scheme the test sets (offscreen Qt has none)."""
    dark = [False]
    monkeypatch.setattr(theme, "system_is_dark", lambda app: dark[0])
    theme.apply(qapp, "system")
    yield dark
    theme.apply(qapp, "system")


def window_colour(app: QApplication) -> str:
    return app.palette().color(QPalette.ColorRole.Window).name()


def test_the_system_scheme_is_followed_live(qapp: QApplication, system_theme: list[bool]) -> None:
    assert not theme.is_dark(qapp)
    system_theme[0] = True
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert (
        theme.is_dark(qapp)
        and window_colour(qapp) == theme.dark_palette().color(QPalette.ColorRole.Window).name()
    )
    system_theme[0] = False
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not theme.is_dark(qapp)


def test_a_chosen_theme_ignores_the_system(qapp: QApplication, system_theme: list[bool]) -> None:
    theme.apply(qapp, "light")
    system_theme[0] = True
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not theme.is_dark(qapp)


def test_the_transcript_and_toned_labels_change_with_the_theme(
    qtbot: Any, qapp: QApplication, system_theme: list[bool]
) -> None:
    view = shown_transcript(qtbot, 900, 600)
    path = rich_path()
    view.show_path(path)
    label = QLabel("⚠ failed")
    qtbot.addWidget(label)
    theme.set_tone(label, "error")
    failed = view.document().find("The server closed the connection.")
    assert failed.charFormat().foreground().color().name() == theme.LIGHT.error
    system_theme[0] = True
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    # the view renders the same path again, in the dark scheme's colours, once the change reached it
    qtbot.waitUntil(
        lambda: (
            view.document().find("The server closed the connection.").charFormat().foreground().color().name()
            == theme.DARK.error
        ),
        timeout=5_000,
    )
    assert theme.DARK.code_bg in view.document().defaultStyleSheet()
    assert "Binary search" in view.rendered_text() and "It returned" in view.rendered_text()
    assert theme.DARK.error in label.styleSheet()


def test_the_frame_paints_in_the_scheme_last_seen_then_checks_it(
    qapp: QApplication, system_theme: list[bool], tmp_path: Any
) -> None:
    """Start-up does not ask Qt for the scheme before the first paint (that builds the whole `Qt`
    namespace): it uses the one seen last time, and corrects it after the paint."""
    from desktop_chat.ui.window_prefs import WindowPrefs

    prefs = WindowPrefs(tmp_path)
    system_theme[0] = True
    prefs.apply(qapp)  # nothing seen yet: asked at once
    assert theme.is_dark(qapp)
    prefs.confirm_system_scheme(qapp)  # remembered: dark
    system_theme[0] = False  # the system turned light while the app was closed
    WindowPrefs(tmp_path).apply(qapp)
    assert theme.is_dark(qapp)  # the first paint: as last seen
    WindowPrefs(tmp_path).confirm_system_scheme(qapp)
    assert not theme.is_dark(qapp)  # corrected after the paint
    system_theme[0] = True
    WindowPrefs(tmp_path).apply(qapp)
    assert not theme.is_dark(qapp)  # and light is what is remembered now
