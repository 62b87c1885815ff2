"""The HTML of one message in the transcript: the prompt box, the answer's header, reasoning, JSON answers,
sources, tool calls and the footer (status, error with Retry, notice, meta line, actions).

Every function is pure (node in, HTML out): the view caches what they return per turn.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_chat.core.content.attachments import Attachment, attachment_parts, human_size
from desktop_chat.core.content.markdown import render_html
from desktop_chat.core.content.output_items import citations_of, logprobs_of, tool_calls_of
from desktop_chat.core.content.pricing import Price, format_cost, node_cost
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.ui import i18n
from desktop_chat.ui.error_text import error_message
from desktop_chat.ui.transcript.image_html import SAVE_SCHEME, USE_SCHEME
from desktop_chat.ui.transcript.long_prompt import SHOW_ALL_SCHEME, prompt_text_html
from desktop_chat.ui.transcript.message_controls import ACTION_SCHEME, CONTINUABLE, continue_html, retry_html
from desktop_chat.ui.transcript.tool_calls_html import DECIDE_SCHEME, RESULT_SCHEME, local_tools_html

STATUS_LINES = {
    NodeStatus.STOPPED: "Stopped — partial answer kept",
    NodeStatus.INTERRUPTED: "Interrupted — the app closed while this answer was streaming",
}


def _para(text: str, css_class: str) -> str:
    return f'<p class="{css_class}">{html.escape(text)}</p>'


# <img src="desktop-chat-attachment:<sha256>">: a prompt's image thumbnail from the local store, nothing else
ATTACHMENT_SCHEME = "desktop-chat-attachment"
THUMB_SIDE = 120


def _attachment_html(attachment: Attachment) -> str:
    name = html.escape(attachment.filename)
    if attachment.kind == "image" and attachment.sha256:
        width, height = attachment.width or THUMB_SIDE, attachment.height or THUMB_SIDE
        scale = min(1.0, THUMB_SIDE / max(width, height))
        return (
            f'<img src="{ATTACHMENT_SCHEME}:{attachment.sha256}" width="{max(1, round(width * scale))}" '
            f'height="{max(1, round(height * scale))}" title="{name}" alt="{name}" /> '
        )
    if attachment.url:
        linked = _tr("[image: %1]").replace("%1", attachment.url)
        return f'<span class="muted">{html.escape(linked)}</span> '
    return f'<span class="muted">[PDF: {name}, {human_size(attachment.size)}]</span> '


def prompt_html(node: Node) -> str:
    """The user's turn: a shaded "You" box with the prompt as plain text and its attachments."""
    if not node.input_items:  # a turn with no user input (a compaction) has no "You" box
        return ""
    shown = [
        _attachment_html(attachment) if attachment else f'<span class="muted">[{kind}]</span> '
        for kind, attachment in attachment_parts(node.input_items)
    ]
    attached = f"<p>{''.join(shown)}</p>" if shown else ""
    return (
        '<table class="you" width="100%" cellspacing="0" cellpadding="0">'
        '<tr><td class="you-bar" width="3"></td><td class="you">'
        f'<p><span class="you-title">{html.escape(_tr("You"))}</span> '
        f'<span class="quiet">{html.escape(clock(node.created_at))}</span></p>'
        f'<p style="white-space:pre-wrap;">{prompt_text_html(node.id, node.user_text)}</p>{attached}'
        "</td></tr></table>"
    )


def earlier_link_html(hidden: int) -> str:
    """The link that renders `hidden` more of a long path's earlier turns ("" when none is hidden)."""
    if not hidden:
        return ""
    text = QCoreApplication.translate("TranscriptView", "Show %1 earlier messages").replace(
        "%1", f"{hidden:,}"
    )
    return f'<p align="center"><a href="earlier:">{html.escape(text)}</a></p>'


# <img src="inline-editor:<node id>">: the room the inline editor of a prompt covers (see inline_editor)
EDITOR_SCHEME = "inline-editor"


def editor_room_html(node_id: str, height: int) -> str:
    """An empty image as tall as the inline editor, where the prompt box was: the editor lies over it."""
    return f'<p><img src="{EDITOR_SCHEME}:{node_id}" width="1" height="{height}" /></p>'


def continued_html(node: Node) -> str:
    """A "Continue" turn has no prompt box: a quiet marker joins its answer to the one before it."""
    return f'<p class="continued quiet">{html.escape(_tr("↳ continued"))}</p>'


