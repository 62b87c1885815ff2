"""MCP server settings (secrets in the keyring, never in the store) and the host that runs them: a
server that cannot start says why, servers stop with the host, a changed setting restarts one."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.conversation.store import Store
from desktop_chat.core.tools import mcp_config
from desktop_chat.core.tools.local_tools import ToolSet, function_name
from desktop_chat.core.tools.mcp_config import McpServer
from desktop_chat.core.tools.mcp_host import McpFailure, McpHost, McpTool
from desktop_chat.core.tools.toolbox import McpToolbox

CLOCK = str(Path(__file__).parents[2] / "mcp_servers" / "clock_server.py")


def test_servers_are_stored_without_their_secrets(tmp_path: Path, memory_keyring: Any) -> None:
    store = Store(tmp_path / "chats.sqlite3")
    server = McpServer("clock", sys.executable, (CLOCK, "--verbose"), secret_names=("CLOCK_TOKEN",))
    mcp_config.save_server(store, server)
    mcp_config.set_secret(server, "CLOCK_TOKEN", "tok-123456")
    assert mcp_config.list_servers(store) == [server]
    assert "tok-123456" not in (tmp_path / "chats.sqlite3").read_bytes().decode("latin-1")
    assert mcp_config.secrets_of(server) == {"CLOCK_TOKEN": "tok-123456"}
    mcp_config.allow_always(store, server.id, "current_time")
    assert mcp_config.list_servers(store)[0].always_allowed == ("current_time",)
    mcp_config.delete_server(store, server.id)
    assert mcp_config.list_servers(store) == [] and mcp_config.secrets_of(server) == {}
    store.close()


def test_invalid_servers_are_refused_with_reasons() -> None:
    assert McpServer("", "prog").validate()  # no name
    assert McpServer("x").validate()  # neither command nor url
    assert McpServer("x", "prog", url="http://h").validate()  # both
    assert McpServer("x", url="ftp://h").validate()
    assert McpServer("x", url="http://127.0.0.1:9/mcp", secret_names=("Authorization",)).validate() == []
    assert McpServer("x", "prog", secret_names=("BAD NAME",)).validate()
    assert mcp_config.parse_command('python "my server.py" --port 3') == (
        "python",
        ("my server.py", "--port", "3"),
    )


def test_function_names_are_valid_and_unique() -> None:
    tool = McpTool("s", "my server", "get.time", "", {})
    assert function_name(tool, []) == "get_time"
    assert function_name(tool, ["get_time"]) == "my_server__get_time"
    assert function_name(tool, ["get_time", "my_server__get_time"]) == "my_server__get_time_2"
    long = McpTool("s", "s" * 80, "t" * 80, "", {})
    assert len(function_name(long, ["t" * 64])) == 64


def test_a_server_that_cannot_start_says_why_and_the_turn_goes_on_without_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "chats.sqlite3")
    broken = McpServer("broken", sys.executable, ("-c", "import sys; sys.exit('no module named clockwork')"))
    good = McpServer("clock", sys.executable, (CLOCK,))
    for server in (broken, good):
        mcp_config.save_server(store, server)
    toolbox = McpToolbox(store, McpHost(start_timeout_s=20))
    try:
        tools: ToolSet = asyncio.run(asyncio.wait_for(toolbox.toolset([broken.id, good.id]), 30))
    finally:
        toolbox.close()
    assert "current_time" in tools.tools
    (problem,) = tools.problems
    assert problem.startswith("The MCP server “broken” could not start: no module named clockwork")
    store.close()


def test_servers_stop_with_the_host_and_restart_when_their_settings_change() -> None:
    host = McpHost()
    server = McpServer("clock", sys.executable, (CLOCK,))

    async def go() -> None:
        await host.tools(server, {})
        first = host.running()
        await host.tools(server, {"CLOCK_TOKEN": "new"})  # a new secret: started again
        assert host.running() == first  # the same server id, one process

    asyncio.run(asyncio.wait_for(go(), 30))
    assert host.running()
    host.close()
    assert host.running() == []
    with pytest.raises(McpFailure):
        asyncio.run(host.call(server.id, "current_time", {}))


def test_a_url_server_is_reached_over_streamable_http_by_the_app() -> None:
    from tests.mcp_servers import free_port, http_clock

    host = McpHost(start_timeout_s=15)

    async def go(url: str) -> tuple[list[str], str]:
        server = McpServer("clock", url=url)
        tools = await host.tools(server, {"Authorization": "Bearer tok"})
        outcome = await host.call(server.id, "add", {"a": 20, "b": 22})
        return [t.name for t in tools], outcome.text

    try:
        with http_clock() as url:
            names, text = asyncio.run(asyncio.wait_for(go(url), 30))
        assert names == ["current_time", "add", "crash", "wait"] and text == "42"
        gone = McpServer("gone", url=f"http://127.0.0.1:{free_port()}/mcp")
        with pytest.raises(McpFailure, match="The MCP server “gone” could not start"):
            asyncio.run(asyncio.wait_for(host.tools(gone, {}), 30))
    finally:
        host.close()
