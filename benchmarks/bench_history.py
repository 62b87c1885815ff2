"""Years of history: import, start-up, a long session of opens, database size and search, against empty.

The history comes from make_history.py (seeded): N conversations of ~15 turns, 15% Korean, Chinese or
Japanese. Every number is paired with the same measurement on an empty (or tiny) case in the same run:

- import: `desktop-chat --import conversations.json` (the command line, in its own process) of the N
  conversations into an empty folder: seconds, MB/s and peak RSS against importing a one-conversation
  file; importing the same file again (nothing new) against the first import. In the window: the
  longest the event loop went without a turn while the import ran (probed every 10 ms).
- start-up: the app started on a folder holding the N conversations (made as the app makes them, with
  output items) against an empty folder and against a folder of one conversation (what showing the
  newest conversation costs, whatever the history): the wall time until its panes have painted
  (`ui_painted`), median of alternating runs after a warm-up each. With --cold-runs, also cold: the
  page cache dropped before every launch (needs root; said so when not possible).
- opens: one window over the N conversations opens them one after another (--opens times): the median
  open of the last 100 against the first 100, RSS growth, and the transcript document's text formats.
- database size: the store's bytes (database + WAL after a checkpoint) against the UTF-8 bytes of the
  text it holds (prompts, answers, titles).
- search: core search for short and long terms (absent and present, Korean, Chinese, Japanese, Latin)
  at N conversations against the same search in an empty store: medians of repeats (ms), wall time
  and the process's CPU time (what a machine busy with other work does not inflate).

    python benchmarks/bench_history.py [--conversations 1000] [--opens 1500]
    python benchmarks/bench_history.py --big        # 5,000 conversations and 5,000 opens (long)
    python benchmarks/bench_history.py --big --reuse DIR --skip-import --cold-runs 3  # again, from DIR
Prints one JSON object (the last line of stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEARCHES = {
    "ko2_absent": "사과",
    "ko2_present": "나무",
    "ko1": "숲",
    "zh2": "数据",
    "zh1": "树",
    "ja3": "データ",
    "latin2_absent": "qz",
    "latin2_present": "qu",
    "latin1": "k",
    "long_present": "database",
    "long_absent": "zebrafish",
    "mixed": "나무 model",
}
TARGET_SEARCH_MS = 50.0


def child(phase: str, *args: str) -> dict[str, Any]:
    """Run one phase in a fresh process (its own memory peak); its result is the last line printed."""
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    done = subprocess.run(
        [sys.executable, __file__, "--phase", phase, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"phase {phase} failed ({done.returncode}): {done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vm_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# -- phases (each in its own process) -------------------------------------------------------------------
def phase_cli_import(source: str, data: str) -> dict[str, Any]:
    from desktop_chat import cli

    start = time.perf_counter()
    code = cli.main(["--data-dir", data, "--import", source])
    seconds = time.perf_counter() - start
    return {"code": code, "s": seconds, "peak_rss_mb": peak_rss_mb()}


def phase_gui_import(source: str, data: str) -> dict[str, Any]:
    """The window imports the file; a 10 ms timer measures how long the event loop is held."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_chat.core.config.paths import database_path
    from desktop_chat.core.conversation.store import open_store
    from desktop_chat.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    Path(data).mkdir(parents=True, exist_ok=True)
    store, _ = open_store(database_path(Path(data)))
    window = MainWindow(store)
    window.show()
    app.processEvents()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    probe.start()
    start = time.perf_counter()
    finished = window_import(window, Path(source), app)
    seconds = time.perf_counter() - start
    probe.stop()
    tick()
    panes = getattr(window, "conversations", window)
    count = panes.conversation_model.rowCount()
    window.close()
    store.close()
    return {
        "s": seconds,
        "max_gap_ms": max(gaps) * 1000,
        "finished": finished,
        "listed": count,
        "peak_rss_mb": peak_rss_mb(),
    }


