"""What the window needs to talk to a server: built by app.py once the window has painted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_chat.core.conversation.model import ContextMode

if TYPE_CHECKING:
    from openai import AsyncOpenAI

    from desktop_chat.core.session.turns import StreamFn


@dataclass
class Backend:
    stream: StreamFn
    list_models: Callable[[], Any] | None = None  # async () -> list[str]
    label: str = ""
    client: AsyncOpenAI | None = None  # for stored-response actions (retrieve, delete, compact)
    prefer: ContextMode = ContextMode.CHAIN  # REPLAY for servers that keep no state
    provider: str | None = None  # which server answers: chained from only on the same one
    profile_id: str | None = None  # the provider profile it was built for (None: fixed by the command line)
    server: Any = None  # what is known of the server and its models (core.api.capabilities.ServerKnowledge)
    # background answers: resume a dropped stream, cancel (core.api.providers.background.BackgroundApi)
    background: Any = None
