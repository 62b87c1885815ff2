"""Fixtures of the interop suite: the real LiteLLM proxy (its own venv) in front of one emulator."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.interop.gateway import Gateway, LiteLLMUnavailable, litellm_command, venv_ready

_prepared: dict[str, Any] = {}


def pytest_collection_finish(session: pytest.Session) -> None:
    """Build the proxy's venv before the first test runs, outside the per-test timeout (the first
    build takes minutes), and only when an interop test is selected."""
    if not any(item.get_closest_marker("interop") for item in session.items):
        return
    if not venv_ready():
        print("\ninterop: building .venv-litellm (tests/interop/litellm_env.sh, once)…", file=sys.stderr)
    try:
        _prepared["command"] = litellm_command()
    except LiteLLMUnavailable as exc:
        _prepared["error"] = exc


@pytest.fixture(scope="session")
def litellm_bin() -> Path:
    """The proxy's command; the suite skips only where LiteLLM cannot be installed, and never in CI
    (.ci/run builds the venv first, so a failure there is a real one)."""
    try:
        error = _prepared.get("error")
        if error is not None:
            raise error
        command = _prepared.get("command")
        return command if isinstance(command, Path) else litellm_command()
    except LiteLLMUnavailable as exc:
        if os.environ.get("CI"):
            pytest.fail(f"LiteLLM could not be installed in CI: {exc}")
        pytest.skip(f"LiteLLM 1.106.12 could not be installed here: {exc}")


@pytest.fixture(scope="session")
def upstream() -> Iterator[Any]:
    """The emulator behind the gateway (shared by the suite: tests read the requests they caused)."""
    from desktop_chat.emulator import Emulator

    emu = Emulator()
    emu.start()
    yield emu
    emu.stop()


@pytest.fixture(scope="session")
def gateway(litellm_bin: Path, upstream: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    proxy = Gateway(litellm_bin, upstream.base_url, tmp_path_factory.mktemp("litellm"))
    proxy.start()
    yield proxy
    proxy.stop()
