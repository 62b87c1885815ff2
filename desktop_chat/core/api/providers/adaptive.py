"""Sending a turn the way the server takes it, falling back by itself and remembering what worked.

`adaptive_stream` is the stream function a back end hands to TurnRunner. Before anything of an answer
has arrived it can retry, each fallback learnt for the server (or the server and model) in
`ServerKnowledge` and said once in a quiet notice:
- `/responses` answers 404/405/501: the server has no Responses API; Chat Completions from now on;
- a streamed request fails with a 500 where the same request unstreamed works: unstreamed for a day
  (the answer is shown when it arrives whole), then streamed once again (remembered if it works);
- a 400 "Unsupported parameter" (or value): the request is sent again without that parameter, and
  later requests to that model leave it out.
A profile can fix the API (Responses or Chat Completions) and turn streaming off (`Route`).
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_chat.core.api.capabilities import ServerKnowledge
from desktop_chat.core.api.events import Alive, ChatError, ErrorKind, Failed, Notice, StreamEvent
from desktop_chat.core.api.providers.background import complete_background
from desktop_chat.core.api.providers.chat import complete_chat, stream_chat
from desktop_chat.core.api.providers.errors import server_words
from desktop_chat.core.api.providers.responses import complete_response, stream_response
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from openai import AsyncOpenAI

log = logging.getLogger("desktop_chat")

API_AUTO, API_RESPONSES, API_CHAT = "auto", "responses", "chat"
NO_ROUTE_STATUSES = (404, 405, 501)
MAX_ATTEMPTS = 6  # a route fallback, a stream fallback and a few refused parameters at most
STREAM_RETRY_S = 24 * 3600  # a model learnt to fail streamed is tried streamed again after a day
KEEPALIVE_S = 2.0  # while an unstreamed answer is being made: the server is silent, but alive

# what may be left out of a request when the model refuses it (anything else changes the question)
DROPPABLE = (
    "temperature",
    "top_p",
    "reasoning",
    "reasoning.effort",
    "reasoning.summary",
    "top_logprobs",
    "truncation",
    "context_management",
    "max_output_tokens",
    "background",  # a server without background mode: the answer streams as usual
    "service_tier",
    "prompt_cache_key",
    "text.verbosity",
)
# Chat Completions names for what the request calls otherwise
ALIASES = {
    "reasoning_effort": "reasoning.effort",
    "verbosity": "text.verbosity",
    "max_completion_tokens": "max_output_tokens",
    "max_tokens": "max_output_tokens",
    "logprobs": "top_logprobs",
}
_QUOTED = re.compile(r"['\"`]([A-Za-z_][A-Za-z0-9_.]*)['\"`]")
_REFUSAL = re.compile(r"unsupported|not supported|does not support|unrecognized|unknown parameter", re.I)


@dataclass(frozen=True)
class Route:
    """A profile's fixed choices: the API (auto, responses or chat) and whether to stream."""

    api: str = API_AUTO
    streaming: bool = True


def route_notice(error: ChatError) -> str:
    template = QT_TRANSLATE_NOOP(
        "core",
        "This server has no Responses API (%1), so answers come through Chat Completions from now on; "
        "conversations are sent from the local history.",
    )
    return Text(template, _words(error))


def stream_notice(error: ChatError) -> str:
    template = QT_TRANSLATE_NOOP(
        "core",
        "Streaming failed on this server (%1), so the answer was asked for whole; answers from this model "
        "now come whole when they are ready.",
    )
    return Text(template, _words(error))


def parameter_notice(model: str, names: list[str]) -> str:
    template = QT_TRANSLATE_NOOP(
        "core", "The model %1 does not take %2 on this server, so it was sent again without it."
    )
    return Text(template, model, ", ".join(names))


def _words(error: ChatError) -> str:
    return server_words(error.status_code, error.type, error.code, error.server_message) or error.message


def refused_parameters(error: ChatError, request: dict[str, Any]) -> list[str]:
    """The request parameters a 400 says the model does not take (only ones the request has and may
    go without)."""
    if error.status_code != 400:
        return []
    text = error.server_message or ""
    coded = error.code in ("unsupported_parameter", "unsupported_value")
    if not coded and not _REFUSAL.search(text):
        return []
    names = [error.param or "", *_QUOTED.findall(text)]
    names += [n.strip(" '\"") for group in re.findall(r"\[([^\]]*)\]", text) for n in group.split(",")]
    found: list[str] = []
    for name in names:
        name = ALIASES.get(name, name)
        if name in DROPPABLE and _has(request, name) and name not in found:
            found.append(name)
    return found


def _has(request: dict[str, Any], name: str) -> bool:
    head, _, tail = name.partition(".")
    value = request.get(head)
    return value is not None and (not tail or (isinstance(value, dict) and tail in value))


