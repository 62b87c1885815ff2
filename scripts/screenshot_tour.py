"""A screenshot tour of the app: each view a new user meets, in light and dark, in English, Korean and
Chinese, at two window sizes, saved as OUT/<size>/<theme>-<language>-<view>.png.

    xvfb-run -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_tour.py OUT \\
        [--sizes 1400x900,900x600] [--themes light,dark] [--languages en,ko,zh_CN] [--views first_run,...]

Views: first_run (a new conversation: the greeting and example prompts), key_dialog (no key yet),
rich_answer (reasoning, math, code, a table, sources, tools, a failed turn), graph (1,200 turns fitted
to the pane: short labels, the legend and the minimap), model_picker (its list open), settings,
shortcuts, status_bar. Run from the repository root under a real X server (Xvfb): the model picker's
list is a window of its own, grabbed from the screen. Theme and language are switched live in one window.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_graph import build_nodes
from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import Conversation
from desktop_chat.core.conversation.store import open_store
from desktop_chat.core.session.turns import REPLAY_NOTICE
from desktop_chat.ui import i18n, theme
from desktop_chat.ui.event_loop import close_event_loop, create_event_loop
from desktop_chat.ui.main_window import MainWindow
from desktop_chat.ui.transcript import math_images
from tests.rich_sample import rich_path

VIEWS = (
    "first_run",
    "key_dialog",
    "rich_answer",
    "graph",
    "model_picker",
    "settings",
    "shortcuts",
    "status_bar",
)
GRAPH_TURNS = 1200


def settle(app: QApplication, seconds: float = 0.25) -> None:
    """Let the window lay out and paint (and the formula images come in)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def fill_store(folder: Path) -> tuple[str, str]:
    """A conversation with the rich sample and one with a big branching tree; their ids."""
    store, _ = open_store(database_path(folder))
    rich = Conversation(title="Binary search, explained")
    nodes = rich_path()
    for node in nodes:
        node.conversation_id = rich.id
    nodes[1].parent_id, nodes[2].parent_id = nodes[0].id, nodes[1].id
    nodes[1].error_kind = "connection"  # as a turn that fails today stores it
    nodes[0].notice = str(REPLAY_NOTICE)  # a notice the app gives (the test sample's is made up)
    rich.selected_node_id = nodes[1].id
    big = Conversation(title="A long exploration with many branches")
    tree = build_nodes(GRAPH_TURNS, seed=7)
    start = time.time() - GRAPH_TURNS * 60
    for number, node in enumerate(tree):
        node.conversation_id = big.id
        node.created_at = node.updated_at = start + number * 60
    big.selected_node_id = tree[-1].id
    for conversation, turns in ((big, tree), (rich, nodes)):
        store.save_conversation(conversation)
        store.insert_nodes(turns)
    store.close()
    return rich.id, big.id


def grab_screen_area(widget: QWidget) -> QPixmap:
    """What the screen shows where `widget` is (popups included)."""
    screen = QGuiApplication.primaryScreen()
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return screen.grabWindow(0, top_left.x(), top_left.y(), widget.width(), widget.height())


def shoot_dialog(app: QApplication, dialog: QWidget, out: Path) -> None:
    dialog.show()
    settle(app, 0.15)
    dialog.grab().save(str(out))
    dialog.close()
    dialog.deleteLater()


def views(
    app: QApplication, window: MainWindow, rich_id: str, big_id: str
) -> dict[str, Callable[[Path], None]]:
    """How to bring each view on screen and save it."""

    def first_run(out: Path) -> None:
        window.new_conversation()
        settle(app)
        window.grab().save(str(out))

    def key_dialog(out: Path) -> None:
        from desktop_chat.ui.dialogs.key_dialog import KeyDialog

        shoot_dialog(app, KeyDialog(window), out)

    def rich_answer(out: Path) -> None:
        window.tree_pane.tree_tabs.setCurrentIndex(0)
        window.open_conversation(rich_id)
        images = math_images.shared()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (images.pending() or not images.typeset_count):
            settle(app, 0.05)
        settle(app)
        window.grab().save(str(out))

    def graph(out: Path) -> None:
        window.open_conversation(big_id)
        window.tree_pane.zoom_graph(0)  # shows the graph, the whole tree fitted
        settle(app, 0.4)
        window.grab().save(str(out))
        window.tree_pane.tree_tabs.setCurrentIndex(0)

    def model_picker(out: Path) -> None:
        window.open_conversation(rich_id)
        picker = window.composer_pane.model_picker
        picker.set_models(["gpt-4.1", "gpt-4.1-mini", "gpt-5", "o4-mini"])
        picker.combo.showPopup()
        settle(app, 0.4)
        grab_screen_area(window).save(str(out))
        picker.combo.hidePopup()

    def settings(out: Path) -> None:
        from desktop_chat.core.config import settings as app_settings
        from desktop_chat.core.content import pricing
        from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog

        store, conversation = window.session.store, window.session.conversation
        dialog = SettingsDialog(
            app_settings.load_default_params(store),
            conversation.params_override if conversation else None,
            app_settings.load_provider(store).base_url,
            window,
            conversation_title=conversation.title if conversation else None,
            prices=pricing.load_prices(store),
        )
        shoot_dialog(app, dialog, out)

    def shortcuts(out: Path) -> None:
        from desktop_chat.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        shoot_dialog(app, ShortcutsDialog(window), out)

    def status_bar(out: Path) -> None:
        window.open_conversation(rich_id)
        settle(app)
        window.status.grab().save(str(out))

    return {
        "first_run": first_run,
        "key_dialog": key_dialog,
        "rich_answer": rich_answer,
        "graph": graph,
        "model_picker": model_picker,
        "settings": settings,
        "shortcuts": shortcuts,
        "status_bar": status_bar,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="1400x900,900x600")
    parser.add_argument("--themes", default="light,dark")
    parser.add_argument("--languages", default="en,ko,zh_CN")
    parser.add_argument("--views", default=",".join(VIEWS))
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rich_id, big_id = fill_store(folder)
        window, connector = create_window(parse_args(["--data-dir", str(folder), "--demo"]))
        window.show()
        loop = create_event_loop(app)
        loop.run_until_complete(connector.connect())  # the demo's emulator answers
        shots = views(app, window, rich_id, big_id)
        for size in args.sizes.split(","):
            width, height = (int(v) for v in size.split("x"))
            window.resize(width, height)
            folder_out = args.out / size
            folder_out.mkdir(parents=True, exist_ok=True)
            for theme_name in args.themes.split(","):
                theme.apply(app, theme_name)
                window.transcript_pane.redraw()
                for language in args.languages.split(","):
                    i18n.switch(app, language)
                    settle(app)
                    for view in args.views.split(","):
                        out = folder_out / f"{theme_name}-{language}-{view}.png"
                        shots[view](out)
                        print(out, flush=True)
        loop.run_until_complete(connector.aclose())
        window.close()
        window.store.close()
        math_images.shared().shutdown()
        close_event_loop(loop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
