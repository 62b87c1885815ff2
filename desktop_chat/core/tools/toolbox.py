"""The MCP servers' tools for a turn: the servers turned on for the conversation, started on the host."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.tools import mcp_config
from desktop_chat.core.tools.local_tools import ToolSet
from desktop_chat.core.tools.mcp_host import McpFailure, McpHost, McpTool, ToolOutcome

if TYPE_CHECKING:
    from desktop_chat.core.conversation.store import Store

log = logging.getLogger("desktop_chat")


class McpToolbox:
    """Local tools from the configured MCP servers (core.tools.local_tools.Toolbox)."""

    def __init__(self, store: Store, host: McpHost | None = None) -> None:
        self.store = store
        self.host = host or McpHost()

    async def toolset(self, server_ids: list[str]) -> ToolSet:
        tools = ToolSet()
        for server_id in dict.fromkeys(server_ids):
            server = mcp_config.get_server(self.store, server_id)
            if server is None:
                continue
            if server.hosted:  # the provider connects to it: the request names it, nothing starts here
                spec = mcp_config.hosted_tool(server, mcp_config.secrets_of(server))
                tools.hosted.append(spec)
                tools.labels[spec["server_label"]] = (server.id, server.name)
                continue
            try:
                for tool in await self.host.tools(server, mcp_config.secrets_of(server)):
                    tools.add(tool)
            except McpFailure as exc:
                log.warning("MCP server %s: %s", server.name, exc)
                template = QT_TRANSLATE_NOOP("core", "%1 The question was sent without its tools.")
                tools.problems.append(Text(template, str(exc)))
        return tools

    async def run(self, tool: McpTool, arguments: dict[str, Any]) -> ToolOutcome:
        return await self.host.call(tool.server_id, tool.name, arguments)

    def always_allowed(self, tool: McpTool) -> bool:
        server = mcp_config.get_server(self.store, tool.server_id)
        return server is not None and tool.name in server.always_allowed

    def allow_always(self, tool: McpTool) -> None:
        mcp_config.allow_always(self.store, tool.server_id, tool.name)

    def close(self) -> None:
        self.host.close()
