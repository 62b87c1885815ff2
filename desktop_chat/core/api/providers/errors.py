"""Turning SDK exceptions and error payloads into specific, user-facing ChatErrors."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import openai

from desktop_chat.core.api.events import ChatError, ErrorKind
from desktop_chat.core.config import log_masking


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


def _text(value: object) -> str | None:
    """A field of an error body as text (servers send numbers, nulls and "None" strings too)."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text if text and text != "None" else None


def _error_fields(body: object) -> tuple[str | None, str | None, str | None, str | None]:
    """(code, message, param, type) from an error body in either of its shapes."""
    if isinstance(body, dict):
        inner = body.get("error") if isinstance(body.get("error"), dict) else body
        assert isinstance(inner, dict)
        message = _text(inner.get("message")) or _text(inner.get("detail"))  # FastAPI servers: "detail"
        return _text(inner.get("code")), message, _text(inner.get("param")), _text(inner.get("type"))
    if isinstance(body, str):
        return None, _text(body), None, None
    return None, None, None, None


def server_words(status: int | None, error_type: str | None, code: str | None, message: str | None) -> str:
    """The server's own account of an error, e.g. "HTTP 500, server_error: Error processing stream start"."""
    labels = [f"HTTP {status}"] if status else []
    labels += [part for part in dict.fromkeys((error_type, code)) if part and part != str(status)]
    head = ", ".join(labels)
    text = mask_secrets((message or "").strip())
    return f"{head}: {text}" if head and text else head or text


def _with_words(error: ChatError) -> ChatError:
    """The error with the server's words appended to its message (once)."""
    words = server_words(error.status_code, error.type, error.code, error.server_message)
    if not words or words in error.message:
        return error
    return replace(error, message=f"{error.message} (Server: {words})")


def error_from_payload(
    code: str | None,
    message: str | None,
    status: int | None = None,
    error_type: str | None = None,
    param: str | None = None,
) -> ChatError:
    """A ChatError for an error reported inside a stream or by a status code; its message always ends
    with the server's own words (status, type, code, message)."""
    text = (message or "").strip()
    details: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "type": error_type,
        "param": param,
        "server_message": mask_secrets(text) or None,
    }
    if code == "context_length_exceeded":
        kind, said = (
            ErrorKind.CONTEXT_LENGTH,
            "The conversation is too long for this model's context window. Start a new branch from an "
            "earlier node, or pick a model with a larger context.",
        )
    elif code == "previous_response_not_found":
        kind, said = (
            ErrorKind.PREVIOUS_NOT_FOUND,
            "The server no longer has the earlier answer this branch continues from.",
        )
    elif code in ("rate_limit_exceeded", "insufficient_quota"):
        kind, said = ErrorKind.RATE_LIMITED, "Rate limit or quota reached."
    elif code == "server_error" or (status is not None and status >= 500):
        kind, said = ErrorKind.SERVER, "The server had an error while answering. Try again in a moment."
    else:
        kind, said = ErrorKind.STREAM, "The server reported an error."
    return _with_words(ChatError(kind, said, **details))


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
        return "A hosted tool is not supported by this model. Turn it off in Settings."
    tool, model = match.group(1), match.group(2)
    label = TOOL_NAMES.get(tool, tool)
    return (
        f"{label} ({tool}) is not supported with the model {model}. Turn {label.lower()} off in Settings "
        "or pick a model that supports it."
    )


# server text can echo the API key (some 401s do): never show or store more than its start
mask_secrets = log_masking.mask_secrets


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
        return _with_words(_status_error(exc))
    if isinstance(exc, openai.APIError):
        # an `error` event nested as {"error": {...}} mid-stream: the SDK raises with that body
        code, message, param, error_type = _error_fields(exc.body)
        return error_from_payload(code, message or exc.message, None, error_type, param)
    if isinstance(exc, json.JSONDecodeError | ValueError):
        return ChatError(ErrorKind.PROTOCOL, f"The server sent data the app could not read ({exc}).")
    return ChatError(ErrorKind.UNKNOWN, f"Unexpected error: {type(exc).__name__}: {exc}")


def _status_error(exc: openai.APIStatusError) -> ChatError:
    status = exc.status_code
    code, message, param, error_type = _error_fields(exc.body)
    if message is None and exc.body is None:
        message = _text(getattr(exc.response, "text", None))  # a plain-text body ("404 page not found")
    text = (message or exc.message or "").strip()
    details: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "type": error_type,
        "param": param,
        "server_message": mask_secrets(text) or None,
    }
    if status == 401:
        said = "The server rejected the API key (401). Open Settings and enter a valid key."
        return ChatError(ErrorKind.AUTH, said, **details)
    if status == 403:
        return ChatError(ErrorKind.AUTH, "Access denied (403).", **details)
    if status == 404 and (code == "model_not_found" or "model" in text.lower()):
        said = "The model was not found on this server (404). Pick another model in Settings."
        return ChatError(ErrorKind.MODEL_NOT_FOUND, said, **details)
    if status == 429:
        retry = _retry_after(exc)
        when = f" The server asks to wait {retry:g} s." if retry else ""
        said = "Too many requests or quota exceeded (429)." + when
        return ChatError(ErrorKind.RATE_LIMITED, said, retry_after=retry, **details)
    if code in ("context_length_exceeded", "previous_response_not_found") or status >= 500:
        return error_from_payload(code, text, status, error_type, param)
    if status == 400 and param == "tools":
        return ChatError(ErrorKind.BAD_REQUEST, unsupported_tool_message(text), **details)
    return ChatError(ErrorKind.BAD_REQUEST, f"The server refused the request ({status}).", **details)


def describe(value: Any) -> str:
    return str(value) if value is not None else ""
