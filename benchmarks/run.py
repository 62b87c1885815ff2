"""The benchmark suite in one command: every benchmark in its own process, then results and a report.

    python benchmarks/run.py              # the full suite, each benchmark run 3 times (several minutes)
    python benchmarks/run.py --repeat 5   # more runs per benchmark: a steadier median
    python benchmarks/run.py --quick      # tiny sizes, one run: checks that everything runs
    python benchmarks/run.py --big-history  # years of history at 5,000 conversations (adds ~30 min)

Each benchmark script runs `--repeat` times, each in a fresh process; every number reported is the
median of those runs, with its spread (min–max) beside it, so a verdict rests on the typical run
rather than a lucky or unlucky one. Writes benchmarks/results.json (a flat object of medians; ratios
are this app ÷ a reference measured in the same process), benchmarks/spread.json (each number's
runs) and benchmarks/REPORT.md (metric, median, spread, target, pass/fail). Targets are reported,
never asserted: the machine is shared and noisy. Exits 1 only when a benchmark could not run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Target:
    key: str
    limit: float
    what: str
    higher_is_better: bool = False

    def text(self) -> str:
        return f"{'≥' if self.higher_is_better else '≤'} {self.limit:g}"

    def passes(self, value: float) -> bool:
        return value >= self.limit if self.higher_is_better else value <= self.limit


TARGETS = [
    Target(
        "render_cpu_ratio_vs_full_rerender",
        0.5,
        "streaming 20k chars at 1,000 deltas/s: CPU ÷ full re-render",
    ),
    Target("render_update_cost_ratio_20k_vs_5k", 2.0, "per-frame render cost at 20k ÷ at 5k"),
    Target("render_max_ms_at_40k", 8.0, "largest single render at 40k chars (ms)"),
    Target("lag_p99_ms_at_1000_per_s", 16.0, "event-loop lag p99 while streaming at 1,000 deltas/s (ms)"),
    Target(
        "math_lag_p99_ms_at_1000_per_s",
        16.0,
        "event-loop lag p99 streaming 20k chars with 200 formulas at 1,000 deltas/s (ms)",
    ),
    Target("throughput_ratio_vs_raw_sdk", 0.6, "unpaced emulator stream: app ÷ raw SDK rate", True),
    Target("lag_p99_ms_unpaced", 16.0, "event-loop lag p99 during the unpaced stream (ms)"),
    Target("first_paint_ratio_vs_bare_qt", 1.3, "first paint: app ÷ bare Qt window"),
    Target("rss_mb_at_first_paint", 100.0, "RSS at first paint (MB)"),
    Target("ready_to_send_s", 1.0, "start until a prompt can be sent (s)"),
    Target("open_10k_nodes_ms", 300.0, "open a 10,000-node conversation (ms)"),
    Target("show_1000_message_path_ms", 500.0, "show a 1,000-message path (ms)"),
    Target("switch_branch_ms", 100.0, "switch to a sibling branch (ms)"),
    Target("switch_fork_ms_at_depth_500", 50.0, "transcript switcher: a fork at depth 500 (ms)"),
    Target("rss_mb_with_10k_nodes", 300.0, "RSS with the 10k-node conversation loaded (MB)"),
    Target("graph_2000_nodes_frame_ms_p99", 16.0, "graph view of 2,000 nodes: pan/zoom frame p99 (ms)"),
    Target("draft_count_ms_at_10k_tokens", 5.0, "count a 10k-token draft per keystroke (ms)"),
    Target("chunked_count_equals_full", 1.0, "chunked token counts equal a full count (1 = yes)", True),
    Target("huge_prompt_max_stall_ms", 100.0, "5 MB prompt sent until answered: longest loop stall (ms)"),
    Target(
        "long_followup_max_stall_ms", 100.0, "follow-up in a 3,000-turn conversation: longest loop stall (ms)"
    ),
    # years of history (bench_history.py: 1,000 conversations; --big-history: 5,000)
    Target(
        "import_peak_rss_ratio_vs_empty", 3.0, "import of the history: peak RSS ÷ importing one conversation"
    ),
    Target("reimport_ratio_vs_import", 0.1, "importing the same file again ÷ the first import (time)"),
    Target("gui_import_max_gap_ms", 100.0, "import in the window: longest the event loop waits (ms)"),
    Target("startup_ratio_history_vs_empty", 1.3, "start-up to painted panes: with the history ÷ empty"),
    Target("open_ratio_last_vs_first", 1.2, "opening conversations: last 100 opens ÷ first 100 (time)"),
    Target("db_size_ratio_vs_text", 2.0, "database bytes ÷ UTF-8 bytes of the text it holds"),
    Target("search_worst_ms", 50.0, "slowest search (short and long terms, Korean/Chinese/Japanese) (ms)"),
]

# script, arguments for the full run, arguments for --quick
BENCHMARKS: list[tuple[str, list[str], list[str]]] = [
    ("bench_tokens.py", [], ["--tokens", "500", "--keystrokes", "5"]),
    ("bench_startup.py", ["--runs", "5"], ["--runs", "1"]),
    (
        "bench_stream.py",
        [],
        ["--chars", "2000", "--long-chars", "3000", "--words", "300", "--runs", "1", "--formulas", "20"],
    ),
    ("bench_scale.py", [], ["--nodes", "200", "--depth", "40", "--repeats", "1"]),
    ("bench_graph.py", [], []),
    ("bench_render.py", [], ["--chars", "2000"]),  # the offline render comparison, kept as offline_*
    ("bench_huge.py", [], ["--prompt-mb", "0.2", "--turns", "50"]),
    (
        "bench_history.py",
        ["--conversations", "1000", "--opens", "2000"],
        ["--conversations", "20", "--opens", "30", "--startup-runs", "1", "--repeats", "1"],
    ),
]
ONCE = {"bench_history.py"}  # long; it repeats what it measures inside, so it runs once
TIMEOUTS = {"bench_history.py": 3600}
OPTIONAL = {"bench_graph.py"}  # recorded as null when the script does not exist
PREFIX = {"bench_render.py": "offline_"}
TIMEOUT_S = 900


def run_benchmark(script: str, args: list[str]) -> dict[str, Any]:
    """Run one benchmark script in a fresh process; its result is the JSON object it prints last."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    proc = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUTS.get(script, TIMEOUT_S),
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{script} exited with {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if not lines:
        raise RuntimeError(f"{script} printed no result")
    # bench_render prints an indented object: take the JSON from the last line that opens one
    text = proc.stdout[proc.stdout.rfind("\n{") + 1 :] if not lines[-1].startswith("{") else lines[-1]
    result = json.loads(text)
    if not isinstance(result, dict):
        raise RuntimeError(f"{script} printed {type(result).__name__}, not an object")
    return result


def numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def median_of(runs: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, list[float]], dict[str, Any]]:
    """The median of each number over several runs of one benchmark, every run's values, and the
    non-numeric values (notes) of the last run."""
    samples: dict[str, list[float]] = {}
    notes: dict[str, Any] = {}
    for result in runs:
        for key, value in result.items():
            if numeric(value):
                samples.setdefault(key, []).append(float(value))
            else:
                notes[key] = value
    medians: dict[str, Any] = {}
    for key, values in samples.items():
        middle = statistics.median(values)
        whole = middle.is_integer() and all(value.is_integer() for value in values)
        medians[key] = int(middle) if whole else round(middle, 6)
    return medians, samples, notes


