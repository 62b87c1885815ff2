"""Tiny MCP servers for tests (and a helper that runs one over Streamable HTTP on loopback)."""

from __future__ import annotations

import contextlib
import selectors
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

CLOCK = str(Path(__file__).with_name("clock_server.py"))
READY = b"Uvicorn running on"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def http_clock(timeout_s: float = 30.0) -> Iterator[str]:
    """The clock server over Streamable HTTP on a free loopback port: its URL, until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, CLOCK, "--http", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    try:
        seen = b""
        deadline = time.monotonic() + timeout_s
        with selectors.DefaultSelector() as waiting:
            waiting.register(process.stderr, selectors.EVENT_READ)
            while READY not in seen:  # what the server says once it listens
                left = deadline - time.monotonic()
                if left <= 0 or not waiting.select(left):
                    raise TimeoutError(f"the MCP server did not start: {seen.decode(errors='replace')}")
                chunk = process.stderr.read1(4096)  # type: ignore[attr-defined]
                if not chunk:
                    raise RuntimeError(f"the MCP server ended: {seen.decode(errors='replace')}")
                seen += chunk
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        process.stderr.close()
