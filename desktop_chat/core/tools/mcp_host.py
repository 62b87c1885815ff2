"""Running MCP servers for the app: started on first use, listed, called, stopped with the app.

The official `mcp` SDK is built on anyio: a client must be opened and closed in the same task, and a
stdio server is a child process. So every server lives in one task of a private event loop on a thread
of its own (`McpHost`): the app's loop (qasync, on the Qt thread) hands it work and awaits the result.
A server that cannot start, crashes or does not answer in time is an `McpFailure` with a message a user
can act on (what its error output said last), never a hang: every wait is bounded.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import logging
import tempfile
import threading
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.tools.mcp_config import McpServer

log = logging.getLogger("desktop_chat")
T = TypeVar("T")

START_TIMEOUT_S = 30.0  # starting a server and listing its tools
CALL_TIMEOUT_S = 120.0  # one tool call
STOP_TIMEOUT_S = 5.0  # all servers, when the app quits
ERROR_TAIL = 600  # characters of a server's error output quoted in a message


class McpFailure(Exception):
    """A server could not start, stopped, or did not answer in time (the message says which)."""


@dataclass(frozen=True)
class McpTool:
    """One tool a server offers: its name, what it says it does, and its arguments' JSON schema."""

    server_id: str
    server_name: str
    name: str
    description: str
    input_schema: dict[str, Any]


@dataclass(frozen=True)
class ToolOutcome:
    """What a call gave: its text (the content's text parts, or its JSON), and whether it is an error."""

    text: str
    is_error: bool = False


def _result_text(result: Any) -> str:
    parts: list[str] = []
    for block in getattr(result, "content", None) or []:
        kind = getattr(block, "type", "")
        if kind == "text":
            parts.append(str(getattr(block, "text", "")))
        elif kind in ("image", "audio"):
            parts.append(f"[{kind}: {getattr(block, 'mime_type', '') or getattr(block, 'mimeType', '')}]")
        elif kind == "resource_link":
            parts.append(str(getattr(block, "uri", "")))
        elif kind == "resource":
            resource = getattr(block, "resource", None)
            parts.append(str(getattr(resource, "text", "") or getattr(resource, "uri", "")))
    if not parts and getattr(result, "structured_content", None) is not None:
        parts.append(json.dumps(result.structured_content, ensure_ascii=False))
    return "\n".join(parts)


class _Running:
    """One started server on the host loop: its task, its tools once listed, its error output."""

    def __init__(self, server: McpServer, secrets: dict[str, str], call_timeout_s: float) -> None:
        self.server = server
        self.secrets = secrets
        self.call_timeout_s = call_timeout_s
        self.ready: asyncio.Future[list[McpTool]] = asyncio.get_running_loop().create_future()
        self.requests: asyncio.Queue[tuple[str, dict[str, Any], asyncio.Future[ToolOutcome]] | None] = (
            asyncio.Queue()
        )
        self.errlog = tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace")  # noqa: SIM115 - closed in _serve
        self.stopped = False
        self.failure: McpFailure | None = None  # why it stopped, once it did
        self.task = asyncio.get_running_loop().create_task(self._serve(), name=f"mcp {server.name}")

    def error_tail(self) -> str:
        with contextlib.suppress(OSError, ValueError):
            self.errlog.flush()
            self.errlog.seek(0)
            text = self.errlog.read().strip()
            return text[-ERROR_TAIL:].strip()
        return ""

    async def _transport(self, stack: contextlib.AsyncExitStack) -> Any:
        """How to reach the server; what it opens (an HTTP client) is closed with `stack`."""
        server = self.server
        if server.is_remote:
            import httpx2
            from mcp.client.streamable_http import streamable_http_client

            client = httpx2.AsyncClient(headers=self.secrets, timeout=self.call_timeout_s)
            http = await stack.enter_async_context(client)  # the SDK does not close a client it is given
            return streamable_http_client(server.url, http_client=http)
        from mcp.client.stdio import StdioServerParameters, stdio_client

        parameters = StdioServerParameters(command=server.command, args=list(server.args), env=self.secrets)
        return stdio_client(parameters, errlog=self.errlog)

    async def _serve(self) -> None:
        from mcp import Client

        pending: asyncio.Future[ToolOutcome] | None = None
        try:
            async with contextlib.AsyncExitStack() as stack:
                transport = await self._transport(stack)
                client = await stack.enter_async_context(
                    Client(transport, read_timeout_seconds=self.call_timeout_s)
                )
                listed = await client.list_tools()
                tools = [
                    McpTool(
                        self.server.id,
                        self.server.name,
                        tool.name,
                        tool.description or "",
                        dict(tool.input_schema or {"type": "object", "properties": {}}),
                    )
                    for tool in listed.tools
                ]
                if not self.ready.done():
                    self.ready.set_result(tools)
                while (request := await self.requests.get()) is not None:
                    name, arguments, pending = request
                    try:
                        result = await client.call_tool(name, arguments)
                    except Exception as exc:
                        if not _timed_out(exc):
                            raise
                        pending.set_exception(self._too_slow())  # the server lives on: only this call failed
                    else:
                        if not pending.done():
                            pending.set_result(ToolOutcome(_result_text(result), bool(result.is_error)))
                    pending = None
        except asyncio.CancelledError:
            raise
        except BaseException as exc:
            failure = self.failure = McpFailure(self._stopped_message(exc))
            log.warning("MCP server %s ended: %r", self.server.name, exc)
            for future in (self.ready, pending):
                if future is not None and not future.done():
                    future.set_exception(failure)
            self._fail_queued(failure)
        finally:
            self.stopped = True
            self.errlog.close()

    def _fail_queued(self, failure: McpFailure) -> None:
        while not self.requests.empty():
            request = self.requests.get_nowait()
            if request is not None and not request[2].done():
                request[2].set_exception(failure)

    def _stopped_message(self, exc: BaseException) -> str:
        tail = self.error_tail()
        if not self.ready.done():
            template = QT_TRANSLATE_NOOP("core", "The MCP server “%1” could not start: %2")
        else:
            template = QT_TRANSLATE_NOOP("core", "The MCP server “%1” stopped: %2")
        return Text(template, self.server.name, tail or _describe(exc))

    async def call(self, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        if self.stopped:
            raise self.failure or McpFailure(self._stopped_message(RuntimeError("not running")))
        future: asyncio.Future[ToolOutcome] = asyncio.get_running_loop().create_future()
        await self.requests.put((name, arguments, future))
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.call_timeout_s + 1)
        except TimeoutError:
            raise self._too_slow() from None

    def _too_slow(self) -> McpFailure:
        template = QT_TRANSLATE_NOOP("core", "The MCP server “%1” did not answer within %2 s.")
        return McpFailure(Text(template, self.server.name, round(self.call_timeout_s)))

    async def stop(self) -> None:
        if self.task.done():
            return
        await self.requests.put(None)
        try:
            await asyncio.wait_for(asyncio.shield(self.task), STOP_TIMEOUT_S)
        except (TimeoutError, Exception):
            self.task.cancel()
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self.task, STOP_TIMEOUT_S)


