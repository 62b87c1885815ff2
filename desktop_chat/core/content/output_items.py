"""Reading a finished answer's output items: citations, logprobs, tool calls, activity labels.

No SDK import here: the transcript uses these while the window paints, before `openai` has loaded.
The HTML helpers at the end (file sources, the code interpreter's code and logs) follow the rules of
`core.markdown`: every piece of model or tool output is escaped, nothing is ever loaded.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop_chat.core.api.events import Citation
from desktop_chat.core.content import markdown
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, tr
from desktop_chat.core.conversation.model import Node

ACTIVITY_LABELS = {
    "web_search": QT_TRANSLATE_NOOP("core", "Searching the web…"),
    "file_search": QT_TRANSLATE_NOOP("core", "Searching files…"),
    "code_interpreter": QT_TRANSLATE_NOOP("core", "Running code…"),
    "mcp": QT_TRANSLATE_NOOP("core", "Starting the MCP servers…"),
    "image_generation": QT_TRANSLATE_NOOP("core", "Generating an image…"),
}


def activity_label(text: str) -> str:
    """A user-facing line for the TurnRunner's "tool: status" activity text ("" once it completed)."""
    tool, _, status = text.partition(": ")
    if status == "completed":
        return ""
    return tr(ACTIVITY_LABELS[tool]) if tool in ACTIVITY_LABELS else text


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


@dataclass(frozen=True)
class FileCitation:
    """A file an answer cites: from file search (`file_citation`) or made by the code interpreter."""

    filename: str
    file_id: str
    container_id: str = ""  # set for a `container_file_citation` (a file the code interpreter wrote)


FILE_CITATION_TYPES = ("file_citation", "container_file_citation")


def file_citations_of(output_items: list[dict[str, Any]]) -> list[FileCitation]:
    """The file_citation and container_file_citation annotations, one per distinct file, in order."""
    seen: dict[tuple[str, str], FileCitation] = {}
    for part in _text_parts(output_items):
        for note in part.get("annotations") or []:
            if not isinstance(note, dict) or note.get("type") not in FILE_CITATION_TYPES:
                continue
            file_id, filename = str(note.get("file_id") or ""), str(note.get("filename") or "")
            if not (file_id or filename):
                continue
            in_container = note["type"] == "container_file_citation"
            container = str(note.get("container_id") or "container") if in_container else ""
            key = (container, file_id or filename)
            if key not in seen:
                seen[key] = FileCitation(filename or file_id, file_id, container)
    return list(seen.values())


def logprobs_of(output_items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answer's tokens with their logprob and alternatives: [{token, logprob, top_logprobs}]."""
    tokens: list[dict[str, Any]] = []
    for part in _text_parts(output_items):
        tokens += [t for t in part.get("logprobs") or [] if isinstance(t, dict) and "token" in t]
    return tokens


def tool_calls_of(output_items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(tool, what it did) for each hosted tool call of a final response, e.g. ("web_search", "query").

    File search tells its queries; the code interpreter's code is not a one-line detail (see `code_runs_of`).
    """
    calls: list[tuple[str, str]] = []
    for item in output_items:
        kind = str(item.get("type", ""))
        if kind.endswith("_call") and kind not in ("function_call", "mcp_call", "image_generation_call"):
            action = item.get("action") if isinstance(item.get("action"), dict) else {}
            queries = item["queries"] if isinstance(item.get("queries"), list) else []
            detail = str((action or {}).get("query") or "; ".join(str(q) for q in queries if q))
            calls.append((kind.removesuffix("_call"), detail))
    return calls


@dataclass(frozen=True)
class CodeRun:
    """One code interpreter call: the code it ran and what that printed."""

    code: str
    logs: str  # the `logs` outputs joined ("" when the server sent none)
    images: int  # image outputs (never loaded: they are files in the server's container)
    status: str


def code_runs_of(output_items: list[dict[str, Any]]) -> list[CodeRun]:
    """The code interpreter calls of a final response, in order."""
    runs: list[CodeRun] = []
    for item in output_items:
        if item.get("type") != "code_interpreter_call":
            continue
        outputs = [o for o in item.get("outputs") or [] if isinstance(o, dict)]
        logs = "".join(str(o.get("logs") or "") for o in outputs if o.get("type") == "logs")
        images = sum(1 for o in outputs if o.get("type") == "image")
        runs.append(CodeRun(str(item.get("code") or ""), logs, images, str(item.get("status") or "")))
    return runs


def find_code(node: Node, key: str) -> str | None:
    """The code behind a `copy-code:<key>` link of a node: a code block of its answer or reasoning, or
    code the code interpreter ran; as shown (without its last line break). None if none has that key."""
    for text in (node.output_text, node.reasoning_text):
        code = markdown.find_code_block(text, key)
        if code is not None:
            return code
    for run in code_runs_of(node.output_items):
        if run.code and markdown.code_key(run.code) == key:
            return run.code.removesuffix("\n")
    return None


# -- HTML for the transcript ---------------------------------------------------------------------

FILE_SOURCE_NOTE = QT_TRANSLATE_NOOP("core", "file search")
CONTAINER_FILE_NOTE = QT_TRANSLATE_NOOP("core", "file made by the code interpreter")
CODE_RUN_TITLE = QT_TRANSLATE_NOOP("core", "Ran code")
CODE_OUTPUT_TITLE = QT_TRANSLATE_NOOP("core", "Output")
NO_OUTPUT = QT_TRANSLATE_NOOP("core", "(no output)")
IMAGE_OUTPUTS = QT_TRANSLATE_NOOP("core", "%1 image output(s), not shown")
LOGS_SHOWN = 4000  # characters of logs shown; the rest is counted
MORE_LOGS = QT_TRANSLATE_NOOP("core", "… %1 more characters")
_LOGS_PRE = '<pre class="logs">'


def file_sources_html(files: Iterable[FileCitation], first_number: int = 1) -> str:
    """Rows like the url citations': "[n] filename", then a grey note (escaped: names come from files)."""
    rows = []
    for number, cited in enumerate(files, start=first_number):
        note = tr(CONTAINER_FILE_NOTE if cited.container_id else FILE_SOURCE_NOTE)
        rows.append(
            f'<p style="margin:0;">[{number}] {html.escape(cited.filename)} '
            f'<span class="quiet">{html.escape(note)}</span></p>'
        )
    return "".join(rows)


def code_runs_html(output_items: list[dict[str, Any]]) -> str:
    """Each code interpreter call: its code (highlighted, with a "Copy code" link) and its logs."""
    parts: list[str] = []
    for run in code_runs_of(output_items):
        status = f" ({run.status})" if run.status and run.status != "completed" else ""
        parts.append(f'<p class="activity">{html.escape(tr(CODE_RUN_TITLE) + status)}</p>')
        if run.code:
            parts.append(markdown.code_html(run.code, "python"))
        logs = run.logs
        more = len(logs) - LOGS_SHOWN
        shown = logs[:LOGS_SHOWN].removesuffix("\n") if logs else tr(NO_OUTPUT)
        if more > 0:
            shown += "\n" + tr(MORE_LOGS).replace("%1", f"{more:,}")
        parts.append(f'<p class="quiet">{html.escape(tr(CODE_OUTPUT_TITLE))}</p>')
        parts.append(f"{_LOGS_PRE}{html.escape(shown, quote=False)}</pre>")
        if run.images:
            note = tr(IMAGE_OUTPUTS).replace("%1", str(run.images))
            parts.append(f'<p class="quiet">{html.escape(note)}</p>')
    return "".join(parts)
