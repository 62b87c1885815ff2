"""Streaming through the real window: paced render cost and lag (1), unpaced throughput (2).

1. A markdown answer (bench_render.answer: prose, lists, tables, code) arrives in 4-character deltas
   at 1,000 deltas/s through the real MainWindow (TurnRunner, store, TranscriptView and its frame
   timer). The reference is the same stream through the same window with the transcript's per-frame
   render replaced by a full re-render (setHtml of the whole answer). A QTimer probe measures how late
   the event loop runs. Render costs are main-thread CPU time per frame render.
2. An unpaced stream from the emulator (a separate process): the raw SDK consumption rate on a stock
   asyncio loop against the whole app path (MainWindow, provider, qasync), alternating, medians.
3. Math: the paced stream of a 20k-character answer holding 200 distinct formulas (inline and display;
   typeset in the formula worker process) against the same stream of a plain answer: event-loop lag and
   main-process CPU, and how long after the last delta every formula is shown typeset.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_stream.py [--chars 20000] [--long-chars 40000]
        [--part render|throughput|math] [--formulas 200]
Prints one JSON object (the last line of stdout). Run as a script, it first makes app.py's process-wide
Qt settings (`ui.qt_env`), as the app does before its QApplication.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_render import answer, ms
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.events import Completed, Started, StreamEvent, TextDelta
from desktop_chat.core.content.markdown import render_html
from desktop_chat.core.conversation.model import Usage
from desktop_chat.core.conversation.store import open_store
from desktop_chat.ui.event_loop import close_event_loop, create_event_loop
from desktop_chat.ui.main_window import MainWindow
from desktop_chat.ui.qt_env import prepare_qt_environment
from desktop_chat.ui.transcript import math_images
from desktop_chat.ui.transcript.transcript import TranscriptView, prompt_html

DELTA_CHARS = 4
PROBE_MS = 5


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def paced_stream(text: str, rate: float) -> Callable[[dict[str, Any]], AsyncIterator[StreamEvent]]:
    """A StreamFn yielding `text` in 4-character deltas at `rate` deltas per second (0: unpaced)."""
    pieces = [text[i : i + DELTA_CHARS] for i in range(0, len(text), DELTA_CHARS)]

    async def stream(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        yield Started("resp_bench", "bench")
        start = time.perf_counter()
        i = 0
        while i < len(pieces):
            due = len(pieces) if rate <= 0 else int((time.perf_counter() - start) * rate) + 1
            while i < min(due, len(pieces)):
                yield TextDelta(pieces[i])
                i += 1
            if i < len(pieces):
                # qasync turns sub-millisecond timers into busy polling: sleep whole milliseconds
                wait = 0.0 if rate <= 0 else max(0.001, start + i / rate - time.perf_counter())
                await asyncio.sleep(math.ceil(wait * 1000) / 1000)
        yield Completed("resp_bench", "bench", Usage(output_tokens=len(text) // 4), [])

    return stream


class LagProbe:
    """A precise QTimer every PROBE_MS; lag = how much later than due each tick arrives."""

    def __init__(self) -> None:
        self.lags: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lags.append(max(0.0, (now - self._last) - PROBE_MS / 1000))
        self._last = now

    def start(self) -> None:
        self.lags = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


class RenderRecorder:
    """Wraps the transcript's frame render: (answer length, main-thread CPU s, wall s) per render."""

    def __init__(self, view: TranscriptView, full_rerender: bool) -> None:
        self.records: list[tuple[int, float, float]] = []
        original = view._render

        def full(*, final: bool) -> None:  # the reference: the whole answer re-rendered every frame
            stream = view._stream
            assert stream is not None
            view.setHtml(prompt_html(stream.node) + render_html(stream.node.output_text))
            view._scroll_to_bottom()

        render = full if full_rerender else original

        def timed(*, final: bool) -> None:
            stream = view._stream
            size = len(stream.node.output_text) if stream is not None else 0
            cpu, wall = time.thread_time(), time.perf_counter()
            render(final=final)
            self.records.append((size, time.thread_time() - cpu, time.perf_counter() - wall))

        view._render = timed  # type: ignore[method-assign]
        self._view, self._original = view, original

    def restore(self) -> None:
        self._view._render = self._original  # type: ignore[method-assign]

    def costs(self, low: int, high: int, wall: bool = False) -> list[float]:
        return [w if wall else c for size, c, w in self.records if low <= size <= high]


