"""Turning SDK exceptions and error payloads into specific, user-facing ChatErrors."""

from __future__ import annotations

import json
import re
from typing import Any

import openai

from desktop_chat.core.api.events import ChatError, ErrorKind


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = exc.response.headers
    try:
        if "retry-after-ms" in headers:
            return float(headers["retry-after-ms"]) / 1000.0
        if "retry-after" in headers:
            return float(headers["retry-after"])
    except ValueError:
        return None
    return None


def _error_fields(body: object) -> tuple[str | None, str | None, str | None]:
    """(code, message, param) from an error body in either of its shapes."""
    if isinstance(body, dict):
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        assert isinstance(inner, dict)
        return inner.get("code"), inner.get("message"), inner.get("param")
    return None, None, None


def error_from_payload(code: str | None, message: str | None, status: int | None = None) -> ChatError:
    """A ChatError for an error reported inside a stream or by a status code."""
    text = (message or "").strip()
    if code == "context_length_exceeded":
        return ChatError(
            ErrorKind.CONTEXT_LENGTH,
            "The conversation is too long for this model's context window. Start a new branch from an "
            "earlier node, or pick a model with a larger context." + (f" (Server: {text})" if text else ""),
            status,
            code,
        )
    if code == "previous_response_not_found":
        return ChatError(
            ErrorKind.PREVIOUS_NOT_FOUND,
            "The server no longer has the earlier answer this branch continues from." + _server(text),
            status,
            code,
        )
    if code in ("rate_limit_exceeded", "insufficient_quota"):
        return ChatError(ErrorKind.RATE_LIMITED, "Rate limit or quota reached." + _server(text), status, code)
    if code == "server_error" or (status is not None and status >= 500):
        return ChatError(
            ErrorKind.SERVER,
            "The server had an error while answering. Try again in a moment." + _server(text),
            status,
            code,
        )
    return ChatError(
        ErrorKind.STREAM,
        "The server reported an error: " + mask_secrets(text or code or "unknown"),
        status,
        code,
    )


_UNSUPPORTED_TOOL = re.compile(r"tool '([^']+)' is not supported with ([^\s]+?)\.?$", re.IGNORECASE)
TOOL_NAMES = {
    "web_search": "Web search",
    "web_search_preview": "Web search",
    "file_search": "File search",
    "code_interpreter": "Code interpreter",
}


def unsupported_tool_message(text: str) -> str:
    """'Web search (web_search_preview) is not available with gpt-4.1-…' from the server's 400."""
    match = _UNSUPPORTED_TOOL.search(text.strip())
    if match is None:
        return "A hosted tool is not supported by this model. Turn it off in Settings." + _server(text)
    tool, model = match.group(1), match.group(2)
    label = TOOL_NAMES.get(tool, tool)
    return (
        f"{label} ({tool}) is not supported with the model {model}. Turn {label.lower()} off in Settings "
        "or pick a model that supports it." + _server(text)
    )


_SECRET = re.compile(r"\b(sk-[A-Za-z0-9_\-*]{4})[A-Za-z0-9_\-*]{6,}")


def mask_secrets(text: str) -> str:
    """Server text can echo the API key (some 401s do): never show or store more than its start."""
    return _SECRET.sub(r"\1…[hidden]", text)


def _server(text: str) -> str:
    return f" (Server: {mask_secrets(text)})" if text else ""


def error_from_exception(exc: BaseException) -> ChatError:
    """A specific message for anything the SDK can raise while sending or streaming."""
    if isinstance(exc, openai.APITimeoutError):
        return ChatError(
            ErrorKind.TIMEOUT,
            "The server stopped sending (timed out). What arrived is kept; "
            "press Retry (Ctrl+R) to try again.",
        )
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        detail = f" ({type(cause).__name__}: {cause})" if cause else ""
        return ChatError(
            ErrorKind.CONNECTION,
            "The connection to the server failed or dropped. What arrived is kept; check the network or "
            "the server address and press Retry (Ctrl+R)." + detail,
        )
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        code, message, param = _error_fields(exc.body)
        text = (message or exc.message or "").strip()
        if status == 401:
            return ChatError(
                ErrorKind.AUTH,
                "The server rejected the API key (401). Open Settings and enter a valid key." + _server(text),
                status,
                code,
            )
        if status == 403:
            return ChatError(ErrorKind.AUTH, "Access denied (403)." + _server(text), status, code)
        if status == 404 and (code == "model_not_found" or "model" in text.lower()):
            return ChatError(
                ErrorKind.MODEL_NOT_FOUND,
                "The model was not found on this server (404). Pick another model in Settings."
                + _server(text),
                status,
                code,
            )
        if status == 429:
            retry = _retry_after(exc)
            when = f" The server asks to wait {retry:g} s." if retry else ""
            return ChatError(
                ErrorKind.RATE_LIMITED,
                "Too many requests or quota exceeded (429)." + when + _server(text),
                status,
                code,
                retry,
            )
        if code in ("context_length_exceeded", "previous_response_not_found") or status >= 500:
            return error_from_payload(code, text, status)
        if status == 400 and param == "tools":
            return ChatError(ErrorKind.BAD_REQUEST, unsupported_tool_message(text), status, code)
        return ChatError(
            ErrorKind.BAD_REQUEST, f"The server refused the request ({status})." + _server(text), status, code
        )
    if isinstance(exc, openai.APIError):
        # an `error` event nested as {"error": {...}} mid-stream: the SDK raises with that body
        code, message, _ = _error_fields(exc.body)
        return error_from_payload(code, message or exc.message)
    if isinstance(exc, json.JSONDecodeError | ValueError):
        return ChatError(ErrorKind.PROTOCOL, f"The server sent data the app could not read ({exc}).")
    return ChatError(ErrorKind.UNKNOWN, f"Unexpected error: {type(exc).__name__}: {exc}")


def describe(value: Any) -> str:
    return str(value) if value is not None else ""
