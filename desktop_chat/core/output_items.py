"""Reading a finished answer's output items: citations, logprobs, tool calls, activity labels.

No SDK import here: the transcript uses these while the window paints, before `openai` has loaded.
"""

from __future__ import annotations

from typing import Any

from desktop_chat.core.events import Citation

ACTIVITY_LABELS = {
    "web_search": "Searching the web…",
    "file_search": "Searching files…",
    "code_interpreter": "Running code…",
}


def activity_label(text: str) -> str:
    """A user-facing line for the TurnRunner's "tool: status" activity text ("" once it completed)."""
    tool, _, status = text.partition(": ")
    if status == "completed":
        return ""
    return ACTIVITY_LABELS.get(tool, text)


def _text_parts(output_items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    for item in output_items:
        if item.get("type") == "message" and isinstance(item.get("content"), list):
            parts += [p for p in item["content"] if isinstance(p, dict) and p.get("type") == "output_text"]
    return parts


def citations_of(output_items: list[dict[str, Any]]) -> list[Citation]:
    """The url_citation annotations of a final response, one per distinct URL, in order of appearance."""
    seen: dict[str, Citation] = {}
    for part in _text_parts(output_items):
        for note in part.get("annotations") or []:
            if isinstance(note, dict) and note.get("type") == "url_citation" and note.get("url"):
                url = str(note["url"])
                if url not in seen:
                    seen[url] = Citation(
                        url,
                        str(note.get("title") or url),
                        note.get("start_index", 0),
                        note.get("end_index", 0),
                    )
    return list(seen.values())


def logprobs_of(output_items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answer's tokens with their logprob and alternatives: [{token, logprob, top_logprobs}]."""
    tokens: list[dict[str, Any]] = []
    for part in _text_parts(output_items):
        tokens += [t for t in part.get("logprobs") or [] if isinstance(t, dict) and "token" in t]
    return tokens


def tool_calls_of(output_items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(tool, what it did) for each hosted tool call of a final response, e.g. ("web_search", "query")."""
    calls: list[tuple[str, str]] = []
    for item in output_items:
        kind = str(item.get("type", ""))
        if kind.endswith("_call") and kind != "function_call":
            action = item.get("action") if isinstance(item.get("action"), dict) else {}
            detail = str((action or {}).get("query") or item.get("code") or "")
            calls.append((kind.removesuffix("_call"), detail))
    return calls