def _timed_out(exc: BaseException) -> bool:
    """Whether a call failed because the server did not answer in time (it may still be alive)."""
    return isinstance(exc, TimeoutError) or "timed out" in str(exc).lower()


def _describe(exc: BaseException) -> str:
    """The innermost useful words of an exception (anyio wraps them in groups)."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class McpHost:
    """The app's MCP servers, each started when a turn first needs its tools and kept until `close`."""

    def __init__(
        self, *, start_timeout_s: float = START_TIMEOUT_S, call_timeout_s: float = CALL_TIMEOUT_S
    ) -> None:
        self.start_timeout_s = start_timeout_s
        self.call_timeout_s = call_timeout_s
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._running: dict[str, _Running] = {}  # by server id (touched on the host loop only)
        self._lock = threading.Lock()

    # -- the private loop ------------------------------------------------------------------------
    def _host_loop(self) -> asyncio.AbstractEventLoop:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="mcp-host", daemon=True)
                thread.start()
                self._loop, self._thread = loop, thread
            return self._loop

    async def _on_host(self, coro: Coroutine[Any, Any, T]) -> T:
        future = asyncio.run_coroutine_threadsafe(coro, self._host_loop())
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise

    # -- what the app calls ----------------------------------------------------------------------
    async def tools(self, server: McpServer, secrets: dict[str, str]) -> list[McpTool]:
        """The server's tools, starting it first if it is not running (or its settings changed).
        Raises McpFailure."""
        return await self._on_host(self._tools(server, secrets))

    async def call(self, server_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        """Call a tool of a running server. Raises McpFailure (not running, stopped, too slow)."""
        return await self._on_host(self._call(server_id, name, arguments))

    def running(self) -> list[str]:
        """The ids of the servers running now."""
        return [key for key, run in list(self._running.items()) if not run.stopped]

    def close(self) -> None:
        """Stop every server and the host's thread (bounded: a stuck server is killed)."""
        with self._lock:
            loop, thread = self._loop, self._thread
            self._loop = self._thread = None
        if loop is None or thread is None:
            return
        future = asyncio.run_coroutine_threadsafe(self._stop_all(), loop)
        with contextlib.suppress(concurrent.futures.TimeoutError, Exception):
            future.result(STOP_TIMEOUT_S * 3)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(STOP_TIMEOUT_S)
        if not thread.is_alive():
            loop.close()

    async def stop(self, server_id: str) -> None:
        """Stop one server (its settings were changed or it was removed)."""
        if self._loop is not None:
            await self._on_host(self._stop(server_id))

    # -- on the host loop ------------------------------------------------------------------------
    async def _tools(self, server: McpServer, secrets: dict[str, str]) -> list[McpTool]:
        run = self._running.get(server.id)
        if run is not None and (run.stopped or run.server != server or run.secrets != secrets):
            await self._stop(server.id)
            run = None
        if run is None:
            run = self._running[server.id] = _Running(server, secrets, self.call_timeout_s)
        try:
            return await asyncio.wait_for(asyncio.shield(run.ready), self.start_timeout_s)
        except TimeoutError:
            await self._stop(server.id)
            template = QT_TRANSLATE_NOOP("core", "The MCP server “%1” did not start within %2 s.")
            raise McpFailure(Text(template, server.name, round(self.start_timeout_s))) from None

    async def _call(self, server_id: str, name: str, arguments: dict[str, Any]) -> ToolOutcome:
        run = self._running.get(server_id)
        if run is None:
            raise McpFailure(Text(QT_TRANSLATE_NOOP("core", "That MCP server is not running.")))
        return await run.call(name, arguments)

    async def _stop(self, server_id: str) -> None:
        run = self._running.pop(server_id, None)
        if run is not None:
            await run.stop()

    async def _stop_all(self) -> None:
        await asyncio.gather(*(self._stop(key) for key in list(self._running)), return_exceptions=True)
