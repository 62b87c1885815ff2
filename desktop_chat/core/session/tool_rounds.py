"""The rounds of a turn that calls local tools: ask, run, send the outputs back, until the answer.

`TurnRunner` streams the first response; when it ends with `function_call` items and the turn offers
local tools, `ToolRounds.run` takes over: for each call it asks the `Approver` (unless the user allowed
that tool for good), runs it through the `Toolbox`, and sends the outputs in a next request — chained
to the last response (`previous_response_id`) where the server keeps it, else replayed with the whole
path plus this turn's calls and outputs — streaming into the same node, until an answer has no call.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from desktop_chat.core.api.events import ErrorKind
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import JSON, Node, NodeStatus, Usage
from desktop_chat.core.tools.local_tools import (
    Approver,
    Decision,
    FunctionCall,
    Toolbox,
    ToolSet,
    approval_item,
    calls_of,
    outcome_text,
    output_item,
    sendable,
)
from desktop_chat.core.tools.mcp_host import McpFailure

log = logging.getLogger("desktop_chat")

MAX_ROUNDS = 10  # tool rounds in one turn; a model that keeps calling is stopped there
DENIED_OUTPUT = "The user denied this tool call."
NO_APPROVER_OUTPUT = "The tool call was not run: nobody could be asked to allow it."
ROUNDS_NOTICE = Text(
    QT_TRANSLATE_NOOP(
        "core", "The model kept calling tools; the app stopped after %1 rounds. Ask again to go on."
    ),
    MAX_ROUNDS,
)

Consume = Callable[[Node, dict[str, Any], list[JSON]], Awaitable[ErrorKind | None]]


def add_usage(first: Usage | None, second: Usage | None) -> Usage | None:
    """Two requests' token counts together (the turn's bill)."""
    if first is None or second is None:
        return first or second
    return Usage(
        first.input_tokens + second.input_tokens,
        first.cached_tokens + second.cached_tokens,
        first.output_tokens + second.output_tokens,
        first.reasoning_tokens + second.reasoning_tokens,
        first.total_tokens + second.total_tokens,
    )


def _chain_lost(node: Node, failure: ErrorKind) -> bool:
    """Whether a chained round failed because the server lacks the response its outputs answer (it
    keeps no state, or ignored `previous_response_id`: the outputs then answer no call it knows)."""
    if failure is ErrorKind.PREVIOUS_NOT_FOUND:
        return True
    words = (node.error or "").lower()
    return failure is ErrorKind.BAD_REQUEST and (
        "no tool call found" in words or "previous_response_id" in words
    )


def _add_notice(node: Node, text: str) -> None:
    node.notice = text if not node.notice else f"{node.notice}\n{text}"


class ToolRounds:
    """Runs the tool rounds of one turn (see module)."""

    def __init__(
        self,
        toolbox: Toolbox,
        approver: Approver | None,
        consume: Consume,
        progress: Callable[[Node], None],
        *,
        can_chain: bool,
        replay_input: Callable[[], list[JSON]],
    ) -> None:
        self.toolbox = toolbox
        self.approver = approver
        self.consume = consume
        self.progress = progress
        self.can_chain = can_chain  # whether the server keeps the responses (chain the outputs to them)
        self.replay_input = replay_input  # the turn's input with the whole path before it (a replay)

    async def run(self, node: Node, request: dict[str, Any], tools: ToolSet) -> None:
        first_previous = node.previous_response_id
        round_start = 0  # where the last response's items begin in node.output_items
        base_input: list[JSON] | None = None
        try:
            for _round in range(MAX_ROUNDS):
                # a response that calls functions leaves the node streaming (TurnRunner's `hold`)
                calls = calls_of(node.output_items[round_start:])
                if node.status is not NodeStatus.STREAMING or not calls:
                    return
                outputs: list[JSON] = []
                for call, label in calls:
                    answer = (
                        self.answer_hosted(node, call, label, tools)
                        if label
                        else self.answer(node, call, tools)
                    )
                    outputs.append(await answer)
                    node.output_items = [*node.output_items, outputs[-1]]
                    self.progress(node)
                sent_outputs = [sendable(item) for item in outputs]
                chained = self.can_chain and bool(node.response_id)
                if base_input is None:
                    base_input = (
                        self.replay_input() if request.get("previous_response_id") else list(request["input"])
                    )
                if chained:
                    request = {**request, "previous_response_id": node.response_id, "input": sent_outputs}
                else:
                    request = self._replayed(request, base_input, node)
                if node.output_text and not node.output_text.endswith("\n"):
                    node.output_text += "\n\n"
                usage = node.usage
                carried = list(node.output_items)
                round_start = len(carried)
                failure = await self.consume(node, request, carried)
                if failure is not None and chained and _chain_lost(node, failure):
                    # the server did not have (or ignored) the response the outputs answer: the round
                    # again with the calls and outputs replayed, and the turn's next rounds so too
                    log.info("tool round chain lost (%s): replayed", node.error)
                    self.can_chain = False
                    node.status, node.error = NodeStatus.STREAMING, None
                    failure = await self.consume(
                        node, self._replayed(request, base_input, node, carried), carried
                    )
                node.usage = add_usage(usage, node.usage)
                if failure is not None:
                    return
            if node.status is NodeStatus.STREAMING:  # still calling after the last round
                node.status = NodeStatus.COMPLETED
                _add_notice(node, ROUNDS_NOTICE)
        finally:
            node.previous_response_id = first_previous

    @staticmethod
    def _replayed(
        request: dict[str, Any], base_input: list[JSON], node: Node, items: list[JSON] | None = None
    ) -> dict[str, Any]:
        """The request with the whole path and the turn's items so far instead of a chain."""
        replayed = {k: v for k, v in request.items() if k != "previous_response_id"}
        replayed["input"] = base_input + [
            sendable(item) for item in (items if items is not None else node.output_items)
        ]
        return replayed

    async def answer_hosted(self, node: Node, call: FunctionCall, label: str, tools: ToolSet) -> JSON:
        """The user's say on a call the provider will make to an MCP server (an approval request)."""
        tool = tools.hosted_tool(label, call.name)
        note: JSON = {"server": tool.server_name if tool else label, "tool": call.name}
        if tool is None or self.approver is None:
            return approval_item(call.call_id, False, {**note, "state": "denied"})
        decision = (
            Decision.ONCE
            if self.toolbox.always_allowed(tool)
            else await self.approver.approve(node, call, tool)
        )
        if decision is Decision.ALWAYS:
            try:
                self.toolbox.allow_always(tool)
            except Exception as exc:
                log.error("could not remember the tool as allowed: %r", exc)
        approve = decision is not Decision.DENY
        return approval_item(call.call_id, approve, {**note, "state": "done" if approve else "denied"})

    async def answer(self, node: Node, call: FunctionCall, tools: ToolSet) -> JSON:
        """Ask, run and say what came of one call (as the output item kept in the node)."""
        tool = tools.tools.get(call.name)
        if tool is None:
            return output_item(call, f"Error: there is no tool named {call.name!r}.", {"state": "failed"})
        note: JSON = {"server": tool.server_name, "tool": tool.name}
        try:
            arguments = call.parsed_arguments()
        except ValueError as exc:
            return output_item(
                call, f"Error: the arguments are not valid JSON ({exc}).", {**note, "state": "failed"}
            )
        if self.toolbox.always_allowed(tool):
            decision = Decision.ONCE
        elif self.approver is None:
            return output_item(call, NO_APPROVER_OUTPUT, {**note, "state": "denied"})
        else:
            decision = await self.approver.approve(node, call, tool)
        if decision is Decision.DENY:
            return output_item(call, DENIED_OUTPUT, {**note, "state": "denied"})
        if decision is Decision.ALWAYS:
            try:
                self.toolbox.allow_always(tool)
            except Exception as exc:
                log.error("could not remember the tool as allowed: %r", exc)
        try:
            outcome = await self.toolbox.run(tool, arguments)
        except McpFailure as exc:
            _add_notice(node, str(exc))
            return output_item(call, f"Error: {exc}", {**note, "state": "failed"})
        state = "failed" if outcome.is_error else "done"
        return output_item(call, outcome_text(outcome), {**note, "state": state})
