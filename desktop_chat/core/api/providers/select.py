"""Which back end a profile's conversations use: the Responses API or Chat Completions, chain or replay."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from desktop_chat.core.api.capabilities import Capabilities, ServerKnowledge
from desktop_chat.core.api.events import StreamEvent
from desktop_chat.core.api.providers.adaptive import API_CHAT, Route, adaptive_stream
from desktop_chat.core.api.providers.chat import stream_chat
from desktop_chat.core.api.providers.responses import stream_response
from desktop_chat.core.config.profiles import Profile
from desktop_chat.core.conversation.model import ContextMode
from desktop_chat.core.session.turns import StreamFn

if TYPE_CHECKING:
    from openai import AsyncOpenAI


def backend_for(
    profile: Profile | None, client: AsyncOpenAI, caps: Capabilities | None
) -> tuple[StreamFn, ContextMode]:
    """(stream function bound to `client`, the context mode to prefer) for a server.

    Unknown capabilities keep the app's original behaviour: Responses API with server chaining (a lost
    chain still falls back to replay once, in TurnRunner). A server that keeps no state gets local
    replay; a server without the Responses API gets Chat Completions (always replay).
    """
    if caps is not None and not caps.responses_api and caps.chat_api is not False:

        def chat(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
            return stream_chat(client, request)

        return chat, ContextMode.REPLAY

    def responses(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        return stream_response(client, request)

    keeps_state = caps is None or bool(caps.keeps_state)
    return responses, ContextMode.CHAIN if keeps_state else ContextMode.REPLAY


def mode_label(caps: Capabilities | None) -> str:
    """How conversations on this server are sent, for the status bar."""
    if caps is None:
        return "Responses · server chain"
    if not caps.responses_api:
        return "Chat Completions · local replay"
    return "Responses · server chain" if caps.keeps_state else "Responses · local replay"


def route_of(profile: Profile | None) -> Route:
    """A profile's fixed choices (none for a server given on the command line)."""
    return Route() if profile is None else Route(str(profile.api), profile.streaming)


def adaptive_backend(
    client: AsyncOpenAI, knowledge: ServerKnowledge, route: Route, model: str
) -> tuple[StreamFn, ContextMode]:
    """(stream function that falls back by itself, the context mode to prefer for `model`)."""
    stateless = route.api == API_CHAT or knowledge.stateless(model)
    return adaptive_stream(client, knowledge, route), ContextMode.REPLAY if stateless else ContextMode.CHAIN


def knowledge_label(knowledge: ServerKnowledge, route: Route, model: str) -> str:
    """How conversations with `model` on this server are sent, for the status bar."""
    facts = knowledge.facts(model)
    chat = route.api == API_CHAT or (route.api != "responses" and facts.responses_api is False)
    api = "Chat Completions" if chat else "Responses"
    mode = "local replay" if chat or knowledge.stateless(model) else "server chain"
    whole = " · unstreamed" if not route.streaming or facts.streaming is False else ""
    return f"{api} · {mode}{whole}"
