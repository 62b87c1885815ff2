"""Hosted tools (web search, file search, code interpreter): the checks the real server makes, and
the output items a request with them gets before its message — one each, in a fixed order — with
their stream events and what they add to the answer (a closing note, citations)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from urllib.parse import quote

from desktop_chat.emulator.answers import JSON, file_search_results, interpreter_run
from desktop_chat.emulator.wire import ApiError, EventStream, chunks, new_id

WEB_SEARCH_TOOLS = ("web_search", "web_search_preview")

ItemAt = Callable[[bool], JSON]  # the call's output item, in progress (False) or done (True)
StreamAt = Callable[[EventStream, int], None]  # streams the call at an output index


def wants_web_search(body: JSON) -> bool:
    tools = body.get("tools") or []
    return any(isinstance(t, dict) and t.get("type") in WEB_SEARCH_TOOLS for t in tools)


def check_hosted_tools(body: JSON, model: str) -> None:
    """Hosted tools as the real server checks them (400s worded as it words them).

    The gpt-4.1 family has no hosted web search here. File search needs vector store ids (`vs_…`);
    the code interpreter needs a container (`{"type": "auto"}` or a container id).
    """
    for k, tool in enumerate(body.get("tools") or []):
        if not isinstance(tool, dict):
            continue
        kind = tool.get("type")
        if kind in WEB_SEARCH_TOOLS and "gpt-4.1" in model:
            raise ApiError(400, f"Hosted tool '{kind}' is not supported with {model}.", param="tools")
        if kind == "file_search":
            ids = tool.get("vector_store_ids")
            if not isinstance(ids, list) or not ids:
                raise ApiError(
                    400,
                    f"Missing required parameter: 'tools[{k}].vector_store_ids'.",
                    param=f"tools[{k}].vector_store_ids",
                    code="missing_required_parameter",
                )
            for j, store in enumerate(ids):
                if not isinstance(store, str) or not store.startswith("vs_"):
                    raise ApiError(
                        400,
                        f"Invalid 'tools[{k}].vector_store_ids[{j}]': expected an ID that begins with 'vs_'.",
                        param=f"tools[{k}].vector_store_ids[{j}]",
                        code="invalid_value",
                    )
        if kind == "code_interpreter":
            container = tool.get("container")
            if not (isinstance(container, str) and container) and not (
                isinstance(container, dict) and container.get("type") == "auto"
            ):
                raise ApiError(
                    400,
                    f"Missing required parameter: 'tools[{k}].container'.",
                    param=f"tools[{k}].container",
                    code="missing_required_parameter",
                )


class HostedTools:
    """The hosted tools one request turned on. `query` is what the user asked (the searches' query)."""

    def __init__(self, body: JSON, query: str, chunk_chars: int) -> None:
        self.query = query
        self.chunk_chars = chunk_chars
        self.web_search = wants_web_search(body)
        self.web_search_id = new_id("ws")
        tools = [t for t in body.get("tools") or [] if isinstance(t, dict)]
        include = body.get("include") or []
        file_search = next((t for t in tools if t.get("type") == "file_search"), None)
        self.vector_store_ids = [str(v) for v in (file_search or {}).get("vector_store_ids") or []]
        self.file_search = file_search is not None
        self.file_search_id = new_id("fs")
        self.file_results = file_search_results(self.vector_store_ids, query)
        self.include_results = "file_search_call.results" in include
        self.citations_at = -1  # where the answer's file_citation annotations point (-1: none)
        interpreter = next((t for t in tools if t.get("type") == "code_interpreter"), None)
        self.code_interpreter = interpreter is not None
        self.code_id = new_id("ci")
        container = (interpreter or {}).get("container")
        self.container_id = container if isinstance(container, str) else new_id("cntr")
        self.code, self.logs = interpreter_run(query)
        self.include_outputs = "code_interpreter_call.outputs" in include

    def extend_answer(self, text: str, json_format: bool) -> str:
        """The answer with what the tools found said at its end (not in JSON answers)."""
        if self.file_search and not json_format:
            found = len(self.file_results)
            text += f"\n\nFound in your files: {found} passage(s) about “{self.query}”."
            self.citations_at = len(text)
        if self.code_interpreter and not json_format:
            text += f"\n\nThe code printed: `{self.logs.splitlines()[0]}`."
        return text

    def calls(self) -> list[tuple[ItemAt, StreamAt]]:
        """(the call's output item, how it streams) for each hosted tool the request turned on."""
        calls: list[tuple[ItemAt, StreamAt]] = []
        if self.web_search:
            calls.append((self.web_search_item, self._stream_web_search))
        if self.file_search:
            calls.append((self.file_search_item, self._stream_file_search))
        if self.code_interpreter:
            calls.append((self.code_interpreter_item, self._stream_code_interpreter))
        return calls

    def annotations(self, text: str) -> list[JSON]:
        return self.url_citations(text) + self.file_citations(text)

    # -- hosted web search (a web_search_call item, then url_citation annotations on the answer) --

    def web_search_item(self, done: bool) -> JSON:
        return {
            "id": self.web_search_id,
            "type": "web_search_call",
            "status": "completed" if done else "in_progress",
            "action": {"type": "search", "query": self.query},
        }

    def url_citations(self, text: str) -> list[JSON]:
        if not self.web_search or not text:
            return []
        half = len(text) // 2
        return [
            {
                "type": "url_citation",
                "url": f"https://example.com/search/{k}?q={quote(self.query)}",
                "title": f"Search result {k} for “{self.query}”",
                "start_index": start,
                "end_index": end,
            }
            for k, (start, end) in enumerate(((0, half), (half, len(text))), start=1)
        ]

    def _stream_web_search(self, out: EventStream, index: int) -> None:
        _stream_search_call(out, index, "web_search_call", self.web_search_id, self.web_search_item)

    # -- hosted file search (a file_search_call item, then file_citation annotations on the answer) --

    def file_search_item(self, done: bool) -> JSON:
        """The call as the API shows it: queries once done, results only when `include` asks for them."""
        return {
            "id": self.file_search_id,
            "type": "file_search_call",
            "status": "completed" if done else "in_progress",
            "queries": [self.query] if done else [],
            "results": copy.deepcopy(self.file_results) if done and self.include_results else None,
        }

    def file_citations(self, text: str) -> list[JSON]:
        """One file_citation per result, at the end of the sentence that cites them (once it was sent)."""
        if self.citations_at < 0 or len(text) < self.citations_at:
            return []
        return [
            {
                "type": "file_citation",
                "file_id": result["file_id"],
                "filename": result["filename"],
                "index": self.citations_at,
            }
            for result in self.file_results
        ]

    def _stream_file_search(self, out: EventStream, index: int) -> None:
        _stream_search_call(out, index, "file_search_call", self.file_search_id, self.file_search_item)

    # -- hosted code interpreter (a code_interpreter_call item: its code streams, then it runs) --

    def code_interpreter_item(self, done: bool) -> JSON:
        """The call as the API shows it: outputs (the logs) only when `include` asks for them."""
        outputs = [{"type": "logs", "logs": self.logs}] if done and self.include_outputs else None
        return {
            "id": self.code_id,
            "type": "code_interpreter_call",
            "status": "completed" if done else "in_progress",
            "code": self.code if done else "",
            "container_id": self.container_id,
            "outputs": outputs,
        }

    def _stream_code_interpreter(self, out: EventStream, index: int) -> None:
        at = {"item_id": self.code_id, "output_index": index}
        out.event("response.output_item.added", output_index=index, item=self.code_interpreter_item(False))
        out.event("response.code_interpreter_call.in_progress", **at)
        for piece in chunks(self.code, self.chunk_chars * 4):
            out.event("response.code_interpreter_call_code.delta", **at, delta=piece)
            out.pause(gate=False)
        out.event("response.code_interpreter_call_code.done", **at, code=self.code)
        out.event("response.code_interpreter_call.interpreting", **at)
        out.pause()
        out.event("response.code_interpreter_call.completed", **at)
        out.event("response.output_item.done", output_index=index, item=self.code_interpreter_item(True))


def _stream_search_call(
    out: EventStream, index: int, kind: str, item_id: str, item: Callable[[bool], JSON]
) -> None:
    """A hosted search call's events (web or file search): added, in progress, searching, completed."""
    at = {"item_id": item_id, "output_index": index}
    out.event("response.output_item.added", output_index=index, item=item(False))
    out.event(f"response.{kind}.in_progress", **at)
    out.event(f"response.{kind}.searching", **at)
    out.pause()
    out.event(f"response.{kind}.completed", **at)
    out.event("response.output_item.done", output_index=index, item=item(True))