def spread_text(values: list[float] | None) -> str:
    if not values or len(values) < 2:
        return "—"
    return f"{min(values):g}–{max(values):g}"


def report(
    results: dict[str, Any],
    notes: dict[str, Any],
    command: str,
    seconds: float,
    spread: dict[str, list[float]] | None = None,
) -> str:
    lines = [
        "# Benchmark report",
        "",
        f"Produced by `{command}` on {datetime.date.today().isoformat()} in {seconds:.0f} s "
        f"({platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, "
        f"Qt platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}). Ratios are this app ÷ a reference "
        "measured in the same run. Each value is the median of the runs shown in the spread column "
        "(min–max). Raw numbers: `benchmarks/results.json` (medians) and `benchmarks/spread.json` "
        "(every run).",
        "",
        "| metric | median | spread | target | result |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for target in TARGETS:
        value = results.get(target.key)
        if isinstance(value, int | float) and numeric(value):
            verdict = "pass" if target.passes(float(value)) else "**FAIL**"
            shown = f"{value:g}"
        else:
            verdict, shown = "not measured", "—"
        runs = spread_text((spread or {}).get(target.key))
        lines.append(f"| {target.what} (`{target.key}`) | {shown} | {runs} | {target.text()} | {verdict} |")
    lines += ["", "Other numbers from the same run:", ""]
    targeted = {t.key for t in TARGETS}
    lines += [
        f"- `{key}`: {value}" + (f" (runs {spread_text(spread[key])})" if spread and key in spread else "")
        for key, value in results.items()
        if key not in targeted
    ]
    if notes:
        lines += ["", "Notes:", ""]
        lines += [f"- {key}: {value}" for key, value in notes.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (checks the suite runs)")
    parser.add_argument("--only", nargs="*", help="run only these scripts (e.g. bench_scale.py)")
    parser.add_argument(
        "--repeat",
        type=int,
        default=None,
        help="runs of each benchmark; the median is reported (default 3, 1 with --quick)",
    )
    parser.add_argument("--out", type=Path, default=HERE, help="where results.json and REPORT.md go")
    parser.add_argument(
        "--big-history",
        action="store_true",
        help="bench_history with 5,000 conversations and 5,000 opens (long)",
    )
    args = parser.parse_args(argv)

    repeat = max(1, args.repeat if args.repeat is not None else (1 if args.quick else 3))
    started = time.perf_counter()
    results: dict[str, Any] = {t.key: None for t in TARGETS}
    spread: dict[str, list[float]] = {}
    notes: dict[str, Any] = {}
    crashed = False
    for script, full_args, quick_args in BENCHMARKS:
        if args.only and script not in args.only:
            continue
        if script in OPTIONAL and not (HERE / script).exists():
            notes[script] = "not present; its metrics are null"
            continue
        if script in OPTIONAL and args.quick:
            notes[script] = "skipped in --quick"
            continue
        runs: list[dict[str, Any]] = []
        chosen = quick_args if args.quick else full_args
        if script == "bench_history.py" and args.big_history:
            chosen = ["--big"]
        for run in range(1 if script in ONCE else repeat):
            print(f"running {script} ({run + 1}/{repeat}) …", file=sys.stderr, flush=True)
            try:
                runs.append(run_benchmark(script, chosen))
            except (RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
                crashed = True
                notes[script] = f"failed: {exc}"
                print(f"{script} failed: {exc}", file=sys.stderr)
                break
        if not runs:
            continue
        medians, samples, script_notes = median_of(runs)
        prefix = PREFIX.get(script, "")
        for key, value in medians.items():
            results[prefix + key] = value
            spread[prefix + key] = samples[key]
        for key, value in script_notes.items():
            notes[f"{script} {key}"] = value

    command = (
        "python benchmarks/run.py"
        + (" --quick" if args.quick else "")
        + (f" --repeat {repeat}" if args.repeat is not None else "")
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / "spread.json").write_text(json.dumps(spread, indent=2) + "\n", encoding="utf-8")
    (args.out / "REPORT.md").write_text(
        report(results, notes, command, time.perf_counter() - started, spread), encoding="utf-8"
    )
    print(json.dumps(results, indent=2))
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