def without(request: dict[str, Any], names: list[str]) -> dict[str, Any]:
    """The request without the named parameters ("reasoning.effort": that key of `reasoning`)."""
    if not any(_has(request, name) for name in names):
        return request
    result = dict(request)
    for name in names:
        head, _, tail = name.partition(".")
        if tail and isinstance(result.get(head), dict):
            rest = {k: v for k, v in result[head].items() if k != tail}
            if rest:
                result[head] = rest
            else:
                result.pop(head)
        else:
            result.pop(head, None)
        if head == "top_logprobs":  # logprobs are asked for through `include` too
            include = [i for i in result.get("include") or [] if i != "message.output_text.logprobs"]
            if include:
                result["include"] = include
            else:
                result.pop("include", None)
    return result


def _open(
    client: AsyncOpenAI, request: dict[str, Any], chat: bool, streaming: bool
) -> AsyncIterator[StreamEvent]:
    if chat:
        return stream_chat(client, request) if streaming else _whole(complete_chat(client, request))
    if not streaming and request.get("background"):  # answered at once as queued: polled until done
        return _whole(complete_background(client, request))
    return stream_response(client, request) if streaming else _whole(complete_response(client, request))


async def _whole(events: AsyncIterator[StreamEvent]) -> AsyncIterator[StreamEvent]:
    """An unstreamed answer's events, with `Alive` every few seconds while the server makes it (it says
    nothing until the answer is whole, which must not count as a stalled stream)."""
    pending = asyncio.ensure_future(anext(events, None))
    try:
        while not (await asyncio.wait({pending}, timeout=KEEPALIVE_S))[0]:
            yield Alive(thinking=True)
        first = pending.result()
    finally:
        if not pending.done():
            pending.cancel()
    if first is None:
        return
    yield first
    async for event in events:
        yield event


def adaptive_stream(client: AsyncOpenAI, knowledge: ServerKnowledge, route: Route = Route()) -> Any:
    """A stream function (request -> events) for TurnRunner that falls back by itself (see module)."""

    def stream(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        return send(client, knowledge, route, request)

    return stream


async def send(
    client: AsyncOpenAI, knowledge: ServerKnowledge, route: Route, request: dict[str, Any]
) -> AsyncIterator[StreamEvent]:
    model = str(request.get("model") or "")
    facts = knowledge.facts(model)
    request = without(request, facts.unsupported)
    chat = route.api == API_CHAT or (route.api == API_AUTO and facts.responses_api is False)
    streaming = route.streaming and facts.streams(time.time())
    retrying_stream = streaming and facts.streaming is False  # the retry time has come
    stream_failure: ChatError | None = None  # a streamed 500, being tried again unstreamed
    for _attempt in range(MAX_ATTEMPTS):
        events = _open(client, request, chat, streaming)
        first = await anext(events, None)
        while isinstance(first, Alive):
            yield first
            first = await anext(events, None)
        if isinstance(first, Failed):
            error = first.error
            if not chat and route.api == API_AUTO and _no_route(error):
                log.info("no Responses API at %s (%s): Chat Completions", knowledge.server, error.status_code)
                knowledge.learn(None, "no /responses route", responses_api=False)
                yield Notice(route_notice(error))
                chat = True
                continue
            if streaming and error.status_code == 500 and error.kind is ErrorKind.SERVER:
                stream_failure, streaming = error, False
                continue
            names = refused_parameters(error, request)
            if names:
                log.info("%s refuses %s at %s: sent again without", model, names, knowledge.server)
                knowledge.learn(model, "refused " + ", ".join(names), unsupported=names)
                yield Notice(parameter_notice(model, names))
                request = without(request, names)
                continue
        if stream_failure is not None and first is not None and not isinstance(first, Failed):
            log.info("streaming fails for %s at %s: unstreamed", model, knowledge.server)
            knowledge.learn(
                model,
                "streamed requests fail",
                streaming=False,
                streaming_retry_at=time.time() + STREAM_RETRY_S,
            )
            if not retrying_stream:  # said once; a retry that fails again changes nothing for the user
                yield Notice(stream_notice(stream_failure))
        elif retrying_stream and first is not None and not isinstance(first, Failed):
            log.info("streaming works again for %s at %s", model, knowledge.server)
            knowledge.learn(model, "streams again", streaming=True, streaming_retry_at=None)
        if first is not None:
            yield first
        async for event in events:
            yield event
        return
    yield Failed(ChatError(ErrorKind.BAD_REQUEST, "The server refused every way of sending the request."))


def _no_route(error: ChatError) -> bool:
    return error.status_code in NO_ROUTE_STATUSES and error.kind is not ErrorKind.MODEL_NOT_FOUND
