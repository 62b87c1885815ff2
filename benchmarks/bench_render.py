"""Streaming an answer into the transcript: incremental rendering against a per-frame full re-render.

A ~20k-character markdown answer (prose, lists, tables, code) arrives in ~4-character deltas, a few
deltas per 16 ms frame. The incremental path is TranscriptView (closed blocks inserted once, the open
tail replaced per frame); the naive path calls setHtml(render_html(full text)) every frame. Both run
on a shown widget and let Qt process its events after each frame. Prints one JSON object.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_render.py [--deltas-per-frame 8]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTextBrowser

from desktop_chat.core.content.markdown import render_html
from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
from desktop_chat.ui.transcript.transcript import TranscriptView

SECTIONS = [
    "## Section {i}\n\nA paragraph of prose with **bold**, *emphasis*, `inline code` and a "
    "[link](https://example.com/{i}). It goes on for a while to look like a real answer, explaining "
    "one thing and then another.\n\n",
    "- a first point about {i}\n- a second point with `code`\n  - and a nested detail\n- a third\n\n",
    "| option | default | meaning |\n|--------|--------:|---------|\n| alpha | {i} | the first |\n"
    "| beta | 2 | the second |\n| gamma | 3 | the third |\n\n",
    "```python\ndef handler_{i}(event):\n    if event.kind == 'text':\n        return event.text.upper()\n"
    "    return None\n```\n\n",
    "1. open the file\n2. read the header\n3. close it again\n\n",
    "한국어 설명 {i}: 스트리밍 중에도 화면이 멈추지 않아야 합니다. 中文说明也一样。\n\n",
]


def answer(size: int) -> str:
    out, i = "", 0
    while len(out) < size:
        out += SECTIONS[i % len(SECTIONS)].format(i=i)
        i += 1
    return out


def frames(text: str, delta_chars: int, per_frame: int) -> list[list[str]]:
    pieces = [text[i : i + delta_chars] for i in range(0, len(text), delta_chars)]
    return [pieces[i : i + per_frame] for i in range(0, len(pieces), per_frame)]


def run(app: QApplication, text: str, per_frame: int, render: Callable[[list[str]], None]) -> list[float]:
    """CPU seconds per frame: `render` gets the frame's deltas; Qt then handles its events."""
    per_frame_cpu: list[float] = []
    for batch in frames(text, 4, per_frame):
        start = time.process_time()
        render(batch)
        app.processEvents()
        per_frame_cpu.append(time.process_time() - start)
    return per_frame_cpu


def incremental(app: QApplication, text: str, per_frame: int) -> tuple[list[float], float]:
    view = TranscriptView()
    view.resize(900, 700)
    view.show()
    node = Node("bench", None, [user_message("Write a long answer")], model="bench")
    view.show_path([node])

    def render(batch: list[str]) -> None:
        for delta in batch:
            node.output_text += delta
            view.update_streaming(node)
        view.flush()  # what the frame timer does

    cpu = run(app, text, per_frame, render)
    node.status = NodeStatus.COMPLETED
    start = time.process_time()
    view.update_streaming(node)
    app.processEvents()
    final = time.process_time() - start
    view.close()
    return cpu, final


def full_rerender(app: QApplication, text: str, per_frame: int) -> list[float]:
    view = QTextBrowser()
    view.resize(900, 700)
    view.show()
    so_far = ""

    def render(batch: list[str]) -> None:
        nonlocal so_far
        so_far += "".join(batch)
        view.setHtml(render_html(so_far))

    cpu = run(app, text, per_frame, render)
    view.close()
    return cpu


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--deltas-per-frame", type=int, default=8, help="4-char deltas per 16 ms frame")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    text = answer(args.chars)
    inc, _ = incremental(app, text, args.deltas_per_frame)
    full = full_rerender(app, text, args.deltas_per_frame)

    long_text = answer(40_000)
    inc_40k, final_40k = incremental(app, long_text, args.deltas_per_frame)
    tail_frames = inc_40k[int(len(inc_40k) * 0.9) :]  # the text is 36k-40k characters long here
    view = TranscriptView()
    view.resize(900, 700)
    view.show()
    done = Node("bench", None, [user_message("q")], output_text=long_text, status=NodeStatus.COMPLETED)
    start = time.process_time()
    view.show_path([done])
    app.processEvents()
    show_path_40k = time.process_time() - start

    print(
        json.dumps(
            {
                "answer_chars": len(text),
                "delta_chars": 4,
                "deltas_per_frame": args.deltas_per_frame,
                "frames": len(inc),
                "incremental_cpu_s": round(sum(inc), 3),
                "full_rerender_cpu_s": round(sum(full), 3),
                "render_cpu_ratio_vs_full_rerender": round(sum(inc) / sum(full), 4),
                "incremental_frame_max_ms": ms(max(inc)),
                "full_rerender_frame_max_ms": ms(max(full)),
                "render_max_ms_at_40k": ms(max(tail_frames)),
                "render_p50_ms_at_40k": ms(statistics.median(tail_frames)),
                "final_render_ms_at_40k": ms(final_40k),
                "show_path_ms_at_40k": ms(show_path_40k),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
