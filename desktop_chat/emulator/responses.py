"""Creating a response (`POST /v1/responses`): the answer built from the context, sent whole or as
a stream of events (reasoning first, then hosted tool calls, then the message), with the faults the
emulator can play mid-stream."""

from __future__ import annotations

import socket
import time
from typing import Any

import desktop_chat.emulator.background as background
from desktop_chat.emulator.answers import (
    JSON,
    compose,
    context_chars,
    count_tokens,
    parse_directives,
    reasoning_summary,
    user_texts,
)
from desktop_chat.emulator.faults import FAULTS, HTTP_FAULTS, SERVER_ERROR_MESSAGE, Fault, fault_error, some
from desktop_chat.emulator.function_tools import (
    call_items,
    check_calls_and_outputs,
    function_tools,
    planned_calls,
    tool_lines,
)
from desktop_chat.emulator.hosted_mcp import HostedMcp
from desktop_chat.emulator.hosted_tools import HostedTools, check_hosted_tools
from desktop_chat.emulator.image_tool import ImageTool
from desktop_chat.emulator.quirks import check_parameters, check_stream, is_reasoning, unsupported
from desktop_chat.emulator.state import EmulatorState
from desktop_chat.emulator.wire import Abort, ApiError, EventStream, Handler, chunks, new_id, send_json


def create_response(state: EmulatorState, handler: Handler, body: JSON) -> None:
    fault = state._take_fault()
    model = str(body.get("model") or "")
    if fault is not None and fault.name in HTTP_FAULTS:
        raise fault_error(fault.name, fault.params, model, body)
    state._check_model(model)
    check_stream(body, state.model_quirks(body))
    check_parameters(body, model, state.model_quirks(body))
    check_hosted_tools(body, model)
    context = state._expand(body)
    check_calls_and_outputs(context)
    texts = user_texts(context)
    directives = parse_directives(texts[-1] if texts else "")
    if fault is None and directives.fault:
        if directives.fault not in FAULTS:
            raise ApiError(400, f"Unknown emulator fault '{directives.fault}'.", param="input")
        fault = Fault(directives.fault, {})
    if fault is not None and fault.name in HTTP_FAULTS:
        raise fault_error(fault.name, fault.params, model, body)
    connection_fault = None  # a background response plays these on the connection, not the answer
    if body.get("background") is True:
        check_background(state, body)
        if fault is not None and fault.name in background.CONNECTION_FAULTS:
            connection_fault, fault = fault, None
    run = Run(state, body, context, fault)
    run.stall_s, run.think_s = directives.stall_ms / 1000, directives.think_ms / 1000
    delay_s = state.delay_s if directives.delay_ms is None else directives.delay_ms / 1000
    if body.get("background") is True:
        state._store(run.response("queued", []), context, True)
        job = background.start(state, run, True, delay_s)
        with state._lock:
            state._jobs[run.response_id] = job
        if body.get("stream"):
            background.follow(state, handler, job, None, connection_fault)
        else:
            send_json(handler, 200, run.response("queued", []))
    elif body.get("stream"):
        run.stream(state._event_stream(handler, delay_s))
    else:
        run.respond(handler)


def check_background(state: EmulatorState, body: JSON) -> None:
    """Background mode needs the response stored (and a server that stores responses)."""
    if state.mode in ("stateless", "reject_previous"):
        raise unsupported("background")
    if body.get("store") is False:
        raise ApiError(400, "Background mode requires 'store' to be true.", param="store")


