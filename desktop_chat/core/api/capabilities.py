"""What a server and each of its models can do: found out with tiny requests or learnt in use, and
remembered per server (base URL) and model.

`detect()` ("Test connection") costs at most five small requests:
1. `GET /models` (the model list; a failure is kept with the server's words);
2. a streamed Responses call that asks the model to remember a random word (turn 1); when the stream
   fails with a 500, the same call unstreamed (the server then gets answers unstreamed);
3. a second Responses call chained with `previous_response_id` asking for that word (turn 2): the
   server keeps state only when the answer contains the word. A 400 naming `previous_response_id` means
   the server rejects chaining; `previous_response_not_found` means it keeps nothing; an answer without
   the word means it silently ignored the id (a gateway bridging to Chat Completions does that);
4. only when there is no Responses API: a Chat Completions call.

Day to day nothing is probed up front: the first turns to a server are the detection. A `/responses`
that answers 404, a stream that fails where a whole answer works, a parameter the model refuses, a chain
the server ignored — each is learnt by `ServerKnowledge` for that server and model (model '' holds the
server-wide facts) and kept in the store, so the next turn is sent the way that works.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any, Protocol

import openai

from desktop_chat.core.api.providers.errors import error_from_exception

if TYPE_CHECKING:
    from openai import AsyncOpenAI

PROBE_WORDS = ("amber", "cobalt", "juniper", "saffron", "quartz", "violet", "walnut", "zephyr")
SERVER_WIDE = ""  # the model name under which facts about the whole server are kept


@dataclass
class Capabilities:
    """What "Test connection" found out about a server with one model."""

    responses_api: bool
    keeps_state: bool | None  # None: not known (no Responses API, or the check failed)
    rejects_previous_id: bool = False
    models: list[str] = field(default_factory=list)
    checked_at: float = field(default_factory=time.time)
    chat_api: bool | None = None  # None: not checked (only checked without a Responses API)
    error: str | None = None  # why the server could not be used at all, for the user
    model: str | None = None  # the model the checks were made with
    streaming: bool | None = None  # False: streams fail where whole answers work
    models_error: str | None = None  # why the model list could not be read (the server's words)

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
        lines = [f"Tested with the model {self.model}" if self.model else "No model was tested"]
        if self.error and not self.usable:
            lines.append(self.error)
            if self.models_error and self.models_error not in self.error:
                lines.append("Model list: " + self.models_error)
            return "\n".join(lines)
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
        if self.streaming is False:
            lines.append("Streaming: fails on this server — answers come whole")
        shown = ", ".join(self.models[:5]) + ("…" if len(self.models) > 5 else "")
        lines.append(f"Models listed: {len(self.models)}" + (f" ({shown})" if shown else ""))
        if self.models_error:
            lines.append("Model list: " + self.models_error)
        if self.error:
            lines.append(self.error)
        return "\n".join(lines)


# ---- what is known per server and model ----------------------------------------------------------


@dataclass
class Facts:
    """What is known of a server (model '') or one of its models; None: not known yet."""

    responses_api: bool | None = None
    chat_api: bool | None = None
    keeps_state: bool | None = None
    rejects_previous_id: bool | None = None
    streaming: bool | None = None
    streaming_retry_at: float | None = None  # when streaming False is tried again (epoch seconds)
    unsupported: list[str] = field(default_factory=list)  # request parameters the model refuses
    models: list[str] = field(default_factory=list)
    note: str = ""  # how the last fact was learnt (for logs and the profiles list)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [], "")}

    @classmethod
    def from_json(cls, data: Any) -> Facts:
        if not isinstance(data, dict):
            return cls()
        facts = cls()
        for item in fields(cls):
            value = data.get(item.name)
            default = getattr(facts, item.name)
            if isinstance(default, list) and isinstance(value, list):
                setattr(facts, item.name, [str(v) for v in value])
            elif str(item.type).startswith("float"):
                if isinstance(value, int | float) and not isinstance(value, bool):
                    setattr(facts, item.name, float(value))
            elif isinstance(value, str if isinstance(default, str) else bool):
                setattr(facts, item.name, value)
        return facts

    def streams(self, now: float) -> bool:
        """Whether to stream: unless streams were seen failing, and not again until the retry time
        (a server's streaming may be fixed: the fact is not kept for ever)."""
        if self.streaming is not False:
            return True
        return self.streaming_retry_at is not None and now >= self.streaming_retry_at

    def over(self, base: Facts) -> Facts:
        """These facts, with `base`'s where these know nothing (a model's over its server's)."""
        merged = Facts.from_json(base.to_json())
        for item in fields(Facts):
            value = getattr(self, item.name)
            if value not in (None, [], ""):
                setattr(merged, item.name, value)
        merged.unsupported = list(dict.fromkeys([*base.unsupported, *self.unsupported]))
        return merged


class FactsStore(Protocol):
    def server_facts(self, server: str) -> dict[str, Any]: ...
    def save_server_facts(self, server: str, model: str, facts: dict[str, Any]) -> None: ...
    def forget_server_facts(self, server: str) -> None: ...


class ServerKnowledge:
    """What one server and its models are known to do; learnt as they are used, kept in the store
    (`store` None: for this session only)."""

    def __init__(self, store: FactsStore | None, server: str, client: AsyncOpenAI | None = None) -> None:
        self.store = store
        self.server = server
        self.client = client  # for the state probe when a chained answer reports no usage
        self._facts: dict[str, Facts] = {}
        if store is not None:
            self._facts = {m: Facts.from_json(d) for m, d in store.server_facts(server).items()}

    def facts(self, model: str | None = None) -> Facts:
        """The server's facts, with the model's over them."""
        server = self._facts.get(SERVER_WIDE, Facts())
        return self._facts.get(model, Facts()).over(server) if model else Facts.from_json(server.to_json())

    def learn(self, model: str | None, note: str = "", **values: Any) -> None:
        """Record facts for a model (None: for the whole server)."""
        key = model or SERVER_WIDE
        facts = self._facts.setdefault(key, Facts())
        for name, value in values.items():
            if name == "unsupported":
                value = list(dict.fromkeys([*facts.unsupported, *value]))
            setattr(facts, name, value)
        if note:
            facts.note = note
        if self.store is not None:
            self.store.save_server_facts(self.server, key, facts.to_json())

    def stateless(self, model: str) -> bool:
        """Whether turns with this model must be sent by local replay (the server keeps no state)."""
        facts = self.facts(model)
        return facts.responses_api is False or facts.keeps_state is False or bool(facts.rejects_previous_id)

    def forget(self) -> None:
        self._facts = {}
        if self.store is not None:
            self.store.forget_server_facts(self.server)

    def remember(self, caps: Capabilities) -> None:
        """What a detection found (replacing what was known of the server and the tested model)."""
        self.learn(None, responses_api=caps.responses_api, chat_api=caps.chat_api, models=caps.models)
        if caps.model:
            self._facts.pop(caps.model, None)
            self.learn(
                caps.model,
                "tested",
                keeps_state=caps.keeps_state,
                rejects_previous_id=caps.rejects_previous_id or None,
                streaming=caps.streaming,
            )

    def capabilities(self, model: str | None = None) -> Capabilities | None:
        """The known facts as Capabilities (None: nothing known of the server)."""
        facts = self.facts(model)
        if facts.responses_api is None:
            return None
        return Capabilities(
            responses_api=facts.responses_api,
            keeps_state=facts.keeps_state,
            rejects_previous_id=bool(facts.rejects_previous_id),
            models=facts.models,
            chat_api=facts.chat_api,
            model=model,
            streaming=facts.streaming,
        )

    async def probe_state(self, model: str) -> bool | None:
        """Whether the server keeps state for the model, checked once with two tiny requests (None:
        cannot tell); the answer is remembered."""
        known = self.facts(model)
        if known.keeps_state is not None or known.rejects_previous_id:
            return bool(known.keeps_state)
        if self.client is None:
            return None
        caps = Capabilities(True, None, model=model)
        await _state_check(self.client, model, caps, stream=False)
        if caps.keeps_state is not None:
            self.learn(
                model,
                "probed",
                keeps_state=caps.keeps_state,
                rejects_previous_id=caps.rejects_previous_id or None,
            )
        return caps.keeps_state


# ---- detection ------------------------------------------------------------------------------------


def _text_of(response: Any) -> str:
    text = getattr(response, "output_text", None)
    if isinstance(text, str):
        return text
    return ""


def _status(exc: BaseException) -> int | None:
    return exc.status_code if isinstance(exc, openai.APIStatusError) else None


def no_such_endpoint(exc: BaseException) -> bool:
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


async def _models(client: AsyncOpenAI) -> tuple[list[str], str | None]:
    """(the listed model ids, the server's words when the list failed)."""
    try:
        page = await client.models.list()
    except (openai.OpenAIError, ValueError) as exc:
        return [], error_from_exception(exc).message
    return sorted(str(m.id) for m in getattr(page, "data", None) or []), None


async def _create(client: AsyncOpenAI, stream: bool, **request: Any) -> Any:
    """A Responses call; streamed, the final response from its `response.completed` event."""
    if not stream:
        return await client.responses.create(**request)
    final = None
    events = await client.responses.create(**request, stream=True)
    async with events:
        async for event in events:
            if getattr(event, "type", None) in ("response.completed", "response.incomplete"):
                final = event.response
    if final is None:
        raise ValueError("the stream ended without a response")
    return final


async def detect(client: AsyncOpenAI, model: str | None) -> Capabilities:
    """Probe the server behind `client` with `model` (the first listed model when None)."""
    models, models_error = await _models(client)
    model = model or (models[0] if models else None)
    if not model:
        error = "No model to test with: enter a model name."
        if models_error:
            error = f"The model list could not be read: {models_error} Enter a model name to test with."
        return Capabilities(False, None, models=models, error=error, models_error=models_error)
    word = f"{secrets.choice(PROBE_WORDS)}{secrets.randbelow(9000) + 1000}"
    first_request = {"model": model, "input": f"Remember the word {word}. Reply with OK only.", "store": True}
    streaming: bool | None = True
    try:
        try:
            first = await _create(client, True, **first_request)
        except openai.APIStatusError as exc:
            if _status(exc) != 500:
                raise
            first, streaming = await _create(client, False, **first_request), False
    except (openai.OpenAIError, ValueError) as exc:
        if not no_such_endpoint(exc):
            error = error_from_exception(exc).message
            return Capabilities(
                False, None, models=models, error=error, model=model, models_error=models_error
            )
        return await _chat_check(client, model, models, models_error)
    caps = Capabilities(
        True, None, models=models, model=model, streaming=streaming, models_error=models_error
    )
    await _state_check(client, model, caps, stream=False, first_id=first.id, word=word)
    return caps


async def _state_check(
    client: AsyncOpenAI,
    model: str,
    caps: Capabilities,
    *,
    stream: bool,
    first_id: str | None = None,
    word: str = "",
) -> None:
    """Whether a chained answer knows what the turn before it said: sets caps.keeps_state."""
    try:
        if first_id is None:
            word = f"{secrets.choice(PROBE_WORDS)}{secrets.randbelow(9000) + 1000}"
            prompt = f"Remember the word {word}. Reply with OK only."
            first_id = (await _create(client, stream, model=model, input=prompt, store=True)).id
        second = await _create(
            client,
            stream,
            model=model,
            previous_response_id=first_id,
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
        return
    caps.keeps_state = word.lower() in _text_of(second).lower()


async def _chat_check(
    client: AsyncOpenAI, model: str, models: list[str], models_error: str | None
) -> Capabilities:
    try:
        await client.chat.completions.create(
            model=model, messages=[{"role": "user", "content": "Reply with OK only."}]
        )
    except (openai.OpenAIError, ValueError) as exc:
        return Capabilities(
            False,
            None,
            models=models,
            chat_api=False,
            error=error_from_exception(exc).message,
            model=model,
            models_error=models_error,
        )
    return Capabilities(False, None, models=models, chat_api=True, model=model, models_error=models_error)


# ---- per server, in the store -----------------------------------------------------------------------


def cached(store: FactsStore, server: str, model: str | None = None) -> Capabilities | None:
    """What is known of the server (and the model), or None when nothing is."""
    return ServerKnowledge(store, server).capabilities(model)


def forget(store: FactsStore, server: str) -> None:
    ServerKnowledge(store, server).forget()


async def ensure(
    store: FactsStore, server: str, client: AsyncOpenAI, model: str | None, *, recheck: bool = False
) -> Capabilities:
    """The remembered capabilities, or detect (and remember when the server was usable)."""
    knowledge = ServerKnowledge(store, server, client)
    known = None if recheck else knowledge.capabilities(model)
    if known is not None:
        return known
    caps = await detect(client, model)
    if caps.usable:
        knowledge.remember(caps)
    return caps