def window_import(window: Any, source: Path, app: Any) -> bool:
    """Import through the window as File > Import does, until it is done."""
    owner = getattr(window, "transfer", window)  # older windows imported themselves
    job = owner.import_path(source)
    if isinstance(job, str):  # an import that blocked the window until it was done
        return True
    deadline = time.perf_counter() + 3600
    while not job.done and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    app.processEvents()
    return bool(job.done)


def phase_opens(data: str, opens: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from desktop_chat.core.config.paths import database_path
    from desktop_chat.core.conversation.store import open_store
    from desktop_chat.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store, _ = open_store(database_path(Path(data)))
    window = MainWindow(store)
    window.show()
    app.processEvents()
    ids = [c.id for c in store.list_conversations()]
    times: list[float] = []
    rss_first = 0.0
    for number in range(opens):
        start = time.perf_counter()
        window.open_conversation(ids[number % len(ids)])
        app.processEvents()
        times.append(time.perf_counter() - start)
        if number == 99:
            rss_first = vm_rss_mb()
    formats = len(window.transcript_pane.view.document().allFormats())
    first = statistics.median(times[:100])
    last = statistics.median(times[-100:])
    result = {
        "opens": opens,
        "open_first100_ms": first * 1000,
        "open_last100_ms": last * 1000,
        "open_ratio_last_vs_first": last / first,
        "rss_mb_after_100": rss_first,
        "rss_mb_after_all": vm_rss_mb(),
        "transcript_formats_after_all": formats,
    }
    window.close()
    store.close()
    return result


def phase_search(data: str, repeats: int) -> dict[str, Any]:
    from desktop_chat.core.config.paths import database_path
    from desktop_chat.core.conversation import search as search_module
    from desktop_chat.core.conversation.store import open_store

    store, _ = open_store(database_path(Path(data)))
    result: dict[str, Any] = {}
    try:
        for name, query in SEARCHES.items():
            runs, cpu = [], []
            hits = 0
            for _ in range(repeats):
                start, start_cpu = time.perf_counter(), time.process_time()
                hits = len(search_module.search(store, query))
                runs.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            result[f"{name}_ms"] = statistics.median(runs) * 1000
            result[f"{name}_cpu_ms"] = statistics.median(cpu) * 1000  # what a busy machine does not add
            result[f"{name}_hits"] = hits
    finally:
        store.close()
    return result


def phase_fill(data: str, conversations: int) -> dict[str, Any]:
    import sqlite3

    from make_history import fill_store

    from desktop_chat.core.config.paths import database_path

    path = database_path(Path(data))
    made = fill_store(path, conversations)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    made["text_bytes"] = text_bytes(path)
    return made


def text_bytes(path: Path) -> int:
    """UTF-8 bytes of the text the store holds: titles, prompts, answers."""
    from desktop_chat.core.conversation.store import Store

    store = Store(path)
    total = 0
    try:
        for conv in store.list_conversations():
            total += len(conv.title.encode())
            for node in store.load_nodes(conv.id):
                total += len(node.user_text.encode()) + len(node.output_text.encode())
    finally:
        store.close()
    return total


def store_bytes(data: Path) -> int:
    return sum(p.stat().st_size for p in data.glob("chats.sqlite3*"))


PHASES = {
    "cli_import": lambda a: phase_cli_import(a.source, a.data),
    "gui_import": lambda a: phase_gui_import(a.source, a.data),
    "opens": lambda a: phase_opens(a.data, a.opens),
    "search": lambda a: phase_search(a.data, a.repeats),
    "fill": lambda a: phase_fill(a.data, a.conversations),
}


# -- the benchmark -------------------------------------------------------------------------------------
def drop_page_cache() -> str:
    """Empty the kernel's page cache (a cold disk, as after a reboot); '' when done, else why not."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as exc:
        return f"not possible here ({exc.strerror or exc}): needs root"
    return ""


def startup(homes: dict[str, Path], runs: int, cold: bool = False) -> dict[str, float]:
    """Median wall time to painted panes for each home, runs alternating between them; `cold` drops the
    page cache before every launch (no warm-up then)."""
    from bench_startup import launch

    cmd = [sys.executable, "-m", "desktop_chat", "--demo"]
    if not cold:
        for home in homes.values():  # warm-ups: databases made, disk cache filled
            launch(cmd, "ui_painted", str(home))
    times: dict[str, list[float]] = {name: [] for name in homes}
    for _ in range(runs):
        for name, home in homes.items():
            if cold:
                drop_page_cache()
            times[name].append(launch(cmd, "ui_painted", str(home))["ui_painted_wall_s"])
    return {name: statistics.median(values) for name, values in times.items()}


def startup_results(homes: dict[str, Path], runs: int, cold_runs: int) -> dict[str, Any]:
    """Start-up with the history against an empty folder and a folder of one conversation (what showing
    a conversation costs, whatever the history), warm and, when asked and permitted, cold."""
    warm = startup(homes, runs)
    results: dict[str, Any] = {
        "startup_empty_s": warm["empty"],
        "startup_one_s": warm["one"],
        "startup_history_s": warm["full"],
        "startup_ratio_history_vs_empty": warm["full"] / warm["empty"],
        "startup_ratio_history_vs_one": warm["full"] / warm["one"],
    }
    if cold_runs:
        why_not = drop_page_cache()
        if why_not:
            results["startup_cold"] = why_not
        else:
            cold = startup({"empty": homes["empty"], "full": homes["full"]}, cold_runs, cold=True)
            results.update(
                startup_cold_empty_s=cold["empty"],
                startup_cold_history_s=cold["full"],
                startup_cold_ratio_history_vs_empty=cold["full"] / cold["empty"],
            )
    return results


def filled(folder: Path, conversations: int, reuse: Path | None) -> dict[str, Any]:
    """Fill a store in `folder` (data folder) with the history, or copy the one kept in `reuse`."""
    kept = reuse / f"store-{conversations}" if reuse else None
    if kept is not None and (kept / "made.json").is_file():
        shutil.copytree(kept, folder, dirs_exist_ok=True)
        (folder / "made.json").unlink()
        return dict(json.loads((kept / "made.json").read_text()))
    made = child("fill", "--data", str(folder), "--conversations", str(conversations))
    if kept is not None:
        shutil.copytree(folder, kept, dirs_exist_ok=True)
        (kept / "made.json").write_text(json.dumps(made))
    return made


def export_file(work: Path, conversations: int, reuse: Path | None) -> Path:
    """The ChatGPT export of the history (written once into `reuse` when given)."""
    from make_history import write_chatgpt_export

    source = (reuse or work) / f"export-{conversations}" / "conversations.json"
    if not source.is_file():
        partial = source.with_suffix(".partial")
        write_chatgpt_export(partial, conversations)
        partial.replace(source)
    return source


def imports(work: Path, n: int, reuse: Path | None) -> dict[str, Any]:
    """Import the N conversations (command line: into an empty folder, then again; window: once)."""
    from make_history import write_chatgpt_export

    source = export_file(work, n, reuse)
    results: dict[str, Any] = {"import_json_mb": round(source.stat().st_size / 1e6, 1)}
    tiny = work / "tiny" / "conversations.json"
    write_chatgpt_export(tiny, 1)
    small = child("cli_import", "--source", str(tiny), "--data", str(work / "tiny-data"))
    first = child("cli_import", "--source", str(source), "--data", str(work / "imported"))
    again = child("cli_import", "--source", str(source), "--data", str(work / "imported"))
    results.update(
        import_s=round(first["s"], 2),
        import_mb_per_s=round(results["import_json_mb"] / first["s"], 1),
        import_peak_rss_mb=round(first["peak_rss_mb"], 1),
        import_empty_peak_rss_mb=round(small["peak_rss_mb"], 1),
        import_peak_rss_ratio_vs_empty=round(first["peak_rss_mb"] / small["peak_rss_mb"], 2),
        reimport_s=round(again["s"], 2),
        reimport_ratio_vs_import=round(again["s"] / first["s"], 3),
        reimport_peak_rss_mb=round(again["peak_rss_mb"], 1),
    )
    shutil.rmtree(work / "imported")
    # import (window): how long the event loop is held
    gui = child("gui_import", "--source", str(source), "--data", str(work / "gui-data"))
    results.update(
        gui_import_s=round(gui["s"], 2),
        gui_import_max_gap_ms=round(gui["max_gap_ms"], 1),
        gui_import_peak_rss_mb=round(gui["peak_rss_mb"], 1),
    )
    shutil.rmtree(work / "gui-data")
    if reuse is None:
        source.unlink()
    return results


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--opens", type=int, default=1500)
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=5, help="repeats of each search")
    parser.add_argument("--big", action="store_true", help="5,000 conversations and 5,000 opens")
    parser.add_argument("--keep", type=Path, help="keep the generated history in this folder")
    parser.add_argument(
        "--reuse", type=Path, help="keep the generated export and store here, and reuse them when there"
    )
    parser.add_argument("--skip-import", action="store_true", help="leave out the import measurements")
    parser.add_argument(
        "--cold-runs", type=int, default=0, help="also start cold (page cache dropped: needs root) this often"
    )
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--source", help=argparse.SUPPRESS)
    parser.add_argument("--data", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        result = PHASES[args.phase](args)
        print(json.dumps(result))
        return result
    if args.big:
        args.conversations, args.opens = 5000, 5000

    n = args.conversations
    results: dict[str, Any] = {"history_conversations": n}
    work = Path(tempfile.mkdtemp(prefix="bench-history-"))
    try:
        if not args.skip_import:
            results.update(imports(work, n, args.reuse))
        # a store made as the app makes it; an empty one and one of a single conversation beside it
        homes = {"full": work / "full", "empty": work / "empty", "one": work / "one"}
        data = homes["full"] / "desktop-chat"
        (homes["empty"] / "desktop-chat").mkdir(parents=True)
        made = filled(data, n, args.reuse)
        filled(homes["one"] / "desktop-chat", 1, None)
        size = store_bytes(data)
        results.update(
            history_turns=made["turns"],
            text_mb=round(made["text_bytes"] / 1e6, 1),
            db_mb=round(size / 1e6, 1),
            db_size_ratio_vs_text=round(size / made["text_bytes"], 2),
        )
        started = startup_results(homes, args.startup_runs, args.cold_runs)
        results.update({k: round(v, 3) if isinstance(v, float) else v for k, v in started.items()})
        if args.opens:
            opens = child("opens", "--data", str(data), "--opens", str(args.opens))
            results.update({k: round(v, 3) if isinstance(v, float) else v for k, v in opens.items()})
        empty_data = homes["empty"] / "desktop-chat"
        empty_search = child("search", "--data", str(empty_data), "--repeats", str(args.repeats))
        full_search = child("search", "--data", str(data), "--repeats", str(args.repeats))
        worst = 0.0
        for name in SEARCHES:
            ms = full_search[f"{name}_ms"]
            worst = max(worst, ms)
            results[f"search_{name}_ms"] = round(ms, 2)
            results[f"search_{name}_cpu_ms"] = round(full_search[f"{name}_cpu_ms"], 2)
            results[f"search_{name}_hits"] = full_search[f"{name}_hits"]
            results[f"search_{name}_ratio_vs_empty"] = round(ms / max(empty_search[f"{name}_ms"], 0.001), 1)
        results["search_worst_ms"] = round(worst, 2)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            shutil.copytree(homes["full"], args.keep / "full", dirs_exist_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    main()
