"""A tiny MCP server for tests and demos: a clock that always tells the same time.

Run over stdio (`python clock_server.py`) or Streamable HTTP (`python clock_server.py --http PORT`).
Its answers are fixed so a test can look for them in the model's answer.
"""

from __future__ import annotations

import os
import sys
import time

from mcp.server.mcpserver import MCPServer

FIXED_TIME = "2026-12-02T09:30:00+09:00"

server = MCPServer("clock", log_level="WARNING")


@server.tool()
def current_time(city: str = "Seoul") -> str:
    """The current time in a city (always the same time: this is a test server)."""
    return f"It is {FIXED_TIME} in {city}."


@server.tool()
def add(a: int, b: int) -> int:
    """Add two whole numbers."""
    return a + b


@server.tool()
def crash() -> str:
    """Stop the server at once (tests: a server that dies during a call)."""
    print("clock: crashing on purpose", file=sys.stderr, flush=True)
    os._exit(3)


@server.tool()
def wait(seconds: float) -> str:
    """Answer after some seconds (tests: a call that takes too long)."""
    time.sleep(seconds)
    return f"waited {seconds} s"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--http":
        server.settings.log_level = "INFO"  # uvicorn says "Uvicorn running on …" when it listens
        server.run("streamable-http", host="127.0.0.1", port=int(sys.argv[2]))
    else:
        server.run()
