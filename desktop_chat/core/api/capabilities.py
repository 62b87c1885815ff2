"""What a server can do, found out with tiny requests and remembered per profile.

`detect()` costs at most four small requests:
1. `GET /models` (the model list; a failure leaves it empty);
2. a Responses call that asks the model to remember a random word (turn 1);
3. a second Responses call chained with `previous_response_id` asking for that word (turn 2): the
   server keeps state only when the answer contains the word. A 400 naming `previous_response_id` means
   the server rejects chaining; `previous_response_not_found` means it keeps nothing; an answer without
   the word means it silently ignored the id;
4. only when there is no Responses API: a Chat Completions call.
The conversation then uses server chaining when the server keeps state, else local replay.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import openai

from desktop_chat.core.api.providers.errors import error_from_exception
from desktop_chat.core.conversation.store import Store

CACHE_PREFIX = "capabilities:"
PROBE_WORDS = ("amber", "cobalt", "juniper", "saffron", "quartz", "violet", "walnut", "zephyr")


@dataclass
class Capabilities:
    responses_api: bool
    keeps_state: bool | None  # None: not known (no Responses API, or the check failed)
    rejects_previous_id: bool = False
    models: list[str] = field(default_factory=list)
    checked_at: float = field(default_factory=time.time)
    chat_api: bool | None = None  # None: not checked (only checked without a Responses API)
    error: str | None = None  # why the server could not be used at all, for the user

    @property
    def usable(self) -> bool:
        return self.responses_api or bool(self.chat_api)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> Capabilities | None:
        if not isinstance(data, dict) or not isinstance(data.get("responses_api"), bool):
            return None
        names = set(cls.__dataclass_fields__)
        try:
            return cls(**{k: v for k, v in data.items() if k in names})
        except TypeError:
            return None

    def summary(self) -> str:
        """What works, in a few lines for "Test connection"."""
        if self.error and not self.usable:
            return self.error
        lines = []
        if self.responses_api:
            lines.append("Responses API: yes")
            if self.rejects_previous_id:
                lines.append("Server state: no (previous_response_id is refused) — local replay")
            elif self.keeps_state:
                lines.append("Server state: yes — conversations chain on the server")
            elif self.keeps_state is False:
                lines.append("Server state: no (earlier answers are not kept) — local replay")
            else:
                lines.append("Server state: unknown — local replay")
        else:
            lines.append("Responses API: no")
            lines.append("Chat Completions: " + ("yes — local replay" if self.chat_api else "no"))
        shown = ", ".join(self.models[:5]) + ("…" if len(self.models) > 5 else "")
        lines.append(f"Models listed: {len(self.models)}" + (f" ({shown})" if shown else ""))
        if self.error:
            lines.append(self.error)
        return "\n".join(lines)


def _text_of(response: Any) -> str:
    text = getattr(response, "output_text", None)
    if isinstance(text, str):
        return text
    return ""


def _no_such_endpoint(exc: BaseException) -> bool:
    """The server has no such API (as opposed to: the request or the key was wrong)."""
    if not isinstance(exc, openai.APIStatusError):
        return False
    return exc.status_code in (404, 405, 501) and "model" not in str(exc.message).lower()


def _rejects_previous(exc: BaseException) -> bool:
    if not isinstance(exc, openai.BadRequestError):
        return False
    body = exc.body if isinstance(exc.body, dict) else {}
    inner = body.get("error") if isinstance(body.get("error"), dict) else body
    code = inner.get("code") if isinstance(inner, dict) else None
    param = inner.get("param") if isinstance(inner, dict) else None
    if code == "previous_response_not_found":
        return False
    return param == "previous_response_id" or "previous_response_id" in str(exc.message)


def _not_found(exc: BaseException) -> bool:
    if not isinstance(exc, openai.BadRequestError | openai.NotFoundError):
        return False
    body = exc.body if isinstance(exc.body, dict) else {}
    inner = body.get("error") if isinstance(body.get("error"), dict) else body
    return isinstance(inner, dict) and inner.get("code") == "previous_response_not_found"


async def _models(client: Any) -> list[str]:
    try:
        page = await client.models.list()
    except (openai.OpenAIError, ValueError):
        return []
    return sorted(str(m.id) for m in getattr(page, "data", None) or [])


async def detect(client: Any, model: str | None) -> Capabilities:
    """Probe the server behind `client` with `model` (the first listed model when None)."""
    models = await _models(client)
    model = model or (models[0] if models else None)
    if not model:
        return Capabilities(False, None, models=models, error="No model to test with: enter a model name.")
    word = f"{secrets.choice(PROBE_WORDS)}{secrets.randbelow(9000) + 1000}"
    try:
        first = await client.responses.create(
            model=model,
            input=f"Remember the word {word}. Reply with OK only.",
            store=True,
        )
    except (openai.OpenAIError, ValueError) as exc:
        if not _no_such_endpoint(exc):
            return Capabilities(False, None, models=models, error=error_from_exception(exc).message)
        return await _chat_check(client, model, models)
    caps = Capabilities(True, None, models=models)
    try:
        second = await client.responses.create(
            model=model,
            previous_response_id=first.id,
            input="What word did I ask you to remember? Answer with that word only.",
            store=True,
        )
    except (openai.OpenAIError, ValueError) as exc:
        if _rejects_previous(exc):
            caps.rejects_previous_id, caps.keeps_state = True, False
        elif _not_found(exc):
            caps.keeps_state = False
        else:
            caps.error = "The state check failed: " + error_from_exception(exc).message
        return caps
    caps.keeps_state = word.lower() in _text_of(second).lower()
    return caps


async def _chat_check(client: Any, model: str, models: list[str]) -> Capabilities:
    try:
        await client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": "Reply with OK only."}]
        )
    except (openai.OpenAIError, ValueError) as exc:
        return Capabilities(
            False, None, models=models, chat_api=False, error=error_from_exception(exc).message
        )
    return Capabilities(False, None, models=models, chat_api=True)


# ---- the per-profile cache --------------------------------------------------------------------------


def cached(store: Store, profile_id: str) -> Capabilities | None:
    return Capabilities.from_json(store.get_setting(CACHE_PREFIX + profile_id))


def remember(store: Store, profile_id: str, caps: Capabilities) -> None:
    store.set_setting(CACHE_PREFIX + profile_id, caps.to_json())


def forget(store: Store, profile_id: str) -> None:
    store.set_setting(CACHE_PREFIX + profile_id, None)


async def ensure(
    store: Store, profile_id: str, client: Any, model: str | None, *, recheck: bool = False
) -> Capabilities:
    """The remembered capabilities, or detect (and remember when the server was usable)."""
    known = None if recheck else cached(store, profile_id)
    if known is not None:
        return known
    caps = await detect(client, model)
    if caps.usable:
        remember(store, profile_id, caps)
    return caps
