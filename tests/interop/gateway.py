"""The real LiteLLM proxy on loopback, in front of the project's emulator (see docs/INTEROP.md).

`litellm_command()` builds (once) and finds the proxy's own venv; `Gateway` writes its config, starts
`litellm --config cfg.yaml --host 127.0.0.1 --port N` on a free port, waits for its health endpoint and
stops it. One proxy serves both modes:
- pass-through: `openai/<model>` with the emulator as `api_base` (LiteLLM forwards the Responses API);
- bridged: `lm_studio/<model>` (model name `bridged-<model>`), which LiteLLM converts from the
  Responses API to Chat Completions upstream.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ENV_SCRIPT = Path(__file__).with_name("litellm_env.sh")
REQUIREMENTS = Path(__file__).with_name("requirements-litellm.txt")
VENV = ROOT / ".venv-litellm"
PASS_THROUGH_MODELS = ["gpt-4.1-mini", "gpt-4.1"]
BRIDGED_PREFIX = "bridged-"
BRIDGED_MODELS = [BRIDGED_PREFIX + "gpt-4.1-mini"]
INSTALL_TIMEOUT_S = 900.0
START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 10.0
START_ATTEMPTS = 2


class ExitedEarly(RuntimeError):
    """The proxy exited before it was ready (its log's tail says why)."""


class LiteLLMUnavailable(Exception):
    """The proxy could not be installed (no registry, no venv module…): the reason, for a skip."""


def venv_ready() -> bool:
    """Whether litellm_env.sh already built the venv for this requirements file (its stamp)."""
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:16]
    return (VENV / f".installed-{digest}").exists()


def litellm_command() -> Path:
    """The `litellm` command of the proxy's venv, built by litellm_env.sh on first use."""
    try:
        done = subprocess.run(
            ["bash", str(ENV_SCRIPT)],
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LiteLLMUnavailable(f"{ENV_SCRIPT.name} did not finish: {exc}") from exc
    path = Path(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else None
    if done.returncode != 0 or path is None or not path.exists():
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise LiteLLMUnavailable(f"{ENV_SCRIPT.name} failed ({done.returncode}): {tail}")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def config(upstream: str, master_key: str) -> dict[str, Any]:
    """The proxy's config: pass-through and bridged models over the emulator at `upstream` (…/v1)."""

    def model(name: str, provider_model: str) -> dict[str, Any]:
        params = {"model": provider_model, "api_base": upstream, "api_key": "sk-upstream-interop"}
        return {"model_name": name, "litellm_params": params}

    bridged = [model(name, "lm_studio/" + name.removeprefix(BRIDGED_PREFIX)) for name in BRIDGED_MODELS]
    return {
        "model_list": [model(name, "openai/" + name) for name in PASS_THROUGH_MODELS] + bridged,
        "general_settings": {"master_key": master_key},
        "litellm_settings": {"telemetry": False},
    }


class Gateway:
    """A running LiteLLM proxy; `base_url` is what the app gets with --base-url."""

    def __init__(self, command: Path, upstream: str, workdir: Path) -> None:
        self.command = command
        self.upstream = upstream
        self.workdir = workdir
        self.master_key = "sk-interop-" + secrets.token_hex(8)
        self.port = 0
        self.base_url = ""
        self.log_path = workdir / "litellm.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> str:
        cfg = self.workdir / "cfg.yaml"
        cfg.write_text(json.dumps(config(self.upstream, self.master_key), indent=2))  # JSON is YAML
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("OPENAI_", "LITELLM_", "DATABASE_URL"))
        }
        # the proxy's price table ships with it: never fetch one at start-up (no network here)
        env["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        env["NO_COLOR"] = "1"
        for attempt in range(START_ATTEMPTS):
            self.port = free_port()
            args = [str(self.command), "--config", str(cfg), "--host", "127.0.0.1", "--port", str(self.port)]
            with self.log_path.open("ab") as log:
                self._process = subprocess.Popen(
                    args,
                    cwd=self.workdir,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            try:
                self._wait_ready()
                break
            except ExitedEarly:  # e.g. another process took the free port first: try another one
                if attempt == START_ATTEMPTS - 1:
                    raise
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        return self.base_url

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        url = f"http://127.0.0.1:{self.port}/health/liveliness"
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                raise ExitedEarly(f"LiteLLM exited at start-up:\n{self.log_tail()}")
            with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2.0) as answer:
                if answer.status == 200:
                    return
            time.sleep(0.2)  # bounded polling of a process outside the test's event loop
        self.stop()
        raise RuntimeError(f"LiteLLM not ready within {START_TIMEOUT_S:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT_S)
