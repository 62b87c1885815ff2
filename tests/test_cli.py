"""`--import FILE` / `--export FILE`: a summary, an exit code, no window; all or nothing."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_chat.cli import add_arguments, run_cli, wants_cli
from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.store import Store
from tests.core.interchange.test_chatgpt_import import sample_export, write_export


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    add_arguments(parser)
    parsed = parser.parse_args(["--data-dir", str(data_dir), *args])
    assert wants_cli(parsed)
    out, err = io.StringIO(), io.StringIO()
    code = run_cli(parsed, out, err)
    return code, out.getvalue(), err.getvalue()


def titles(data_dir: Path) -> list[str]:
    store = Store(database_path(data_dir))
    try:
        return sorted(c.title for c in store.list_conversations())
    finally:
        store.close()


def test_import_chatgpt_then_export_and_reimport_elsewhere(tmp_path: Path) -> None:
    source = write_export(tmp_path / "chatgpt", sample_export(), {})
    code, out, err = cli(tmp_path / "data", "--import", str(source))
    assert (code, err) == (0, "")
    assert out.startswith("Imported 2 conversation(s) with 7 turn(s) from a ChatGPT export.")
    assert titles(tmp_path / "data") == ["Draw a cat wearing a hat", "나무 이야기 🌳"]

    exported = tmp_path / "out" / "all.json"
    exported.parent.mkdir()
    code, out, _ = cli(tmp_path / "data", "--export", str(exported))
    assert (
        code == 0 and out == f"Exported 2 conversation(s) with 7 turn(s) to {exported} (desktop_chat JSON).\n"
    )
    assert json.loads(exported.read_text(encoding="utf-8"))["format"] == "desktop_chat.export"
    assert [p.name for p in exported.parent.iterdir()] == ["all.json"]  # no temporary file left

    code, out, _ = cli(tmp_path / "other", "--import", str(exported))
    assert code == 0 and out.startswith(
        "Imported 2 conversation(s) with 7 turn(s) from a desktop_chat export."
    )
    assert titles(tmp_path / "other") == titles(tmp_path / "data")

    markdown = tmp_path / "all.md"
    code, out, _ = cli(tmp_path / "data", "--export", str(markdown))
    assert code == 0 and "(Markdown)" in out
    assert "# 나무 이야기 🌳" in markdown.read_text(encoding="utf-8")


def test_a_bad_file_is_an_error_and_nothing_is_imported(tmp_path: Path) -> None:
    bad = tmp_path / "conversations.json"
    bad.write_text(json.dumps(sample_export())[:-40], encoding="utf-8")
    code, out, err = cli(tmp_path / "data", "--import", str(bad))
    assert code == 1 and out == ""
    assert "conversations.json is not valid JSON" in err and "Nothing was imported." in err
    assert titles(tmp_path / "data") == []
    code, _, err = cli(tmp_path / "data", "--import", str(tmp_path / "missing.json"))
    assert code == 1 and "cannot be read" in err
    code, _, err = cli(tmp_path / "data", "--export", str(tmp_path / "no" / "such" / "dir.json"))
    assert code == 1 and "cannot be written" in err


def run_module(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("DESKTOP_CHAT_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop_chat.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
        check=False,
    )


def test_the_command_line_runs_without_a_window(tmp_path: Path) -> None:
    source = write_export(tmp_path / "chatgpt", sample_export(), {})
    data = str(tmp_path / "data")
    done = run_module("--data-dir", data, "--import", str(source))
    assert done.returncode == 0, done.stderr
    assert "Imported 2 conversation(s)" in done.stdout
    again = run_module("--data-dir", data, "--import", str(source), "--export", str(tmp_path / "x.json"))
    assert again.returncode == 0, again.stderr
    assert (
        "2 conversation(s) were already here" in again.stdout and "Exported 2 conversation(s)" in again.stdout
    )
    bad = run_module("--data-dir", data, "--import", str(tmp_path / "x.json.missing"))
    assert bad.returncode == 1 and "cannot be read" in bad.stderr
    usage = run_module("--data-dir", data)
    assert usage.returncode == 2 and "--import" in usage.stderr
