"""First paint and memory of the packaged app against running it from source, in the same run.

Alternates `<bundle>/desktop-chat` and `python -m desktop_chat` (warm-up runs first, then N pairs),
each with a fresh data folder, and records for every start:
  - wall: milliseconds from exec to the `window_shown` log line on stderr (what a user waits for),
  - app_s: the `window_shown s=` the app reports (from its own first import),
  - rss: the process's VmRSS (MiB) when that line arrives.
Prints medians and the bundle/source ratio as JSON. Needs a display (run under xvfb-run) or
QT_QPA_PLATFORM=offscreen.

    xvfb-run -a .venv/bin/python packaging/measure_startup.py --runs 9
"""

from __future__ import annotations

import argparse
import json
import os
import re
import selectors
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOWN = re.compile(r"window_shown s=([0-9.]+)")


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def one_start(command: list[str], timeout_s: float = 30.0) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="dc-measure-") as data:
        env = dict(os.environ, DESKTOP_CHAT_LOG="INFO")
        started = time.perf_counter()
        proc = subprocess.Popen(
            [*command, "--demo", "--data-dir", data],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stderr is not None
        result: dict[str, float] = {}
        with selectors.DefaultSelector() as selector:
            selector.register(proc.stderr, selectors.EVENT_READ)
            deadline = started + timeout_s
            while not result and time.perf_counter() < deadline:
                if not selector.select(timeout=deadline - time.perf_counter()):
                    break
                line = proc.stderr.readline()
                if not line:
                    break
                match = SHOWN.search(line)
                if match:
                    result = {
                        "wall_ms": (time.perf_counter() - started) * 1000,
                        "app_s": float(match.group(1)),
                        "rss_mib": rss_mib(proc.pid),
                    }
            # quit once the app is fully up: a SIGTERM in the first milliseconds, before the event
            # loop runs, is lost (the app keeps running without a window)
            while result and time.perf_counter() < deadline:
                if not selector.select(timeout=deadline - time.perf_counter()):
                    break
                line = proc.stderr.readline()
                if not line or "ready_to_send" in line:
                    break
        proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
        if not result:
            raise RuntimeError(f"no window_shown line from {command}")
        return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measured starts of each (after one warm-up)")
    parser.add_argument("--bundle", type=Path, default=HERE / "dist" / "desktop-chat" / "desktop-chat")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs the app from source")
    args = parser.parse_args()
    commands = {"bundle": [str(args.bundle)], "source": [args.python, "-m", "desktop_chat"]}
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for command in commands.values():  # warm-up: page cache, font cache
        one_start(command)
    for _ in range(args.runs):
        for name, command in commands.items():
            samples[name].append(one_start(command))
    report: dict[str, object] = {"runs": args.runs}
    for name, runs in samples.items():
        report[name] = {key: round(statistics.median(run[key] for run in runs), 3) for key in runs[0]}
    bundle, source = report["bundle"], report["source"]
    assert isinstance(bundle, dict) and isinstance(source, dict)
    report["ratio_wall"] = round(bundle["wall_ms"] / source["wall_ms"], 3)
    report["ratio_app_s"] = round(bundle["app_s"] / source["app_s"], 3)
    bundle_dir = args.bundle.parent
    files = [f for f in bundle_dir.rglob("*") if f.is_file() and not f.is_symlink()]
    report["bundle_mib"] = round(sum(f.stat().st_size for f in files) / 2**20, 1)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