def clock(timestamp: float) -> str:
    """A message's time: "14:05" today, "2026-11-30 14:05" on another day."""
    moment = time.localtime(timestamp)
    today = time.localtime()
    same_day = moment.tm_year == today.tm_year and moment.tm_yday == today.tm_yday
    return time.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M", moment)


def answer_head_html(node: Node) -> str:
    """The answer's header: who speaks, and the model as a chip."""
    model = node.model or str(node.params.get("model") or "")
    chip = f' <span class="chip">&nbsp;{html.escape(model)}&nbsp;</span>' if model else ""
    return f'<p class="answer-head"><span class="role">{html.escape(_tr("Assistant"))}</span>{chip}</p>'


def _tr(text: str) -> str:
    return str(QCoreApplication.translate("TranscriptView", text))


# the strings shown through _tr, listed for the translation tools
_TRANSLATED = (
    QT_TRANSLATE_NOOP("TranscriptView", "You"),
    QT_TRANSLATE_NOOP("TranscriptView", "Assistant"),
    QT_TRANSLATE_NOOP("TranscriptView", "↳ continued"),
    QT_TRANSLATE_NOOP("TranscriptView", "Not sent yet: an edited prompt kept to send later."),
    QT_TRANSLATE_NOOP("TranscriptView", "Send now"),
    QT_TRANSLATE_NOOP("TranscriptView", "Copy LaTeX"),
    QT_TRANSLATE_NOOP("TranscriptView", "%1 in / %2 out tokens"),
    QT_TRANSLATE_NOOP("TranscriptView", "%1 cached"),
    QT_TRANSLATE_NOOP("TranscriptView", "%1 reasoning"),
    QT_TRANSLATE_NOOP("TranscriptView", "Stopped — partial answer kept"),
    QT_TRANSLATE_NOOP("TranscriptView", "Interrupted — the app closed while this answer was streaming"),
    QT_TRANSLATE_NOOP("TranscriptView", "[image: %1]"),
    QT_TRANSLATE_NOOP("TranscriptView", "%1: expected %2"),
    QT_TRANSLATE_NOOP("TranscriptView", " or "),
    QT_TRANSLATE_NOOP("TranscriptView", "%1: not one of %2"),
    QT_TRANSLATE_NOOP("TranscriptView", "%1: missing “%2”"),
    QT_TRANSLATE_NOOP("TranscriptView", "%1: unexpected “%2”"),
    QT_TRANSLATE_NOOP("TranscriptView", "Reasoning"),
    QT_TRANSLATE_NOOP("TranscriptView", "(%1 tokens)"),
    QT_TRANSLATE_NOOP("TranscriptView", "Sources"),
    QT_TRANSLATE_NOOP("TranscriptView", "Searched the web"),
    QT_TRANSLATE_NOOP("TranscriptView", "Searched files"),
    QT_TRANSLATE_NOOP("TranscriptView", "Ran code"),
    QT_TRANSLATE_NOOP("TranscriptView", "Token probabilities"),
    QT_TRANSLATE_NOOP("TranscriptView", "Copy JSON"),
    QT_TRANSLATE_NOOP("TranscriptView", "⚠ Not valid JSON: %1"),
    QT_TRANSLATE_NOOP("TranscriptView", "⚠ Valid JSON, but it does not match the schema: %1"),
    QT_TRANSLATE_NOOP("TranscriptView", "✓ Valid JSON, matches the schema"),
    QT_TRANSLATE_NOOP("TranscriptView", "✓ Valid JSON"),
    QT_TRANSLATE_NOOP("TranscriptView", "Incomplete: %1"),
    QT_TRANSLATE_NOOP("TranscriptView", "the server ended the answer early"),
)


def meta_text(node: Node, prices: dict[str, Price] | None = None) -> str:
    parts = [node.model or str(node.params.get("model") or "")]
    usage = node.usage
    if usage is not None:
        tokens = (
            _tr("%1 in / %2 out tokens")
            .replace("%2", f"{usage.output_tokens:,}")
            .replace("%1", f"{usage.input_tokens:,}")
        )
        extra = [_tr("%1 cached").replace("%1", f"{usage.cached_tokens:,}")] if usage.cached_tokens else []
        if usage.reasoning_tokens:
            extra.append(_tr("%1 reasoning").replace("%1", f"{usage.reasoning_tokens:,}"))
        parts.append(tokens + (f" ({', '.join(extra)})" if extra else ""))
    if prices is not None:
        parts.append(format_cost(node_cost(node, prices)))
    if node.status is not NodeStatus.COMPLETED:
        parts.append(i18n.status_name(node.status))
    if node.status.finished:
        parts.append(clock(node.updated_at))
    return " · ".join(p for p in parts if p)


