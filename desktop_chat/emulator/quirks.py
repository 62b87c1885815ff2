"""Per-model behaviours of the servers people really run, played on request.

`Emulator(quirks={"model": {...}})` gives a model (listed by the emulator from then on) any of:
- "keeps_no_state": `previous_response_id` is accepted with HTTP 200 and ignored, like a model the
  LiteLLM proxy bridges from the Responses API to Chat Completions; usage then counts only the new input;
- "stream_500": a streamed `/v1/responses` fails with HTTP 500 "Error processing stream start" (as
  LiteLLM's does for some models) while the same request unstreamed, and Chat Completions, work;
- "refuses:<param>": the model answers 400 "Unsupported parameter" for that request parameter
  (e.g. "refuses:reasoning.effort", like a gateway model not marked as reasoning).
Like the live API, reasoning models (the o-series, the gpt-5 family but its chat models) refuse
`temperature` and `top_p` with a 400 "Unsupported parameter", on both APIs. The whole server without a
Responses API is `mode="chat_only"` (404 on every /v1/responses route).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from desktop_chat.emulator.answers import JSON
from desktop_chat.emulator.wire import ApiError

KEEPS_NO_STATE = "keeps_no_state"
STREAM_500 = "stream_500"
REFUSES = "refuses:"
STREAM_START_MESSAGE = "Error processing stream start"
_REASONING = re.compile(r"^(o\d|gpt-5)")
SAMPLING = ("temperature", "top_p")


def parse_quirks(quirks: Mapping[str, Iterable[str]] | None) -> dict[str, frozenset[str]]:
    parsed = {model: frozenset(names) for model, names in (quirks or {}).items()}
    for model, names in parsed.items():
        unknown = [n for n in names if n not in (KEEPS_NO_STATE, STREAM_500) and not n.startswith(REFUSES)]
        if unknown:
            raise ValueError(f"unknown quirk(s) {unknown} for {model!r}")
    return parsed


def is_reasoning(model: str) -> bool:
    name = model.lower().rsplit("/", 1)[-1]
    return bool(_REASONING.match(name)) and "chat" not in name


def _has(body: JSON, name: str) -> bool:
    head, _, tail = name.partition(".")
    value = body.get(head)
    return value is not None and (not tail or (isinstance(value, dict) and tail in value))


def unsupported(param: str) -> ApiError:
    """The live API's answer to a parameter the model does not take."""
    return ApiError(
        400,
        f"Unsupported parameter: '{param}' is not supported with this model.",
        param=param,
        code="unsupported_parameter",
    )


def check_parameters(body: JSON, model: str, quirks: frozenset[str], chat: bool = False) -> None:
    """400 for the first parameter the model does not take."""
    refused = [q[len(REFUSES) :] for q in sorted(quirks) if q.startswith(REFUSES)]
    if is_reasoning(model):
        refused += list(SAMPLING)
    aliases = {"reasoning.effort": "reasoning_effort"} if chat else {}
    for param in refused:
        name = aliases.get(param, param)
        if _has(body, name):
            raise unsupported(name)


def check_stream(body: JSON, quirks: frozenset[str]) -> None:
    if body.get("stream") and STREAM_500 in quirks:
        # LiteLLM's words and shape: type, param and code as strings
        raise ApiError(500, STREAM_START_MESSAGE, type_="None", param="None", code="500")