@contextmanager
def app_window(folder: Path, backend: Backend) -> Iterator[MainWindow]:
    store, _ = open_store(folder / "conversations.db")
    window = MainWindow(store)
    window.show()
    window.set_backend(backend)
    try:
        yield window
    finally:
        window.close()
        store.close()


async def wait_until(predicate: Callable[[], object], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the benchmark turn did not finish")
        await asyncio.sleep(0.005)


async def send_turn(window: MainWindow, prompt: str, timeout: float = 300) -> float:
    """Start a new conversation, send `prompt` and wait for the answer: wall seconds."""
    window.new_conversation()
    window.composer.setPlainText(prompt)
    start = time.perf_counter()
    window.send()
    assert window.active is not None, window.banner.text()
    await wait_until(lambda: window.active is None, timeout)
    return time.perf_counter() - start


async def paced_run(window: MainWindow, text: str, rate: float, full_rerender: bool) -> dict[str, Any]:
    assert window.backend is not None
    window.backend.stream = paced_stream(text, rate)
    window.set_backend(window.backend)
    recorder = RenderRecorder(window.transcript_pane.view, full_rerender)
    probe = LagProbe()
    probe.start()
    cpu = time.process_time()
    wall = await send_turn(window, "Write a long answer")
    cpu = time.process_time() - cpu
    probe.stop()
    recorder.restore()
    return {"cpu_s": cpu, "wall_s": wall, "lags": probe.lags, "recorder": recorder}


def window_mean(recorder: RenderRecorder, at: int, span: int) -> float:
    costs = recorder.costs(at - span, at + span)
    return statistics.fmean(costs) if costs else 0.0


async def idle_lag(seconds: float) -> list[float]:
    """The probe with nothing streaming: how late the loop runs on this machine at rest."""
    probe = LagProbe()
    probe.start()
    await asyncio.sleep(seconds)
    probe.stop()
    return probe.lags


async def render_benchmarks(window: MainWindow, chars: int, long_chars: int, rate: float) -> dict[str, Any]:
    text, long_text = answer(chars), answer(long_chars)
    idle = await idle_lag(min(2.0, chars / rate / 4 / 2))
    inc = await paced_run(window, text, rate, full_rerender=False)
    full = await paced_run(window, text, rate, full_rerender=True)
    long = await paced_run(window, long_text, rate, full_rerender=False)
    small_at, span = chars // 4, max(200, chars // 20)
    at_small = window_mean(inc["recorder"], small_at, span)
    at_full = window_mean(inc["recorder"], chars - span, span)
    tail = long["recorder"].costs(int(long_chars * 0.9), long_chars * 2)
    tail_wall = long["recorder"].costs(int(long_chars * 0.9), long_chars * 2, wall=True)
    return {
        "answer_chars": len(text),
        "deltas_per_s": rate,
        "stream_wall_s": round(inc["wall_s"], 3),
        "incremental_cpu_s": round(inc["cpu_s"], 3),
        "full_rerender_cpu_s": round(full["cpu_s"], 3),
        "full_rerender_wall_s": round(full["wall_s"], 3),
        "render_cpu_ratio_vs_full_rerender": round(inc["cpu_s"] / full["cpu_s"], 4),
        "renders": len(inc["recorder"].records),
        # the renders alone (less sensitive to a loaded machine, which skips reference frames)
        "render_only_cpu_ratio_vs_full_rerender": round(
            sum(c for _, c, _ in inc["recorder"].records) / sum(c for _, c, _ in full["recorder"].records), 4
        ),
        f"render_update_ms_at_{small_at // 1000}k": ms(at_small),
        f"render_update_ms_at_{chars // 1000}k": ms(at_full),
        "render_update_cost_ratio_20k_vs_5k": round(at_full / at_small, 3) if at_small else 0.0,
        "render_max_ms_at_40k": ms(max(tail, default=0.0)),
        "render_max_wall_ms_at_40k": ms(max(tail_wall, default=0.0)),
        "render_p50_ms_at_40k": ms(statistics.median(tail) if tail else 0.0),
        "lag_p99_ms_at_1000_per_s": ms(percentile(inc["lags"], 0.99)),
        "lag_max_ms_at_1000_per_s": ms(max(inc["lags"], default=0.0)),
        "lag_p99_ms_at_1000_per_s_40k": ms(percentile(long["lags"], 0.99)),
        "lag_p99_ms_full_rerender": ms(percentile(full["lags"], 0.99)),
        "lag_p99_ms_idle": ms(percentile(idle, 0.99)),
    }


# -- 3. math -------------------------------------------------------------------------------------------
def math_answer(size: int, formulas: int) -> str:
    """About `size` characters of markdown with `formulas` distinct formulas spread through it: paragraphs
    with two inline formulas, every fifth formula a display block, bench_render's prose between them."""
    pieces, made, i = [], 0, 0
    while made < formulas:
        if made % 5 == 4:
            pieces.append(
                f"$$\n\\sum_{{i=1}}^{{{i}}} i^2 = \\frac{{{i}({i}+1)(2 \\cdot {i}+1)}}{{6}}\n$$\n\n"
            )
            made += 1
        else:
            pieces.append(
                f"Step {i}: with $x_{{{i}}} = \\frac{{{i}}}{{{i}+1}}$ the error bound is "
                f"$\\epsilon_{{{i}}} \\le 2^{{-{i}}}$, which is small enough here.\n\n"
            )
            made += 2
        i += 1
    prose = answer(max(0, size - sum(map(len, pieces))))
    cuts = [k for k in range(len(prose)) if prose.startswith("\n\n", k)]  # paragraph ends in the prose
    step = max(1, len(cuts) // max(1, len(pieces)))
    out, last = [], 0
    for n, piece in enumerate(pieces):
        cut = cuts[min(len(cuts) - 1, (n + 1) * step)] + 2 if cuts else 0
        out += [prose[last:cut] if cut > last else "", piece]
        last = max(last, cut)
    return "".join(out) + prose[last:]


async def math_benchmarks(window: MainWindow, chars: int, formulas: int, rate: float) -> dict[str, Any]:
    text, plain = math_answer(chars, formulas), answer(chars)
    images = math_images.shared()
    before = images.typeset_count
    # the plain answer first: both runs then find the same caches warm (Pygments builds a lexer's
    # regular expressions on first use, ~0.4 s for Python on a loaded machine)
    reference = await paced_run(window, plain, rate, full_rerender=False)
    maths = await paced_run(window, text, rate, full_rerender=False)
    end = time.perf_counter()
    await wait_until(lambda: images.pending() == 0, 300)
    settled = time.perf_counter() - end
    lag, lag_plain = percentile(maths["lags"], 0.99), percentile(reference["lags"], 0.99)
    return {
        "math_answer_chars": len(text),
        "math_formulas": text.count("$$\n") // 2 + 2 * text.count("Step "),
        "math_formulas_typeset": images.typeset_count - before,
        "math_lag_p99_ms_at_1000_per_s": ms(lag),
        "math_lag_max_ms_at_1000_per_s": ms(max(maths["lags"], default=0.0)),
        "math_lag_p99_ms_plain_reference": ms(lag_plain),
        "math_lag_p99_ratio_vs_plain": round(lag / lag_plain, 3) if lag_plain else 0.0,
        "math_cpu_ratio_vs_plain": round(maths["cpu_s"] / reference["cpu_s"], 3),
        "math_typeset_settled_s_after_stream": round(settled, 3),
    }


# -- 2. throughput -------------------------------------------------------------------------------------
@contextmanager
def emulator_process() -> Iterator[str]:
    """The emulator in a process of its own (it must not share the GIL with what is measured)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_chat.emulator", "--port", "0", "--delay", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("EMULATOR_URL="):
            raise RuntimeError(f"the emulator did not start: {line!r}")
        yield line.split("=", 1)[1]
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


async def raw_sdk_rate(base_url: str, prompt: str) -> tuple[float, int]:
    """Characters per second the bare SDK consumes the stream at (nothing else done with it)."""
    import openai

    client = openai.AsyncOpenAI(api_key="sk-bench", base_url=base_url, max_retries=0)
    try:
        chars = 0
        start = time.perf_counter()
        stream = await client.responses.create(model="gpt-4.1-mini", input=prompt, stream=True)
        async with stream:
            async for event in stream:
                if event.type == "response.output_text.delta":
                    chars += len(event.delta)
        return chars / (time.perf_counter() - start), chars
    finally:
        await client.close()


async def throughput_benchmarks(window: MainWindow, base_url: str, words: int, runs: int) -> dict[str, Any]:
    prompt = f"A long answer please [[markdown]] [[words:{words}]]"
    raw: list[float] = []
    raw_qasync: list[float] = []
    app_rates: list[float] = []
    lags: list[float] = []
    chars = 0
    loop = asyncio.get_running_loop()
    # warm-up, not counted: imports, connection pools, first-use caches on both paths
    await loop.run_in_executor(None, lambda: asyncio.run(raw_sdk_rate(base_url, prompt)))
    await send_turn(window, prompt)
    for _ in range(runs):
        # a stock asyncio loop in a worker thread: the SDK alone, as fast as it goes
        raw.append(await loop.run_in_executor(None, lambda: asyncio.run(raw_sdk_rate(base_url, prompt))[0]))
        raw_qasync.append((await raw_sdk_rate(base_url, prompt))[0])
        probe = LagProbe()
        probe.start()
        wall = await send_turn(window, prompt)
        probe.stop()
        node = window.tree.get(window.selected_node_id() or "") if window.tree else None
        assert node is not None and node.status == "completed", node
        chars = len(node.output_text)
        app_rates.append(chars / wall)
        lags += probe.lags
    raw_rate, app_rate = statistics.median(raw), statistics.median(app_rates)
    return {
        "throughput_answer_chars": chars,
        "raw_sdk_chars_per_s": round(raw_rate),
        "raw_sdk_on_qasync_chars_per_s": round(statistics.median(raw_qasync)),
        "app_chars_per_s": round(app_rate),
        "throughput_ratio_vs_raw_sdk": round(app_rate / raw_rate, 4),
        "lag_p99_ms_unpaced": ms(percentile(lags, 0.99)),
        "lag_max_ms_unpaced": ms(max(lags, default=0.0)),
    }


def real_backend(base_url: str) -> tuple[Backend, Any]:
    """The backend app.py's Connector builds (SDK client + Responses provider), minus the key lookup."""
    from desktop_chat.core.api.client import Connection, make_client
    from desktop_chat.core.api.providers import responses

    client = make_client(Connection(api_key="sk-bench", base_url=base_url))
    backend = Backend(stream=lambda request: responses.stream_response(client, request), client=client)
    return backend, client


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=20_000, help="answer length for the paced stream")
    parser.add_argument("--long-chars", type=int, default=40_000, help="answer length for the 40k render")
    parser.add_argument("--rate", type=float, default=1000.0, help="deltas per second")
    parser.add_argument("--words", type=int, default=8000, help="emulator answer length for throughput")
    parser.add_argument("--runs", type=int, default=3, help="alternating throughput runs")
    parser.add_argument("--formulas", type=int, default=200, help="formulas in the math answer")
    parser.add_argument(
        "--part", choices=("all", "render", "throughput", "math"), default="all", help="run only one part"
    )
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    loop = create_event_loop(app)
    results: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            if args.part in ("all", "render"):
                with app_window(folder, Backend(stream=paced_stream("", 0))) as window:
                    results |= loop.run_until_complete(
                        render_benchmarks(window, args.chars, args.long_chars, args.rate)
                    )
            if args.part in ("all", "math"):
                with app_window(folder, Backend(stream=paced_stream("", 0))) as window:
                    results |= loop.run_until_complete(
                        math_benchmarks(window, args.chars, args.formulas, args.rate)
                    )
                math_images.shared().shutdown()
            if args.part in ("all", "throughput"):
                with emulator_process() as base_url:
                    backend, client = real_backend(base_url)
                    with app_window(folder, backend) as window:
                        results |= loop.run_until_complete(
                            throughput_benchmarks(window, base_url, args.words, args.runs)
                        )
                    loop.run_until_complete(client.close())
    finally:
        close_event_loop(loop)
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    prepare_qt_environment()  # as app.py does, before the QApplication
    main()
