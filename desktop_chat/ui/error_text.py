"""A failed or cut-off turn's message in the UI's language, made when it is shown.

A turn stores the kind of its failure (`Node.error_kind`: an `ErrorKind` value, "stalled", or
"incomplete:<reason>") beside the English message written when it failed. The transcript shows the
kind's message in the language of the moment, followed by what the server itself said (its words are
data, kept as they came). In English the stored message itself is shown: written when the turn failed,
it says more than the kind can (which attachment is missing, which tool the model does not take).
A turn stored before kinds were kept shows its stored message (translated when it is a core message
without values).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, fill
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.session.stall import STALLED_TEMPLATE
from desktop_chat.ui import i18n

CONTEXT = "ErrorKind"

MESSAGES = {
    "auth": QT_TRANSLATE_NOOP(
        "ErrorKind", "The server rejected the API key or denied access. Open Settings and enter a valid key."
    ),
    "model_not_found": QT_TRANSLATE_NOOP(
        "ErrorKind", "The model was not found on this server. Pick another model next to the prompt."
    ),
    "rate_limited": QT_TRANSLATE_NOOP("ErrorKind", "Too many requests or quota reached."),
    "server": QT_TRANSLATE_NOOP(
        "ErrorKind", "The server had an error while answering. Try again in a moment."
    ),
    "context_length": QT_TRANSLATE_NOOP(
        "ErrorKind",
        "The conversation is too long for this model's context window. Start a new branch from an "
        "earlier turn, or pick a model with a larger context.",
    ),
    "previous_not_found": QT_TRANSLATE_NOOP(
        "ErrorKind", "The server no longer has the earlier answer this branch continues from."
    ),
    "bad_request": QT_TRANSLATE_NOOP("ErrorKind", "The server refused the request."),
    "connection": QT_TRANSLATE_NOOP(
        "ErrorKind",
        "The connection to the server failed or dropped. What arrived is kept; check the network or the "
        "server address and press Retry (Ctrl+R).",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "ErrorKind", "The server stopped sending (timed out). What arrived is kept; press Retry (Ctrl+R)."
    ),
    "stream": QT_TRANSLATE_NOOP("ErrorKind", "The server reported an error."),
    "protocol": QT_TRANSLATE_NOOP("ErrorKind", "The server sent data the app could not read."),
    "unknown": QT_TRANSLATE_NOOP("ErrorKind", "Unexpected error."),
}
INCOMPLETE = {
    "max_output_tokens": QT_TRANSLATE_NOOP(
        "ErrorKind", "The answer was cut off at the max output tokens limit (raise it in Settings)."
    ),
    "content_filter": QT_TRANSLATE_NOOP(
        "ErrorKind", "The answer was stopped by the server's content filter."
    ),
}
_ENDED_EARLY = QT_TRANSLATE_NOOP("ErrorKind", "The server ended the answer early (%1).")
_UNSUPPORTED_TOOL = QT_TRANSLATE_NOOP(
    "ErrorKind",
    "%1 (%2) is not supported with the model %3. Turn it off in Settings or pick a model that supports it.",
)
TOOL_LABELS = {
    "web_search": QT_TRANSLATE_NOOP("ErrorKind", "Web search"),
    "web_search_preview": QT_TRANSLATE_NOOP("ErrorKind", "Web search"),
    "file_search": QT_TRANSLATE_NOOP("ErrorKind", "File search"),
    "code_interpreter": QT_TRANSLATE_NOOP("ErrorKind", "Code interpreter"),
}
_FAILED = QT_TRANSLATE_NOOP("ErrorKind", "The answer failed.")
_WAIT = QT_TRANSLATE_NOOP("ErrorKind", "The server asks to wait %1 s.")
_SERVER_SAID = QT_TRANSLATE_NOOP("ErrorKind", "(Server: %1)")

_TOOL = re.compile(r"\((\w+)\) is not supported with the model (\S+?)\. ")
_REFUSED = "The server refused the request"  # how core's own bad-request message begins
_SERVER_WORDS = re.compile(r"\(Server: (.*)\)\s*$", re.DOTALL)
_WAIT_SECONDS = re.compile(r"wait (\d+(?:\.\d+)?) s\b")
_SECONDS = re.compile(r"(\d+(?:\.\d+)?) s\b")
_TECHNICAL = re.compile(
    r"\((\w+(?:Error|Exception)\b[^()]*)\)|Unexpected error: (.*)$|could not read \((.*)\)"
)


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def error_message(node: Node) -> str:
    """What went wrong with the turn, in the UI's language ("" when nothing did)."""
    kind = node.error_kind or ""
    stored = node.error or ""
    if kind.startswith("incomplete:"):
        reason = kind.partition(":")[2]
        return _tr(INCOMPLETE[reason]) if reason in INCOMPLETE else _tr(_ENDED_EARLY).replace("%1", reason)
    if kind == "stalled":
        seconds = _SECONDS.search(stored)
        template = QCoreApplication.translate("core", STALLED_TEMPLATE)
        return fill(template, (seconds.group(1) if seconds else "?",))
    if stored and i18n.current() == "en":
        return stored
    if kind == "bad_request" and stored and not stored.startswith(_REFUSED):
        tool = _TOOL.search(stored)
        if tool is None:  # a message of the app's own (e.g. a missing attachment): as it was written
            return i18n.stored_core_text(stored)
        label = _tr(TOOL_LABELS[tool.group(1)]) if tool.group(1) in TOOL_LABELS else tool.group(1)
        return fill(_tr(_UNSUPPORTED_TOOL), (label, tool.group(1), tool.group(2)))
    if kind not in MESSAGES:
        if not stored:
            return _tr(_FAILED) if node.status is NodeStatus.FAILED else ""
        return i18n.stored_core_text(stored)
    parts = [_tr(MESSAGES[kind])]
    wait = _WAIT_SECONDS.search(stored) if kind == "rate_limited" else None
    if wait is not None:
        parts.append(_tr(_WAIT).replace("%1", wait.group(1)))
    technical = _TECHNICAL.search(stored) if kind in ("connection", "protocol", "unknown") else None
    if technical is not None:
        parts.append(f"({next(group for group in technical.groups() if group)})")
    words = _SERVER_WORDS.search(stored)
    if words is not None:
        parts.append(_tr(_SERVER_SAID).replace("%1", words.group(1)))
    return i18n.join_sentences(parts)
