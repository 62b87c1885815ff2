"""The benchmark suite runs: each benchmark's main() at tiny sizes yields its keys as numbers.

No timing is asserted here (benchmarks/run.py reports against targets; the machine may be noisy).
"""

from __future__ import annotations

import importlib
import math
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

KEYS = {
    "bench_stream": [
        "render_cpu_ratio_vs_full_rerender",
        "render_update_cost_ratio_20k_vs_5k",
        "render_max_ms_at_40k",
        "lag_p99_ms_at_1000_per_s",
        "throughput_ratio_vs_raw_sdk",
        "lag_p99_ms_unpaced",
        "math_lag_p99_ms_at_1000_per_s",
        "math_formulas_typeset",
    ],
    "bench_startup": ["first_paint_ratio_vs_bare_qt", "rss_mb_at_first_paint", "ready_to_send_s"],
    "bench_scale": [
        "open_10k_nodes_ms",
        "show_1000_message_path_ms",
        "switch_branch_ms",
        "switch_fork_ms_at_depth_500",
        "rss_mb_with_10k_nodes",
    ],
    "bench_tokens": ["draft_count_ms_at_10k_tokens", "chunked_count_equals_full"],
    "bench_huge": [
        "huge_prompt_max_stall_ms",
        "huge_prompt_time_ratio_vs_small",
        "long_followup_max_stall_ms",
        "long_followup_stall_ratio_vs_short",
    ],
    "bench_history": [
        "import_peak_rss_ratio_vs_empty",
        "reimport_ratio_vs_import",
        "gui_import_max_gap_ms",
        "startup_ratio_history_vs_empty",
        "open_ratio_last_vs_first",
        "db_size_ratio_vs_text",
        "search_worst_ms",
    ],
}
MAY_BE_ZERO = {
    "lag_p99_ms_at_1000_per_s",
    "lag_p99_ms_unpaced",
    "math_lag_p99_ms_at_1000_per_s",
}  # a probe that was never late


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.syspath_prepend(str(BENCHMARKS))  # the scripts import each other by module name
    return importlib.import_module("run")


@pytest.mark.parametrize("name", sorted(KEYS))
def test_benchmark_main_reports_its_keys(name: str, bench: Any, qapp: Any, capsys: Any) -> None:
    quick = {script: quick_args for script, _, quick_args in bench.BENCHMARKS}[f"{name}.py"]
    module = importlib.import_module(name)
    result = module.main(quick)
    printed = capsys.readouterr().out.strip().splitlines()[-1]
    assert printed.startswith("{")  # run.py reads the last printed line
    for key in KEYS[name]:
        value = result[key]
        assert isinstance(value, int | float) and math.isfinite(value), (key, value)
        assert value >= 0 if key in MAY_BE_ZERO else value > 0, (key, value)


def test_every_target_has_a_benchmark(bench: Any) -> None:
    measured = {key for keys in KEYS.values() for key in keys} | {"graph_2000_nodes_frame_ms_p99"}
    assert {target.key for target in bench.TARGETS} <= measured
    assert all(
        (BENCHMARKS / script).exists() for script, _, _ in bench.BENCHMARKS if script not in bench.OPTIONAL
    )


def test_each_number_is_the_median_of_its_runs_with_every_run_kept(bench: Any) -> None:
    runs = [
        {"ms": 30.0, "count": 4, "note": "a"},
        {"ms": 10.0, "count": 4},
        {"ms": 90.0, "count": 4, "note": "b"},
    ]
    medians, samples, notes = bench.median_of(runs)
    assert medians == {"ms": 30.0, "count": 4}
    assert samples["ms"] == [30.0, 10.0, 90.0]
    assert notes == {"note": "b"}
    assert bench.spread_text(samples["ms"]) == "10–90"
    assert bench.spread_text([5.0]) == "—"