# -- rich answers: reasoning, JSON, citations, tool calls, copy and logprobs links ---------------
# Internal links (never opened outside the app): "reasoning:<node id>" toggles a reasoning section,
# "copy:<node id>" puts the answer (pretty JSON for JSON answers) on the clipboard, "logprobs:<node id>"
# opens the per-token view.
# "copy-code:<key>" (under each code block) copies that block's code; its path is a key, not a node id.
# "earlier:" shows more of a long path's earlier turns (only the last ones are rendered at first).
# "action:<name>/<node id>": a message control (see message_controls).
INTERNAL_SCHEMES = frozenset(
    {
        ACTION_SCHEME,
        "reasoning",
        "copy",
        "logprobs",
        "copy-code",
        "earlier",
        SHOW_ALL_SCHEME,
        DECIDE_SCHEME,
        RESULT_SCHEME,
        USE_SCHEME,
        SAVE_SCHEME,
    }
)


def is_json_answer(node: Node) -> bool:
    return node.params.get("text_format") in ("json_object", "json_schema")


def json_schema_errors(value: Any, schema: Any, where: str = "$") -> list[str]:
    """A small JSON Schema check (type, required, properties, additionalProperties, items, enum)."""
    if not isinstance(schema, dict):
        return []
    errors: list[str] = []
    kinds: dict[str, type | tuple[type, ...]] = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
        "null": type(None),
    }
    expected = schema.get("type")
    names = expected if isinstance(expected, list) else [expected] if expected else []
    if names:
        ok = any(
            isinstance(value, kinds.get(str(n), object))
            and not (n in ("integer", "number") and isinstance(value, bool))
            for n in names
        )
        if not ok:
            wanted = _tr(" or ").join(map(str, names))
            return [_tr("%1: expected %2").replace("%2", wanted).replace("%1", where)]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(_tr("%1: not one of %2").replace("%2", str(schema["enum"])).replace("%1", where))
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        missing = _tr("%1: missing “%2”")
        errors += [
            missing.replace("%2", str(key)).replace("%1", where)
            for key in schema.get("required") or []
            if key not in value
        ]
        for key, item in value.items():
            if key in properties:
                errors += json_schema_errors(item, properties[key], f"{where}.{key}")
            elif schema.get("additionalProperties") is False:
                errors.append(_tr("%1: unexpected “%2”").replace("%2", str(key)).replace("%1", where))
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            errors += json_schema_errors(item, schema["items"], f"{where}[{i}]")
    return errors


def json_answer(node: Node) -> tuple[str, str, bool]:
    """(the text to show, the validation line, whether it is valid) for a JSON answer."""
    try:
        value = json.loads(node.output_text)
    except ValueError as exc:
        return node.output_text, _tr("⚠ Not valid JSON: %1").replace("%1", str(exc)), False
    pretty = json.dumps(value, indent=2, ensure_ascii=False)
    spec = node.params.get("json_schema")
    if node.params.get("text_format") == "json_schema" and isinstance(spec, dict):
        schema = spec.get("schema", spec) if isinstance(spec.get("schema"), dict) else spec
        errors = json_schema_errors(value, schema)
        if errors:
            problems = "; ".join(errors[:5])
            return (
                pretty,
                _tr("⚠ Valid JSON, but it does not match the schema: %1").replace("%1", problems),
                False,
            )
        return pretty, _tr("✓ Valid JSON, matches the schema"), True
    return pretty, _tr("✓ Valid JSON"), True


def json_html(node: Node) -> str:
    pretty, status, valid = json_answer(node)
    tone = "success" if valid else "error"
    return (
        f'<pre style="white-space:pre-wrap;">{html.escape(pretty)}</pre>'
        f'<p class="{tone}">{html.escape(status)} · '
        f'<a href="copy:{node.id}">{html.escape(_tr("Copy JSON"))}</a></p>'
    )


