"""Huge inputs in the window: a 5 MB prompt sent, and a follow-up in a 3,000-turn conversation.

Each is measured against the same action at a small size, in the same process, with the window
talking to the local emulator in a process of its own (as a server is: in the app's process, its
parsing of a 2 MB request would hold the GIL the window needs):

- `huge_prompt_*`: a 5 MB prompt pasted into the composer and sent, until its answer has finished; the
  longest the event loop went without a turn (a 10 ms timer probes it), and the wall time against
  the same with a 50-character prompt.
- `long_followup_*`: a conversation of 3,000 turns (written to the store as the app writes them) is
  opened and a follow-up sent until its answer has finished; the server holds none of those turns,
  so the whole history is replayed (6,001 input items, ~2 MB: the worst case); the longest loop stall
  against the same follow-up in a 3-turn conversation.

    python benchmarks/bench_huge.py [--prompt-mb 5] [--turns 3000]
Prints one JSON object (the last line of stdout).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENAI_API_KEY", "sk-bench-huge")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

TARGET_STALL_MS = 100.0


class StallProbe:
    """The longest gap between turns of the event loop while it runs (a 10 ms timer)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def __enter__(self) -> StallProbe:
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._tick()
        self._timer.stop()

    @property
    def max_ms(self) -> float:
        return max(self.gaps, default=0.0) * 1000


async def until(predicate: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step timed out")
        await asyncio.sleep(0.005)


async def send_and_finish(window: Any, text: str, timeout: float = 300) -> tuple[float, float]:
    """Paste `text` into the composer (Ctrl+V: through the clipboard) and send it once it is in;
    (seconds until the answer finished, longest stall ms)."""
    from PySide6.QtWidgets import QApplication

    before = len(window.tree) if window.tree is not None else 0
    QApplication.clipboard().setText(text)
    with StallProbe() as probe:
        start = time.perf_counter()
        window.composer.clear()
        window.composer.paste()
        await until(lambda: not window.composer.pasting, timeout)
        window.send()
        await until(lambda: window.tree is not None and len(window.tree) == before + 1, timeout)
        await until(lambda: window.active is None, timeout)
        seconds = time.perf_counter() - start
    return seconds, probe.max_ms


def fill(folder: Path, turns: int) -> None:
    """A conversation of `turns` completed turns, chained, as the app stores them."""
    from desktop_chat.core.config.paths import database_path
    from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
    from desktop_chat.core.conversation.store import Store

    store = Store(database_path(folder))
    conversation = Conversation(title=f"{turns} turns")
    store.save_conversation(conversation)
    nodes, parent = [], None
    for index in range(turns):
        node = Node(
            conversation_id=conversation.id,
            parent_id=parent,
            input_items=[user_message(f"Question {index}: what about item {index}?")],
            output_text=f"Answer {index}. " + "Some words of an answer. " * 20,
            status=NodeStatus.COMPLETED,
            model="gpt-4.1-mini",
        )
        nodes.append(node)
        parent = node.id
    store.insert_nodes(nodes)
    conversation.selected_node_id = parent
    store.save_conversation(conversation)
    store.close()


async def session(folder: Path, base_url: str, action: Any) -> Any:
    from desktop_chat.app import create_window, parse_args

    window, connector = create_window(parse_args(["--data-dir", str(folder), "--base-url", base_url]))
    window.show()
    try:
        await connector.connect()
        return await action(window)
    finally:
        await connector.aclose()
        window.close()
        window.store.close()


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prompt-mb", type=float, default=5.0)
    parser.add_argument("--turns", type=int, default=3000)
    parser.add_argument("--only", choices=["prompt", "followup"], default=None)
    args = parser.parse_args(argv)

    from bench_stream import emulator_process
    from PySide6.QtWidgets import QApplication

    from desktop_chat.ui.event_loop import close_event_loop, create_event_loop

    app = QApplication.instance() or QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = create_event_loop(app)
    server = emulator_process()
    base_url = server.__enter__()
    big = ("A long pasted log line with some numbers 0123456789.\n" * 200_000)[: int(args.prompt_mb * 1e6)]
    results: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)

            async def prompts(window: Any) -> None:
                await send_and_finish(window, "A first prompt: the SDK's first request builds its models.")
                small_s, small_stall = await send_and_finish(
                    window, "A small prompt of fifty characters, or so."
                )
                huge_s, huge_stall = await send_and_finish(window, big)
                results.update(
                    huge_prompt_s=huge_s,
                    huge_prompt_max_stall_ms=huge_stall,
                    huge_prompt_time_ratio_vs_small=huge_s / small_s,
                    huge_prompt_stall_ratio_vs_small=huge_stall / max(small_stall, 1.0),
                )

            if args.only != "followup":
                loop.run_until_complete(session(root / "prompts", base_url, prompts))
            # the first follow-up of the process pays for the SDK's first request: a warm-up
            for name, turns in (
                (("warmup", 3), ("short", 3), ("long", args.turns)) if args.only != "prompt" else ()
            ):
                folder = root / name
                folder.mkdir()
                fill(folder, turns)

                async def followup(window: Any, name: str = name) -> None:
                    seconds, stall = await send_and_finish(window, "And one more question? [[brief]]")
                    results[f"{name}_followup_s"] = seconds
                    results[f"{name}_followup_max_stall_ms"] = stall

                loop.run_until_complete(session(folder, base_url, followup))
            results.pop("warmup_followup_s", None)
            results.pop("warmup_followup_max_stall_ms", None)
            if args.only != "prompt":
                results["long_followup_stall_ratio_vs_short"] = results["long_followup_max_stall_ms"] / max(
                    results["short_followup_max_stall_ms"], 1.0
                )
    finally:
        server.__exit__(None, None, None)
        close_event_loop(loop)
    results["target_stall_ms"] = TARGET_STALL_MS
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    main()
