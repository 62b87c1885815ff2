"""The local tool calls of a turn in the transcript: which server's tool, with which arguments, the
user's choice while it waits (Allow once · Always allow · Deny), and its result, collapsed.

Links (internal, see message_html.INTERNAL_SCHEMES): "tool-call:<once|always|deny>/<call id>" decides a
waiting call; "tool-result:<call id>" opens or closes a result. Everything from the model or the tool
is escaped.
"""

from __future__ import annotations

import html
import json
from collections.abc import Collection, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_chat.core.conversation.model import Node
from desktop_chat.core.tools.local_tools import ToolCallView, listed_tools, tool_calls_view

DECIDE_SCHEME = "tool-call"
RESULT_SCHEME = "tool-result"
ARGUMENTS_SHOWN = 600  # characters of arguments shown in the call's line
RESULT_SHOWN = 4000  # characters of a result shown when opened

_TRANSLATED = (
    QT_TRANSLATE_NOOP("TranscriptView", "Tool %1 of %2"),
    QT_TRANSLATE_NOOP("TranscriptView", "Allow this call?"),
    QT_TRANSLATE_NOOP("TranscriptView", "Allow once"),
    QT_TRANSLATE_NOOP("TranscriptView", "Always allow %1"),
    QT_TRANSLATE_NOOP("TranscriptView", "Deny"),
    QT_TRANSLATE_NOOP("TranscriptView", "Running…"),
    QT_TRANSLATE_NOOP("TranscriptView", "Denied"),
    QT_TRANSLATE_NOOP("TranscriptView", "Failed"),
    QT_TRANSLATE_NOOP("TranscriptView", "Result"),
    QT_TRANSLATE_NOOP("TranscriptView", "… %1 more characters"),
    QT_TRANSLATE_NOOP("TranscriptView", "Not run (the turn ended first)"),
    QT_TRANSLATE_NOOP("TranscriptView", "Tools of %1: %2"),
)


def _tr(text: str) -> str:
    return str(QCoreApplication.translate("TranscriptView", text))


def _arguments(view: ToolCallView) -> str:
    try:
        value = json.loads(view.call.arguments or "{}")
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:
        text = view.call.arguments
    return text if len(text) <= ARGUMENTS_SHOWN else text[:ARGUMENTS_SHOWN] + "…"


def parse_decision(path: str) -> tuple[str, str]:
    """(decision, call id) of a "tool-call:" link's path."""
    decision, _, call_id = path.partition("/")
    return decision, call_id


def _call_html(view: ToolCallView, waiting: str | None, opened: bool, streaming: bool) -> str:
    """One call; `waiting`: the server's name when the call waits for the user's decision."""
    name = view.tool
    server = view.server or waiting
    title = _tr("Tool %1 of %2").replace("%2", server).replace("%1", name) if server else name
    call_id = html.escape(view.call.call_id, quote=True)
    parts = [
        f'<p class="activity">⚙ {html.escape(title)} '
        f'<span class="quiet">{html.escape(_arguments(view))}</span></p>'
    ]
    if view.state == "pending":
        if waiting is not None:
            links = " · ".join(
                f'<a href="{DECIDE_SCHEME}:{decision}/{call_id}">{html.escape(label)}</a>'
                for decision, label in (
                    ("once", _tr("Allow once")),
                    ("always", _tr("Always allow %1").replace("%1", name)),
                    ("deny", _tr("Deny")),
                )
            )
            parts.append(f'<p class="warning">{html.escape(_tr("Allow this call?"))} {links}</p>')
        elif streaming:
            parts.append(f'<p class="quiet">{html.escape(_tr("Running…"))}</p>')
        else:
            parts.append(f'<p class="quiet">{html.escape(_tr("Not run (the turn ended first)"))}</p>')
        return "".join(parts)
    if view.state == "denied":
        parts.append(f'<p class="warning">{html.escape(_tr("Denied"))}</p>')
        return "".join(parts)
    label = _tr("Failed") if view.state == "failed" else _tr("Result")
    arrow = "▾" if opened else "▸"
    css = "error" if view.state == "failed" else "quiet"
    parts.append(f'<p class="{css}"><a href="{RESULT_SCHEME}:{call_id}">{html.escape(label)} {arrow}</a></p>')
    if opened:
        output = view.output or ""
        more = len(output) - RESULT_SHOWN
        shown = output[:RESULT_SHOWN]
        if more > 0:
            shown += "\n" + _tr("… %1 more characters").replace("%1", f"{more:,}")
        parts.append(f'<pre class="logs">{html.escape(shown, quote=False)}</pre>')
    return "".join(parts)


def _listed(label: str, names: list[str]) -> str:
    return _tr("Tools of %1: %2").replace("%2", ", ".join(names)).replace("%1", label)


def _para(text: str, css: str) -> str:
    return f'<p class="{css}">{html.escape(text)}</p>'


def local_tools_html(
    node: Node, opened: Collection[str] = (), waiting: Mapping[str, str] | None = None
) -> str:
    """The turn's local tool calls (none: ""); `waiting`: the calls that wait for the user's decision,
    with their server's name."""
    views = tool_calls_view(node.output_items)
    streaming = not node.status.finished
    waits = waiting or {}
    listed = "".join(
        f'<p class="error">{html.escape(error)}</p>' if error else _para(_listed(label, names), "quiet")
        for label, names, error in listed_tools(node.output_items)
    )
    return listed + "".join(
        _call_html(view, waits.get(view.call.call_id), view.call.call_id in opened, streaming)
        for view in views
    )


def opened_key(node: Node, opened: Collection[str]) -> tuple[str, ...]:
    """Which of a node's results are open (part of its cached HTML's key)."""
    if not opened:
        return ()
    return tuple(v.call.call_id for v in tool_calls_view(node.output_items) if v.call.call_id in opened)
