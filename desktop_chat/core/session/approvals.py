"""The user's say before a local tool runs: each call waits here until the transcript's links decide.

`ToolApprovals.approve` is the TurnRunner's `Approver`: it records the call as pending, tells the panes
(`ToolApprovalChanged`: the transcript shows the call with its arguments and Allow once / Always allow /
Deny), and waits for `decide`. Stop cancels the turn's task, and with it the wait.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from desktop_chat.core.conversation.model import Node
from desktop_chat.core.session.events import SessionEvents, ToolApprovalChanged
from desktop_chat.core.tools.local_tools import Decision, FunctionCall
from desktop_chat.core.tools.mcp_host import McpTool


@dataclass
class PendingCall:
    node: Node
    call: FunctionCall
    tool: McpTool
    decision: asyncio.Future[Decision]


class ToolApprovals:
    """The calls waiting for the user's decision, by call id."""

    def __init__(self, events: SessionEvents) -> None:
        self.events = events
        self.pending: dict[str, PendingCall] = {}

    def pending_calls(self, node_id: str) -> dict[str, str]:
        """A node's calls that wait for a decision: call id -> the name of the tool's MCP server."""
        return {
            key: waiting.tool.server_name
            for key, waiting in self.pending.items()
            if waiting.node.id == node_id
        }

    async def approve(self, node: Node, call: FunctionCall, tool: McpTool) -> Decision:
        future: asyncio.Future[Decision] = asyncio.get_running_loop().create_future()
        self.pending[call.call_id] = PendingCall(node, call, tool, future)
        self.events.tool_approval.emit(ToolApprovalChanged(node, call.call_id))
        try:
            return await future
        finally:
            self.pending.pop(call.call_id, None)
            self.events.tool_approval.emit(ToolApprovalChanged(node, call.call_id))

    def decide(self, call_id: str, decision: Decision) -> bool:
        """The user's answer for a pending call (False when it no longer waits)."""
        waiting = self.pending.get(call_id)
        if waiting is None or waiting.decision.done():
            return False
        waiting.decision.set_result(decision)
        return True
