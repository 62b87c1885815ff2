"""Languages, themes, personas, the shortcut list and remembered layout, on the real window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config import personas
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui import i18n, theme
from desktop_chat.ui.window_prefs import FILE_NAME, WindowPrefs


@pytest.fixture
def make_window(tmp_path: Path, qtbot: Any, qapp: Any) -> Iterator[Any]:
    windows: list[Any] = []

    def make(**look: str) -> Any:
        prefs = WindowPrefs(tmp_path)  # where the theme and the language are kept (window.ini)
        for key, value in look.items():
            setattr(prefs, key, value)
        window, _ = create_window(
            parse_args(["--data-dir", str(tmp_path), "--base-url", "http://127.0.0.1:9/v1"])
        )
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    i18n.switch(qapp, "en")  # while the windows are open: they follow it, as they would in use
    for window in windows:
        window.close()
        window.store.close()
    theme.apply(qapp, "system")


def menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


@pytest.mark.parametrize(
    ("language", "file_menu", "send"),
    [("ko", "파일(&F)", "보내기"), ("zh_CN", "文件(&F)", "发送"), ("en", "&File", "Send")],
)
def test_the_ui_speaks_the_chosen_language(
    make_window: Any, language: str, file_menu: str, send: str
) -> None:
    window = make_window(language=language)
    assert menu_titles(window)[0] == file_menu
    assert window.composer_pane.send_button.text() == send
    assert window.findChild(QAction, f"action_language_{language}").isChecked()


def test_system_language_is_followed() -> None:
    assert i18n.resolve("system", "ko_KR") == "ko"
    assert i18n.resolve(None, "zh_TW") == "zh_CN"
    assert i18n.resolve("system", "de_DE") == "en"
    assert i18n.resolve("ko", "en_US") == "ko"


def test_choosing_a_language_is_kept_for_the_next_start(make_window: Any) -> None:
    window = make_window()
    window.findChild(QAction, "action_language_ko").trigger()
    assert menu_titles(window)[0] == "파일(&F)"  # at once, and at the next start
    window.close()
    window.store.close()
    again = make_window()
    assert menu_titles(again)[0] == "파일(&F)"


def test_dark_theme_applies_and_is_remembered(make_window: Any) -> None:
    window = make_window()
    window.findChild(QAction, "action_theme_dark").trigger()
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    window.close()
    window.store.close()
    theme.apply(app, "system")
    again = make_window()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert again.findChild(QAction, "action_theme_dark").isChecked()
    again.findChild(QAction, "action_theme_light").trigger()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() >= 128


def test_shortcut_list_names_every_shortcut(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.findChild(QAction, "action_shortcuts").trigger()
    dialog = window.shortcuts_dialog
    shown = dialog.shown_rows()
    rows = {text: keys for _, text, keys in shown}
    assert rows["Send"] == "Ctrl+Return" and rows["Keyboard shortcuts"] == "Ctrl+/"
    assert rows["Edit prompt"] == "Ctrl+E" and rows["Open response by id…"] == "Ctrl+Shift+O"
    assert "Del" in rows["Delete turn and what follows…"]
    groups = {text: group for group, text, _ in shown}  # grouped by task (the menu), in menu order
    assert groups["Send"] == "Chat" and groups["New conversation"] == "File" and groups["Parent"] == "Go"
    assert groups["Fit graph to view"] == "View"
    dialog.findChild(QLineEdit, "shortcuts_filter").setText("graph")
    narrowed = dialog.shown_rows()
    assert {text for _, text, _ in narrowed} == {
        "Graph / outline",
        "Zoom graph in",
        "Zoom graph out",
        "Fit graph to view",
    }
    dialog.findChild(QLineEdit, "shortcuts_filter").setText("ctrl+shift+i")
    assert [text for _, text, _ in dialog.shown_rows()] == ["Context inspector…"]


def test_every_feature_is_in_a_menu_with_its_shortcut(make_window: Any) -> None:
    window = make_window()
    in_menus = {
        action.text().replace("&", ""): action.shortcut().toString()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    }
    assert in_menus["Context inspector…"] == "Ctrl+Shift+I"
    assert in_menus["Regenerate with…"] == "Ctrl+Shift+R"
    assert in_menus["Fan out variants…"] == "Ctrl+Shift+F"
    assert in_menus["Compare with siblings"] == "Ctrl+Shift+C"
    assert in_menus["Fit graph to view"] == "Ctrl+0"
    assert in_menus["Zoom graph in"] == "Ctrl+="


def test_window_geometry_and_splitters_are_remembered(make_window: Any) -> None:
    window = make_window()
    window.resize(700, 500)
    window.main_split.setSizes([250, 450])  # the right side's least width (composer, model picker) fits
    window.close()
    window.store.close()
    again = make_window()
    assert again.size().width() == 700 and again.size().height() == 500
    assert abs(again.main_split.sizes()[0] - 250) <= 2


def test_a_look_kept_in_the_database_by_an_older_version_is_adopted(make_window: Any, tmp_path: Path) -> None:
    old_window = make_window()
    old_window.resize(640, 480)
    geometry = bytes(old_window.saveGeometry().toBase64().data()).decode()
    old_window.close()
    old_window.store.close()
    (tmp_path / FILE_NAME).unlink()
    store = Store(database_path(tmp_path))  # what versions before window.ini wrote
    store.set_setting("theme", "dark")
    store.set_setting("language", "ko")
    store.set_setting("window_layout", {"geometry": geometry, "main_split": [250, 500], "tab": 1})
    store.close()

    window = make_window()
    assert menu_titles(window)[0] == "파일(&F)" and window.composer_pane.send_button.text() == "보내기"
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert (window.size().width(), window.size().height()) == (640, 480)
    assert window.tree_pane.tree_tabs.currentIndex() == 1
    assert (window.prefs.theme, window.prefs.language) == ("dark", "ko")
    window.findChild(QAction, "action_theme_light").trigger()
    window.close()
    window.store.close()
    again = make_window()  # adopted once: the database's old "dark" does not come back
    assert again.findChild(QAction, "action_theme_light").isChecked()


def test_unreadable_window_prefs_read_as_defaults(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(
        b"[General]\ntheme=purple\nlanguage=\xff\xfe\ngeometry=nonsense\nmain_split=a, b\ntab=7\n"
    )
    prefs = WindowPrefs(tmp_path)
    assert (prefs.theme, prefs.language, prefs.geometry, prefs.tab) == ("system", "system", None, None)
    assert prefs.splitter_sizes("main_split") is None and prefs.splitter_sizes("left_split") is None


def test_personas_ship_per_language_and_apply_to_the_conversation(make_window: Any) -> None:
    window = make_window(language="ko")
    names = [p.name for p in window.persona_menu.personas()]
    assert names == [p.name for p in personas.shipped("ko")] and "번역가" in names
    window.persona_menu.use(window.persona_menu.personas()[2])
    assert window.session.pending_override["instructions"] == personas.shipped("ko")[2].instructions
    window.persona_menu.use(None)
    assert "instructions" not in window.session.pending_override


def test_persona_library_is_saved_and_validated(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    mine = [personas.Persona("Poet", "Answer in verse."), personas.Persona("시인", "시로 답하세요.")]
    personas.save(store, mine)
    assert personas.load(store, "en") == mine
    with pytest.raises(ValueError):
        personas.save(store, [personas.Persona("A", "x"), personas.Persona("A", "y")])
    with pytest.raises(ValueError):
        personas.save(store, [personas.Persona(" ", "x")])
    store.close()


def test_switching_to_the_graph_keeps_the_sidebar_width(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    before = window.main_split.sizes()
    window.findChild(QAction, "action_toggle_graph").trigger()
    assert window.tree_pane.graph_shown()
    QApplication.processEvents()
    assert window.main_split.sizes() == before
    assert window.statusBar().isVisible() and window.statusBar().geometry().bottom() < window.height()
    window.findChild(QAction, "action_toggle_graph").trigger()
    QApplication.processEvents()
    assert window.main_split.sizes() == before
