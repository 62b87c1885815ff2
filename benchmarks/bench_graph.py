"""The graph view with a 2,000-turn tree: build time, frame times while panning and zooming, and the
cost of the two live updates (a streamed delta on one card, a new turn that relays the tree out).

The tree mixes depth and width: a long main thread, branches off random earlier turns (retries,
forks), and one turn with 150 variants. Frames are timed as a user sees them: change the view (scroll
or scale), then `viewport().repaint()` paints synchronously; each step is timed with a wall clock.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_graph.py [--nodes 2000] [--seed 7] [--deepen 0.93]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from functools import partial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QScrollBar

from desktop_chat.core.conversation.model import Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.conversation.tree_layout import layout_tree
from desktop_chat.ui.tree.graph_view import ConversationGraphView

PROMPTS = [
    "Explain how the tidy tree layout packs subtrees",
    "Rewrite that as a table",
    "이 답변을 한국어로 요약해 주세요",
    "把这个回答翻译成中文",
    "Try again, shorter",
    "What are the trade-offs of previous_response_id chaining?",
]


def build_nodes(count: int, seed: int, deepen: float = 0.93) -> list[Node]:
    rng = random.Random(seed)
    statuses = [NodeStatus.COMPLETED] * 12 + [NodeStatus.STOPPED, NodeStatus.FAILED, NodeStatus.INCOMPLETE]
    nodes: list[Node] = []
    fan_parent: Node | None = None
    for i in range(count):
        if not nodes:
            parent = None
        elif i < 150 + 150 and fan_parent is not None and i >= 150:  # one turn with 150 variants
            parent = fan_parent
        elif rng.random() < deepen:
            parent = nodes[-1]  # go deeper
        else:
            parent = rng.choice(nodes)  # branch off an earlier turn (a retry, a fork)
        node = Node(
            "bench",
            parent.id if parent else None,
            [user_message(f"{rng.choice(PROMPTS)} ({i})")],
            model=rng.choice(["gpt-4.1-mini", "gpt-4.1", "o4-mini"]),
            usage=Usage(input_tokens=rng.randint(10, 90_000), output_tokens=rng.randint(10, 4_000)),
            status=rng.choice(statuses),
            created_at=float(i),
        )
        nodes.append(node)
        if i == 149:
            fan_parent = node
    return nodes


def timed(step: Callable[[], None], repaint: Callable[[], None], runs: int) -> list[float]:
    out: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        repaint()
        out.append(time.perf_counter() - start)
    return out


def scroll(bar: QScrollBar, pixels: int) -> None:
    bar.setValue(bar.value() + pixels)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--deepen", type=float, default=0.93, help="chance a turn continues the last one")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    nodes = build_nodes(args.nodes, args.seed, args.deepen)
    tree = ConversationTree("bench", nodes)
    start = time.perf_counter()
    layout = layout_tree(tree)
    layout_s = time.perf_counter() - start

    view = ConversationGraphView()
    view.resize(1000, 700)
    view.show()
    app.processEvents()
    start = time.perf_counter()
    view.set_tree(tree)
    view.viewport().repaint()
    build_s = time.perf_counter() - start
    view.select_node(nodes[-1].id)
    repaint = view.viewport().repaint

    # panning at 100 %: 240 steps of 40 px, right then down then back
    view.resetTransform()
    view.centerOn(view.card(nodes[0].id))  # type: ignore[arg-type]
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    pan: list[float] = []
    for bar, sign in ((h, 1), (v, 1), (h, -1), (v, -1)):
        pan += timed(partial(scroll, bar, 40 * sign), repaint, 60)

    # zooming: from 100 % out to the whole tree and back, 1.1x per step
    zoom: list[float] = []
    zoom += timed(lambda: view.zoom_by(1 / 1.1), repaint, 45)
    zoom += timed(lambda: view.zoom_by(1.1), repaint, 45)

    # panning when zoomed out far enough to see hundreds of cards (text skipped, shapes only)
    view.resetTransform()
    view.scale(0.15, 0.15)
    view.centerOn(view.card(nodes[0].id))  # type: ignore[arg-type]
    pan_far = timed(partial(scroll, h, 40), repaint, 60)

    fit = timed(view.fit_to_view, repaint, 1)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    cards_fit = sum(1 for c in view.cards().values() if c.sceneBoundingRect().intersects(shown))
    node_count = len(tree)

    # live updates: 500 streamed deltas on one card (nothing shown changes), then a new turn
    live = nodes[-1]
    live.status = NodeStatus.STREAMING
    tree.changed(live)
    start = time.perf_counter()
    for i in range(500):
        live.output_text += f"delta {i} "
        tree.changed(live)
    delta_s = (time.perf_counter() - start) / 500
    before = view.relayout_count
    new = Node("bench", nodes[1000].id, [user_message("one more branch")], created_at=1e9)
    start = time.perf_counter()
    tree.insert(new)
    view.select_node(new.id)  # what the window does for a new turn: lays out now, then selects
    repaint()
    insert_s = time.perf_counter() - start
    assert view.relayout_count == before + 1

    frames = pan + zoom
    print(
        json.dumps(
            {
                "nodes": node_count,
                "max_depth": max(layout.depth.values()),
                "max_children": max(len(k) for k in layout.children.values()),
                "layout_width_px": round(layout.width),
                "layout_ms": ms(layout_s),
                "graph_2000_nodes_build_ms": ms(build_s),
                "graph_2000_nodes_frame_ms_p50": ms(statistics.median(frames)),
                "graph_2000_nodes_frame_ms_p99": ms(p99(frames)),
                "graph_2000_nodes_frame_ms_max": ms(max(frames)),
                "pan_frame_ms_p99": ms(p99(pan)),
                "zoom_frame_ms_p99": ms(p99(zoom)),
                "pan_zoomed_out_frame_ms_p99": ms(p99(pan_far)),
                "fit_to_view_frame_ms": ms(fit[0]),
                "zoom_after_fit": round(view.zoom(), 4),
                "cards_in_view_after_fit": cards_fit,
                "streamed_delta_us": round(delta_s * 1e6, 1),
                "insert_relayout_select_ms": ms(insert_s),
            },
            indent=2,
        )
    )
    view.close()


if __name__ == "__main__":
    main()