def answer_html(node: Node) -> str:
    """A finished answer: pretty JSON for JSON answers, markdown otherwise."""
    if is_json_answer(node) and node.output_text.strip():
        return json_html(node)
    return render_html(node.output_text)


def reasoning_html(node: Node, expanded: bool) -> str:
    """The collapsible reasoning section: a header link, and the summary when expanded."""
    if not node.reasoning_text:
        return ""
    reasoning = node.usage.reasoning_tokens if node.usage else 0
    count = " " + _tr("(%1 tokens)").replace("%1", f"{reasoning:,}") if reasoning else ""
    arrow = "▾" if expanded else "▸"
    label = html.escape(_tr("Reasoning") + count)
    header = f'<p><a class="reasoning" href="reasoning:{node.id}">{label} {arrow}</a></p>'
    if not expanded:
        return header
    body = render_html(node.reasoning_text)
    return (
        header + '<table width="100%" cellspacing="0" cellpadding="8"><tr><td class="reasoning">'
        f"{body}</td></tr></table>"
    )


def citations_html(node: Node) -> str:
    from desktop_chat.core.content.output_items import file_citations_of, file_sources_html

    citations = citations_of(node.output_items)
    files = file_citations_of(node.output_items)  # file search's files follow the web pages
    if not citations and not files:
        return ""
    rows = "".join(
        f'<p style="margin:0;">[{i}] <a href="{html.escape(c.url, quote=True)}">{html.escape(c.title)}</a> '
        f'<span class="quiet">{html.escape(c.url)}</span></p>'
        for i, c in enumerate(citations, start=1)
    )
    rows += file_sources_html(files, len(citations) + 1)
    return f'<p class="sources">{html.escape(_tr("Sources"))}</p>{rows}'


def tools_html(node: Node) -> str:
    labels = {
        "web_search": _tr("Searched the web"),
        "file_search": _tr("Searched files"),
        "code_interpreter": _tr("Ran code"),
    }
    from desktop_chat.core.content.output_items import code_runs_html

    lines = [
        _para(labels.get(tool, tool) + (f": {detail}" if detail else ""), "activity")
        for tool, detail in tool_calls_of(node.output_items)
        if tool != "code_interpreter"  # shown with its code and output below
    ]
    return "".join(lines) + code_runs_html(node.output_items)


def actions_html(node: Node) -> str:
    if not node.status.finished or not node.output_text:
        return ""
    if not logprobs_of(node.output_items):
        return ""
    return f'<p class="quiet"><a href="logprobs:{node.id}">{html.escape(_tr("Token probabilities"))}</a></p>'


def footer_html(
    node: Node,
    prices: dict[str, Price] | None = None,
    opened_results: Collection[str] = (),
    *,
    continued: bool = False,
) -> str:
    """What follows a finished answer: sources, tool calls (hosted, then local with their results),
    status, error, notice and a meta line (`continued`: a Continue turn follows it, so no Continue link)."""
    if node.status is NodeStatus.DRAFT:
        send = f'<a href="{ACTION_SCHEME}:send-draft/{node.id}">{html.escape(_tr("Send now"))}</a>'
        kept = html.escape(_tr("Not sent yet: an edited prompt kept to send later."))
        return f'<p class="notice">{kept} {send}</p>'
    lines: list[str] = [citations_html(node), tools_html(node), local_tools_html(node, opened_results)]
    error_shown = False
    go_on = continue_html(node) if node.status in CONTINUABLE and not continued else ""
    if node.status in STATUS_LINES:
        lines.append(f'<p class="warning">{html.escape(_tr(STATUS_LINES[node.status]))}{go_on}</p>')
    elif node.status is NodeStatus.INCOMPLETE:
        reason = error_message(node) or _tr("the server ended the answer early")
        text = _tr("Incomplete: %1").replace("%1", reason)
        lines.append(f'<p class="warning">{html.escape(text)}{go_on}</p>')
        error_shown = True
    retry = retry_html(node) if node.status is NodeStatus.FAILED else ""
    if (node.error or node.status is NodeStatus.FAILED) and not error_shown:
        lines.append(f'<p class="error">{html.escape("⚠ " + error_message(node))}{retry}</p>')
    if node.notice:
        lines.append(_para(f"ℹ {i18n.stored_core_text(node.notice)}", "notice"))
    meta = meta_text(node, prices)
    if meta:
        lines.append(_para(meta, "quiet"))
    lines.append(actions_html(node))
    return "".join(lines)