class Run:
    """One /v1/responses request: builds the answer and sends it streamed or whole."""

    def __init__(self, emulator: EmulatorState, body: JSON, context: list[JSON], fault: Fault | None) -> None:
        self.emulator = emulator
        self.body = body
        self.context = context
        self.fault = fault
        self.model = str(body["model"])
        self.instructions = body.get("instructions")
        text_format = ((body.get("text") or {}).get("format") or {}).get("type")
        json_format = text_format in ("json_object", "json_schema")
        self.text = compose(context, self.instructions, json_format, showcase=emulator.showcase)
        self.tools = HostedTools(body, self.query(), emulator.chunk_chars)
        self.text = self.tools.extend_answer(self.text, json_format)
        lines = tool_lines(context)
        if lines and not json_format:
            self.text = f"{lines}\n\n{self.text}"
        self.image = ImageTool(body, self.query())  # the image_generation tool (image_tool.py)
        if self.image.on and not json_format:
            self.text = f"{self.image.answer_line()}\n\n{self.text}"
        # the hosted mcp tool: listed, called or asked approval for (hosted_mcp.py)
        self.mcp = HostedMcp(body, context, emulator.chunk_chars)
        mcp_lines = self.mcp.answer_prefix()
        if mcp_lines and not json_format:
            self.text = f"{mcp_lines}\n\n{self.text}"
        # function tools the last user message names: called instead of an answer (function_tools.py)
        self.calls = planned_calls(function_tools(body.get("tools")), context)
        call_items(self.calls)  # their ids, made once
        if self.calls or self.mcp.waiting:
            self.text = ""
        self.incomplete_reason: str | None = None
        self.stall_s = 0.0  # silence halfway through the answer ([[stall:MS]])
        self.think_s = 0.0  # keepalives only, before the answer ([[think:MS]])
        limit = body.get("max_output_tokens")
        if isinstance(limit, int) and count_tokens(self.text) > limit:
            self.text = self.text[: max(0, limit * 4)]
            self.incomplete_reason = "max_output_tokens"
        if fault is not None and fault.name == "incomplete":
            self.incomplete_reason = str(fault.params.get("reason", "max_output_tokens"))
        reasoning = body.get("reasoning")
        self.reasoning = isinstance(reasoning, dict) and is_reasoning(self.model)
        wants_summary = self.reasoning and bool((reasoning or {}).get("summary"))
        self.summary = reasoning_summary(context) if wants_summary else None
        self.response_id = new_id("resp")
        self.message_id = new_id("msg")
        self.reasoning_id = new_id("rs")
        # store: false asks for the reasoning back, encrypted (sealed like compaction items)
        encrypted = "reasoning.encrypted_content" in (body.get("include") or [])
        self.sealed = emulator._seal({"v": 1, "reasoning": self.reasoning_id}) if encrypted else None
        carried = sum(1 for i in context if i.get("type") == "reasoning" and i.get("encrypted_content"))
        if carried and not json_format and not self.calls and not self.mcp.waiting:
            self.text += f"\n\nReasoning carried: {carried} encrypted item(s)"
        self.created_at = int(time.time())
        logprobs_wanted = "message.output_text.logprobs" in (body.get("include") or [])
        self.top_logprobs = int(body.get("top_logprobs") or 0) if logprobs_wanted else -1
        self.started = False
        self.sent = ""  # the answer text streamed so far

    # -- the pieces of a response object --

    def usage(self, text: str) -> JSON:
        input_tokens = count_tokens("x" * context_chars(self.context, self.instructions))
        reasoning_tokens = count_tokens(self.summary or "") * 4 if self.reasoning else 0
        output_tokens = count_tokens(text) + reasoning_tokens
        return {
            "input_tokens": input_tokens,
            "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
            "output_tokens": output_tokens,
            "output_tokens_details": {"reasoning_tokens": reasoning_tokens},
            "total_tokens": input_tokens + output_tokens,
        }

    def response(self, status: str, output: list[JSON], text: str = "", **extra: Any) -> JSON:
        body = self.body
        reasoning = body.get("reasoning") if self.reasoning else None
        response: JSON = {
            "id": self.response_id,
            "object": "response",
            "created_at": self.created_at,
            "status": status,
            "background": body.get("background") is True,
            "error": None,
            "incomplete_details": None,
            "instructions": self.instructions,
            "max_output_tokens": body.get("max_output_tokens"),
            "model": self.model,
            "output": output,
            "parallel_tool_calls": True,
            "previous_response_id": body.get("previous_response_id"),
            "reasoning": {
                "effort": (reasoning or {}).get("effort"),
                "summary": (reasoning or {}).get("summary"),
            },
            "temperature": body.get("temperature", 1.0),
            "text": body.get("text") or {"format": {"type": "text"}},
            "tool_choice": body.get("tool_choice", "auto"),
            "tools": body.get("tools") or [],
            "top_p": body.get("top_p", 1.0),
            "truncation": body.get("truncation", "disabled"),
            "metadata": body.get("metadata") or {},
            **extra,
        }
        if status not in (
            "queued",
            "in_progress",
        ):  # no usage (the key left out, as the spec has it) until the end
            response["usage"] = self.usage(text)
        return response

    def logprobs(self, piece: str, with_bytes: bool = False) -> list[JSON]:
        if self.top_logprobs < 0:
            return []
        entry: JSON = {"token": piece, "logprob": -0.01}
        tokens = [piece] + [f"alt{k}" for k in range(1, self.top_logprobs)]
        tops: list[JSON] = [
            {"token": t, "logprob": -0.01 if k == 0 else -2.0 - k} for k, t in enumerate(tokens)
        ]
        if with_bytes:
            entry["bytes"] = list(piece.encode())
            tops = [{**top, "bytes": list(t.encode())} for top, t in zip(tops, tokens, strict=True)]
        entry["top_logprobs"] = tops[: self.top_logprobs]
        return [entry]

    def part(self, text: str) -> JSON:
        part: JSON = {"type": "output_text", "text": text, "annotations": self.tools.annotations(text)}
        if self.top_logprobs >= 0:
            part["logprobs"] = [self.logprobs(p, True)[0] for p in chunks(text, self.emulator.chunk_chars)]
        else:
            part["logprobs"] = []
        return part

    def message(self, text: str, status: str) -> JSON:
        content = [self.part(text)] if status != "in_progress" else []
        return {
            "id": self.message_id,
            "type": "message",
            "status": status,
            "role": "assistant",
            "content": content,
        }

    def reasoning_item(self, done: bool) -> JSON:
        summary = [{"type": "summary_text", "text": self.summary}] if done and self.summary else []
        item: JSON = {"id": self.reasoning_id, "type": "reasoning", "summary": summary}
        if done and self.sealed:
            item["encrypted_content"] = self.sealed
        return item

    def final_output(self, text: str, message_status: str) -> list[JSON]:
        output = [self.reasoning_item(True)] if self.reasoning else []
        output += [item(True) for item, _ in self.tools.calls()]
        output += [self.image.item(True)] if self.image.on else []
        output += self.mcp.items
        if self.calls or self.mcp.waiting:
            return [*output, *call_items(self.calls)]
        return [*output, self.message(text, message_status)]

    def finish(self, status: str, text: str, **extra: Any) -> JSON:
        message_status = "completed" if status == "completed" else "incomplete"
        response = self.response(status, self.final_output(text, message_status), text, **extra)
        self.emulator._store(response, self.context, self.body.get("store", True) is not False)
        return response

    def failure_error(self) -> JSON:
        params = self.fault.params if self.fault else {}
        return {
            "code": params.get("code", "server_error"),
            "message": params.get("message", SERVER_ERROR_MESSAGE),
        }

    # -- whole (non-streamed) answers --

    def respond(self, handler: Handler) -> None:
        name = self.fault.name if self.fault else None
        if name == "drop":
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            raise Abort
        if name == "hang":
            self.emulator._hang(handler)
        if name == "malformed":
            data = b'{"id": "resp_broken", "object": "response", "output": ['
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
            return
        if name in ("error_flat", "error_nested"):
            raise ApiError(
                500, self.failure_error()["message"], type_="server_error", code=self.failure_error()["code"]
            )
        if name == "failed":
            partial = self.text[:40]
            response = self.finish("failed", partial, error=self.failure_error())
        elif self.incomplete_reason:
            partial = self.text if self.fault is None else self.text[: max(1, len(self.text) // 2)]
            response = self.finish(
                "incomplete", partial, incomplete_details={"reason": self.incomplete_reason}
            )
        else:
            response = self.finish("completed", self.text)
        send_json(handler, 200, response)

    # -- streamed answers --

    def stream(self, out: EventStream) -> None:
        try:
            self._stream(out)
        except Abort:
            out.handler.close_connection = True
            if self.fault is None and self.started:
                # the client stopped reading: keep what was sent, as a cancelled response
                self.finish("cancelled", self.sent)
            raise

    def _stream(self, out: EventStream) -> None:
        if self.body.get("background") is True:  # queued first, made when a worker takes it
            out.event("response.created", response=self.response("queued", []))
            out.event("response.queued", response=self.response("queued", []))
        else:
            out.event("response.created", response=self.response("in_progress", []))
        self.started = True
        out.event("response.in_progress", response=self.response("in_progress", []))
        index = 0
        if self.reasoning:
            self._stream_reasoning(out)
            index = 1
        elif self.think_s:
            out.keepalive_for(self.think_s)
        for _, stream_call in self.tools.calls():
            stream_call(out, index)
            index += 1
        if self.image.on:
            self.image.stream(out, index)
            index += 1
        index = self.mcp.stream(out, index)
        if self.calls or self.mcp.waiting:
            self._stream_calls(out, index)
            return
        item_id = self.message_id
        out.event("response.output_item.added", output_index=index, item=self.message("", "in_progress"))
        at = {"item_id": item_id, "output_index": index, "content_index": 0}
        out.event(
            "response.content_part.added",
            **at,
            part={"type": "output_text", "text": "", "annotations": [], "logprobs": []},
        )
        pieces = list(chunks(self.text, self.emulator.chunk_chars))
        name = self.fault.name if self.fault else None
        if name is not None:
            pieces = pieces[: some(pieces)]
        stall_at = len(pieces) // 2 if self.stall_s else -1
        for number, piece in enumerate(pieces):
            if number == stall_at:
                out.silence(self.stall_s)
            out.event("response.output_text.delta", **at, delta=piece, logprobs=self.logprobs(piece))
            self.sent += piece
            out.pause()
        sent = self.sent
        if name == "drop":
            out.drop()
            raise Abort
        if name == "hang":
            self.emulator._hang(out.handler)
        if name == "malformed":
            out.write(
                b'event: response.output_text.delta\ndata: {"type": "response.output_text.delta", "d\n\n'
            )
            out.end()
            return
        if name in ("error_flat", "error_nested"):
            error = self.failure_error()
            if name == "error_flat":
                out.event("error", code=error["code"], message=error["message"], param=None)
            else:
                out.event("error", error={"type": "server_error", **error, "param": None})
            out.end()
            return
        status = "failed" if name == "failed" else "incomplete" if self.incomplete_reason else "completed"
        part = self.part(sent)
        for k, annotation in enumerate(part["annotations"]):
            out.event(
                "response.output_text.annotation.added", **at, annotation_index=k, annotation=annotation
            )
        # the done event's logprobs are the delta events' (no bytes); the part's carry bytes
        done_logprobs = [
            entry for piece in chunks(sent, self.emulator.chunk_chars) for entry in self.logprobs(piece)
        ]
        out.event("response.output_text.done", **at, text=sent, logprobs=done_logprobs)
        out.event("response.content_part.done", **at, part=part)
        # every item that was added is done before the end, a failed answer's message too
        message_status = "completed" if status == "completed" else "incomplete"
        out.event("response.output_item.done", output_index=index, item=self.message(sent, message_status))
        if status == "failed":
            out.event("response.failed", response=self.finish(status, sent, error=self.failure_error()))
        elif status == "incomplete":
            response = self.finish(status, sent, incomplete_details={"reason": self.incomplete_reason})
            out.event("response.incomplete", response=response)
        else:
            out.event("response.completed", response=self.finish(status, sent))
        out.end()

    def _stream_calls(self, out: EventStream, index: int) -> None:
        """The function calls, their arguments streamed, then the response (no message: the client
        runs the calls and sends their outputs in a next request)."""
        for offset, (pending, done) in enumerate(
            zip(call_items(self.calls, False), call_items(self.calls), strict=True)
        ):
            at = {"item_id": done["id"], "output_index": index + offset}
            out.event("response.output_item.added", output_index=index + offset, item=pending)
            for piece in chunks(done["arguments"], self.emulator.chunk_chars):
                out.event("response.function_call_arguments.delta", **at, delta=piece)
                out.pause(gate=False)
            out.event(
                "response.function_call_arguments.done", **at, name=done["name"], arguments=done["arguments"]
            )
            out.event("response.output_item.done", output_index=index + offset, item=done)
        out.event("response.completed", response=self.finish("completed", ""))
        out.end()

    def query(self) -> str:
        texts = user_texts(self.context)
        return (texts[-1] if texts else "")[:100]

    def _stream_reasoning(self, out: EventStream) -> None:
        item_id = self.reasoning_id
        out.event("response.output_item.added", output_index=0, item=self.reasoning_item(False))
        if self.think_s:
            out.keepalive_for(self.think_s)
        if self.summary:
            at = {"item_id": item_id, "output_index": 0, "summary_index": 0}
            out.event(
                "response.reasoning_summary_part.added", **at, part={"type": "summary_text", "text": ""}
            )
            for piece in chunks(self.summary, self.emulator.chunk_chars * 4):
                out.event("response.reasoning_summary_text.delta", **at, delta=piece)
                out.pause(gate=False)
            out.event("response.reasoning_summary_text.done", **at, text=self.summary)
            out.event(
                "response.reasoning_summary_part.done",
                **at,
                part={"type": "summary_text", "text": self.summary},
            )
        out.event("response.output_item.done", output_index=0, item=self.reasoning_item(True))
