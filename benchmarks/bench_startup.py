"""Start-up: first paint and ready-to-send of the real app against a bare Qt window, same run.

Both are started the same way (a fresh `python` process, offscreen Qt) and timed by this process
from spawn to the log line on stderr, so interpreter start and imports count. The app is
`python -m desktop_chat --demo` with DESKTOP_CHAT_LOG=INFO and XDG_DATA_HOME=<tmp> (the default data
folder is looked up as on a user's machine, in a throwaway place); it logs
`window_shown s=` right after show(), `first_paint s=` on its first paint (when it logs that) and
`ready_to_send s=` once a prompt can be sent. The app paints its frame first (`first_paint`), then
loads and paints its panes and the open conversation (`ui_painted`); both are reported. RSS is VmRSS
from /proc/<pid>/status read when the first-paint line arrives. The app's package is compiled to
bytecode first, as an installed copy is. Alternating runs after one warm-up each; medians.

    python benchmarks/bench_startup.py [--runs 5]
Prints one JSON object (the last line of stdout).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

# The same point in a bare window: after show(), and on its first paint; then it quits.
BARE_WINDOW = """
import sys, time
START = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            print(f"bare INFO first_paint s={time.perf_counter() - START:.3f}", file=sys.stderr, flush=True)
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1180, 760)
window.setWindowTitle("bare")
paint = FirstPaint()
window.installEventFilter(paint)
window.show()
print(f"bare INFO window_shown s={time.perf_counter() - START:.3f}", file=sys.stderr, flush=True)
app.exec()
"""

LINE = re.compile(r"\b(window_shown|first_paint|ui_painted|ready_to_send) s=([0-9.]+)")
TIMEOUT_S = 60.0


def vm_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def launch(command: list[str], until: str, data_home: str) -> dict[str, float]:
    """Run `command` until the log line `until`; per marker: wall s since spawn, the app's own s, RSS."""
    env = dict(
        os.environ,
        DESKTOP_CHAT_LOG="INFO",
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        XDG_DATA_HOME=data_home,
    )
    env.pop("DESKTOP_CHAT_DATA_DIR", None)
    found: dict[str, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)
    watchdog.start()
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            match = LINE.search(line)
            if match is None:
                continue
            now, name = time.perf_counter() - start, match.group(1)
            found[f"{name}_rss_mb"] = vm_rss_mb(proc.pid)
            found[f"{name}_wall_s"] = now
            found[f"{name}_own_s"] = float(match.group(2))
            if name == until:
                break
        if f"{until}_wall_s" not in found:
            raise RuntimeError(f"{command!r} ended without logging {until}")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        watchdog.cancel()
    return found


def paint_marker(run: dict[str, float]) -> str:
    return "first_paint" if "first_paint_wall_s" in run else "window_shown"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="alternating runs of each (after a warm-up)")
    args = parser.parse_args(argv)
    # An installed app runs from bytecode (pip and the bundle compile it; PySide6 ships compiled). Here
    # PYTHONDONTWRITEBYTECODE may be set, which would make every run compile the app from source.
    import desktop_chat

    compileall.compile_dir(str(Path(desktop_chat.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        app_cmd = [sys.executable, "-m", "desktop_chat", "--demo"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW]
        launch(app_cmd, "ready_to_send", tmp)  # warm-up: creates the database, fills the disk cache
        launch(bare_cmd, "first_paint", tmp)
        apps, bares = [], []
        for _ in range(args.runs):
            apps.append(launch(app_cmd, "ready_to_send", tmp))
            bares.append(launch(bare_cmd, "first_paint", tmp))

    marker = paint_marker(apps[0])

    def med(runs: list[dict[str, float]], key: str) -> float:
        values = [r[key] for r in runs if key in r]
        return statistics.median(values) if values else 0.0

    app_paint, bare_paint = med(apps, f"{marker}_wall_s"), med(bares, f"{marker}_wall_s")
    results = {
        "first_paint_marker": marker,
        "startup_runs": args.runs,
        "app_first_paint_s": round(app_paint, 3),
        "bare_qt_first_paint_s": round(bare_paint, 3),
        "first_paint_ratio_vs_bare_qt": round(app_paint / bare_paint, 3),
        "app_window_shown_own_s": round(med(apps, "window_shown_own_s"), 3),
        "bare_qt_window_shown_s": round(med(bares, "window_shown_wall_s"), 3),
        "rss_mb_at_first_paint": round(med(apps, f"{marker}_rss_mb"), 1),
        "bare_qt_rss_mb_at_first_paint": round(med(bares, f"{marker}_rss_mb"), 1),
        "ready_to_send_s": round(med(apps, "ready_to_send_wall_s"), 3),
        "ready_to_send_own_s": round(med(apps, "ready_to_send_own_s"), 3),
        "rss_mb_at_ready_to_send": round(med(apps, "ready_to_send_rss_mb"), 1),
        # the frame paints first; the panes and the open conversation are painted by this point
        "ui_painted_s": round(med(apps, "ui_painted_wall_s"), 3),
        "ui_painted_ratio_vs_bare_qt": round(med(apps, "ui_painted_wall_s") / bare_paint, 3),
    }
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    main()
