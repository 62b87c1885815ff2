"""Scale: a 10,000-node conversation in the real window (open, a 1,000-message path, branch switches, RSS).

The conversation is built in a temporary store through Store.insert_node: a main line of 1,000 turns
and 9,000 more in branches of 1-30 turns forking off it at random depths (seeded). Every turn has a
short prompt and a markdown answer of 300-1,500 characters (bench_render.answer). A second, small
conversation is the most recent one, so the window starts on it; then:

- open: MainWindow.open_conversation(big) with a node at depth 10 selected (load, tree, short path)
- show the 1,000-message path: MainWindow.select_node(the end of the main line)
- switch branches: MainWindow.select_node between two sibling answers at depth 100 (and at 1,000)
- switch a fork with the transcript's switcher at depth 500 (the sibling's newest leaf is shown)
Each time includes Qt handling its events afterwards (layout, paint). Medians of repeats, wall time.
RSS is VmRSS with the conversation loaded and its longest path shown.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_scale.py [--nodes 10000] [--depth 1000]
Prints one JSON object (the last line of stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_render import answer
from PySide6.QtWidgets import QApplication

from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.store import Store, open_store
from desktop_chat.ui.main_window import MainWindow

PROMPTS = [
    "Explain how {i} relates to the previous answer, with an example.",
    "Can you make that shorter and put the options in a table?",
    "다시 설명해 주세요: {i}번째 단계는 왜 필요한가요?",
    "Write the code for step {i} and explain the edge cases.",
]


def vm_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Builder:
    """Inserts turns one by one, as the app does, with increasing timestamps."""

    def __init__(self, store: Store, conversation: Conversation, seed: int) -> None:
        self.store, self.conversation = store, conversation
        self.random = random.Random(seed)
        self.clock = time.time() - 86_400
        self.count = 0

    def turn(self, parent: str | None) -> str:
        self.count += 1
        self.clock += 1
        node = Node(
            conversation_id=self.conversation.id,
            parent_id=parent,
            input_items=[user_message(PROMPTS[self.count % len(PROMPTS)].format(i=self.count))],
            output_text=answer(self.random.randint(300, 1500)),
            response_id=f"resp_{self.count:06d}",
            previous_response_id=None,
            model="gpt-4.1-mini",
            usage=Usage(input_tokens=1200, output_tokens=300, total_tokens=1500),
            status=NodeStatus.COMPLETED,
            created_at=self.clock,
            updated_at=self.clock,
        )
        self.store.insert_node(node)
        return node.id


def build(path: Path, nodes: int, depth: int, seed: int = 7) -> dict[str, Any]:
    """The big conversation and a small, more recent one; returns the ids the benchmark needs."""
    store = Store(path)
    big = Conversation(title="A very long conversation")
    store.save_conversation(big)
    builder = Builder(store, big, seed)
    line: list[str] = []
    for _ in range(depth):
        line.append(builder.turn(line[-1] if line else None))
    # siblings of the main line at depth 100 and at the end: the switches measured
    at_100 = min(100, depth) - 1
    sibling_100 = builder.turn(line[at_100 - 1] if at_100 > 0 else None)
    sibling_end = builder.turn(line[-2] if depth > 1 else None)
    at_500 = min(500, depth) - 1  # a fork switched with the transcript's switcher
    sibling_500 = builder.turn(line[at_500 - 1] if at_500 > 0 else None)
    while builder.count < nodes:
        fork = builder.random.randint(1, depth - 1) if depth > 1 else 0
        parent: str | None = line[fork - 1] if fork > 0 else None
        for _ in range(min(builder.random.randint(1, 30), nodes - builder.count)):
            parent = builder.turn(parent)
    big.selected_node_id = line[min(10, depth) - 1]
    store.save_conversation(big)
    small = Conversation(title="A short one")
    store.save_conversation(small)
    small_builder = Builder(store, small, seed + 1)
    small_builder.clock = builder.clock + 10
    small.selected_node_id = small_builder.turn(small_builder.turn(None))
    store.save_conversation(small)
    store.close()
    return {
        "big": big.id,
        "small": small.id,
        "shallow": line[min(10, depth) - 1],
        "line_100": line[at_100],
        "sibling_100": sibling_100,
        "line_end": line[-1],
        "sibling_end": sibling_end,
        "line_500": line[at_500],
        "sibling_500": sibling_500,
        "nodes": builder.count,
    }


def timed(app: QApplication, action: Callable[[], object]) -> float:
    """Wall seconds for the action and the events it leaves Qt (layout, paint)."""
    app.processEvents()
    start = time.perf_counter()
    action()
    app.processEvents()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--depth", type=int, default=1000, help="turns on the main line")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "conversations.db"
        start = time.perf_counter()
        ids = build(db, args.nodes, args.depth)
        build_s = time.perf_counter() - start
        store, _ = open_store(db)
        window = MainWindow(store)
        window.show()
        app.processEvents()
        assert window.conversation is not None and window.conversation.id == ids["small"]
        rss_before = vm_rss_mb()

        def ms_median(action: Callable[[], object], reset: Callable[[], object]) -> tuple[float, float]:
            times = []
            for _ in range(args.repeats):
                times.append(timed(app, action))
                timed(app, reset)
            return round(times[0] * 1000, 1), round(statistics.median(times) * 1000, 1)

        open_first, open_ms = ms_median(
            lambda: window.open_conversation(ids["big"]), lambda: window.open_conversation(ids["small"])
        )
        window.open_conversation(ids["big"])
        assert window.tree is not None and len(window.tree) == ids["nodes"]
        app.processEvents()
        rss_open = vm_rss_mb()  # loaded, with a 10-turn path shown
        path_first, path_ms = ms_median(
            lambda: window.select_node(ids["line_end"]), lambda: window.select_node(ids["shallow"])
        )
        window.select_node(ids["line_100"])
        switch_100 = [
            timed(app, partial(window.select_node, n))
            for _ in range(args.repeats)
            for n in (ids["sibling_100"], ids["line_100"])
        ]
        window.select_node(ids["line_end"])
        switch_end = [
            timed(app, partial(window.select_node, n))
            for _ in range(args.repeats)
            for n in (ids["sibling_end"], ids["line_end"])
        ]
        # the transcript's `‹ n / m ›` switcher at depth 500: the sibling's newest leaf is shown
        switcher = window.transcript_pane.switch_sibling
        window.select_node(ids["line_500"])
        switch_fork = [
            timed(app, partial(switcher, node, step))
            for _ in range(args.repeats)
            for node, step in ((ids["line_500"], 1), (ids["sibling_500"], -1))
        ]
        shown = len(window.tree.path_to(window.selected_node_id()))
        app.processEvents()
        rss = vm_rss_mb()
        window.close()
        store.close()

    results = {
        "scale_nodes": ids["nodes"],
        "scale_path_messages": shown,
        "scale_build_s": round(build_s, 2),
        "open_10k_nodes_ms": open_ms,
        "open_10k_nodes_first_ms": open_first,
        "show_1000_message_path_ms": path_ms,
        "show_1000_message_path_first_ms": path_first,
        "switch_branch_ms": round(statistics.median(switch_100) * 1000, 1),
        "switch_branch_ms_at_depth_1000": round(statistics.median(switch_end) * 1000, 1),
        "switch_fork_ms_at_depth_500": round(statistics.median(switch_fork) * 1000, 1),
        "rss_mb_before_open": round(rss_before, 1),
        "rss_mb_after_open_short_path": round(rss_open, 1),
        "rss_mb_with_10k_nodes": round(rss, 1),
    }
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    main()
