"""Screenshots of the reading view: the real window over a conversation holding the rich sample (math,
code, a table, a quote, sources, tool activity, an error), in a theme and a language.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot_reading.py docs/x.png \\
        --theme dark --language ko [--size 1200x800] [--scroll 0.6]

Run from the repository root (the sample is the one tests/ui/test_contrast.py measures).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_chat.app import create_window, parse_args
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import Conversation
from desktop_chat.core.conversation.store import open_store
from desktop_chat.ui.transcript import math_images
from desktop_chat.ui.window_prefs import WindowPrefs
from tests.rich_sample import rich_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--theme", default="light", choices=("light", "dark"))
    parser.add_argument("--language", default="en")
    parser.add_argument("--size", default="1200x800")
    parser.add_argument("--scroll", type=float, default=0.0, help="how far down the transcript (0 to 1)")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        prefs = WindowPrefs(folder)
        prefs.theme, prefs.language = args.theme, args.language
        store, _ = open_store(database_path(folder))
        conversation = Conversation(title="Binary search, explained")
        nodes = rich_path()
        for node in nodes:
            node.conversation_id = conversation.id
        nodes[1].parent_id, nodes[2].parent_id = nodes[0].id, nodes[1].id
        conversation.selected_node_id = nodes[1].id
        store.save_conversation(conversation)
        store.insert_nodes(nodes)
        store.close()
        window, _ = create_window(parse_args(["--data-dir", str(folder), "--demo"]))
        window.resize(width, height)
        window.show()
        window.open_conversation(conversation.id)
        deadline = time.monotonic() + 60
        images = math_images.shared()
        while time.monotonic() < deadline and (images.pending() or not images.typeset_count):
            app.processEvents()
            time.sleep(0.02)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.02)
        view = window.transcript_pane.view
        bar = view.verticalScrollBar()
        bar.setValue(round(bar.maximum() * args.scroll))
        app.processEvents()
        window.grab().save(str(args.out))
        window.close()
        window.store.close()
        images.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
