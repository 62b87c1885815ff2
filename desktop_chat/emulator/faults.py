"""Faults the emulator can play on request: HTTP errors in the API's words, and mid-stream failures."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from desktop_chat.emulator.answers import JSON
from desktop_chat.emulator.wire import ApiError

HTTP_FAULTS = {
    "http_401",
    "http_403",
    "http_404_model",
    "http_429",
    "http_500",
    "http_503",
    "context_length",
    "unsupported_tool",
}
STREAM_FAULTS = {"drop", "hang", "malformed", "error_flat", "error_nested", "failed", "incomplete"}
FAULTS = HTTP_FAULTS | STREAM_FAULTS
# which request a queued fault waits for; "create" is POST /v1/responses and /v1/chat/completions
ENDPOINTS = {"create", "compact", "retrieve", "delete", "input_items", "cancel"}
SERVER_ERROR_MESSAGE = (
    "The server had an error processing your request. Sorry about that! You can retry your request, "
    "or contact us through our help center at help.openai.com if you keep seeing this error."
)


@dataclass
class Fault:
    name: str
    params: dict[str, Any]
    times: int = 1
    endpoint: str = "create"


def some(pieces: list[str]) -> int:
    """How many deltas to send before a mid-stream fault: some text, never all of it."""
    return max(1, min(10, len(pieces) // 2))


def fault_error(name: str, params: dict[str, Any], model: str, body: JSON | None = None) -> ApiError:
    message = params.get("message")
    if name == "http_401":
        return ApiError(
            401,
            message
            or "Incorrect API key provided: sk-inv*****. You can find your API key at "
            "https://platform.openai.com/account/api-keys.",
            code="invalid_api_key",
        )
    if name == "http_403":
        return ApiError(
            403,
            message or "You have insufficient permissions for this operation.",
            type_="invalid_request_error",
            code=params.get("code"),
        )
    if name == "http_404_model":
        return ApiError(
            404,
            message or f"The model `{model}` does not exist or you do not have access to it.",
            code="model_not_found",
        )
    if name == "http_429":
        seconds = float(params.get("retry_after", 1))
        headers = {
            "Retry-After": f"{math.ceil(seconds)}",
            "retry-after-ms": f"{int(seconds * 1000)}",
            "x-ratelimit-limit-requests": "500",
            "x-ratelimit-remaining-requests": "0",
            "x-ratelimit-reset-requests": f"{seconds:g}s",
        }
        return ApiError(
            429,
            message
            or f"Rate limit reached for {model or 'this model'} on requests per min (RPM): "
            f"Limit 500, Used 500, Requested 1. Please try again in {seconds:g}s.",
            type_="requests",
            code=params.get("code", "rate_limit_exceeded"),
            headers=headers,
        )
    if name == "http_500":
        return ApiError(500, message or SERVER_ERROR_MESSAGE, type_="server_error")
    if name == "http_503":
        return ApiError(
            503,
            message or "The engine is currently overloaded, please try again later.",
            type_="server_error",
        )
    if name == "context_length":
        return ApiError(
            400,
            message
            or "Your input exceeds the context window of this model. Please adjust your input and try again.",
            param="input",
            code="context_length_exceeded",
        )
    if name == "unsupported_tool":
        tools = (body or {}).get("tools") or [{"type": "web_search_preview"}]
        tool = (
            tools[0].get("type", "web_search_preview") if isinstance(tools[0], dict) else "web_search_preview"
        )
        return ApiError(400, message or f"Hosted tool '{tool}' is not supported with {model}.", param="tools")
    raise ValueError(f"not an HTTP fault: {name}")
