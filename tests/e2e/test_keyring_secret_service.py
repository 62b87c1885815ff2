"""The key goes through a real Secret Service (D-Bus + gnome-keyring), as on a Linux desktop."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TOOLS = ("dbus-run-session", "gnome-keyring-daemon")


def test_keyring_round_trip_through_secret_service(tmp_path: Path) -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see .ci/run)")
        pytest.skip(f"needs {missing}")
    script = (
        "echo -n test-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; "
        f'"{sys.executable}" -m desktop_chat --keyring-check'
    )
    env = {
        k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND")
    }
    # a keyring of its own: a fresh login collection is created with this password, unlocked
    env.update(
        HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"), XDG_RUNTIME_DIR=str(tmp_path / "run")
    )
    (tmp_path / "run").mkdir(mode=0o700)
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEYRING_OK keyring.backends.SecretService.Keyring" in result.stdout


def test_keyring_check_says_plainly_when_there_is_no_keyring() -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_chat", "--keyring-check"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("KEYRING_UNAVAILABLE")
