"""The controls drawn into the text of the transcript: the fork switcher, Retry next to a failed turn's
error, Continue next to a stopped or cut answer's status (each message's other actions are buttons on a
bar that appears over it: message_actions.py).

They are links with the `action:` scheme (`action:<name>/<node id>`): they have text (what a screen reader
reads), Tab reaches them and Enter follows them. The view handles copying; every other action goes out
through `TranscriptView.message_action` (the pane runs it through the session or the window's actions).

A turn with siblings (other answers to the same parent) shows `‹ 2 / 3 ›` and a chip naming what makes it
differ from the sibling before it: an edited prompt, or a regenerate with another model, temperature or
persona. The switcher moves with `ConversationTree.sibling`, as Alt+Left / Alt+Right do, and shows the
sibling's most recent leaf.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_chat.core.conversation.model import Node, NodeStatus

ACTION_SCHEME = "action"
CONTEXT = "MessageControls"

RETRY = QT_TRANSLATE_NOOP("MessageControls", "Retry")
CONTINUE = QT_TRANSLATE_NOOP("MessageControls", "Continue")
_STRINGS = (
    QT_TRANSLATE_NOOP("MessageControls", "Previous version"),
    QT_TRANSLATE_NOOP("MessageControls", "Next version"),
    QT_TRANSLATE_NOOP("MessageControls", "edited prompt"),
    QT_TRANSLATE_NOOP("MessageControls", "regenerated"),
    QT_TRANSLATE_NOOP("MessageControls", "temperature %1"),
    QT_TRANSLATE_NOOP("MessageControls", "other persona"),
    QT_TRANSLATE_NOOP("MessageControls", "Version %1 of %2"),
)
CONTINUABLE = (NodeStatus.STOPPED, NodeStatus.INTERRUPTED, NodeStatus.INCOMPLETE)


def _tr(text: object) -> str:
    return str(QCoreApplication.translate(CONTEXT, str(text)))


def _link(action: str, node_id: str, text: str) -> str:
    return f'<a href="{ACTION_SCHEME}:{action}/{node_id}">{html.escape(text)}</a>'


def parse_action(path: str) -> tuple[str, str]:
    """`regenerate/<id>` -> ("regenerate", id)."""
    action, _, node_id = path.partition("/")
    return action, node_id


def difference(node: Node, other: Node) -> list[str]:
    """What makes `node` differ from its sibling `other`, in words (an edit or a regenerate first)."""
    found = [_tr("edited prompt") if node.user_text != other.user_text else _tr("regenerated")]
    model, other_model = node.model or node.params.get("model"), other.model or other.params.get("model")
    if model and model != other_model:
        found.append(str(model))
    temperature = node.params.get("temperature")
    if temperature != other.params.get("temperature") and temperature is not None:
        found.append(_tr("temperature %1").replace("%1", f"{temperature:g}"))
    if node.params.get("instructions", "") != other.params.get("instructions", ""):
        found.append(_tr("other persona"))
    return found


def fork_key(node: Node, siblings: list[Node]) -> tuple[int, int, str]:
    """What the switcher shows (its place among the siblings, and the sibling it is compared with)."""
    if len(siblings) < 2:
        return (0, len(siblings), "")
    index = next((i for i, s in enumerate(siblings) if s.id == node.id), 0)
    other = siblings[index - 1] if index else siblings[1]
    return (index, len(siblings), other.id)


def fork_html(node: Node, siblings: list[Node]) -> str:
    """`‹ 2 / 3 ›` and a chip with what differs, for a turn with siblings ("" for one without)."""
    index, count, other_id = fork_key(node, siblings)
    if count < 2:
        return ""
    other = next(s for s in siblings if s.id == other_id)
    chip = " · ".join(html.escape(part) for part in difference(node, other))
    prev = _link("sibling-prev", node.id, "‹") if index > 0 else "‹"
    following = _link("sibling-next", node.id, "›") if index < count - 1 else "›"
    title = html.escape(_tr("Version %1 of %2").replace("%1", str(index + 1)).replace("%2", str(count)))
    return (
        f'<p class="fork" title="{title}">{prev} {index + 1} / {count} {following}'
        f' <span class="chip">&nbsp;{chip}&nbsp;</span></p>'
    )


def retry_html(node: Node) -> str:
    """Retry, put next to a failed turn's error."""
    return " " + _link("retry", node.id, _tr(RETRY))


def continue_html(node: Node) -> str:
    """Continue, put next to a stopped, interrupted or cut answer's status."""
    return " · " + _link("continue", node.id, _tr(CONTINUE))


def plain_text(markdown_text: str) -> str:
    """An answer as plain text: its markdown rendered, then read back without formatting."""
    from PySide6.QtGui import QTextDocument

    from desktop_chat.core.content.markdown import render_html

    document = QTextDocument()
    document.setHtml(render_html(markdown_text))
    return str(document.toPlainText()).strip()


# the window's actions (ui/actions.py) a control runs on its turn, once that turn is selected (the pane
# runs the others: copies, the switcher, edit, continue, branch, send a draft)
WINDOW_ACTIONS = {
    "regenerate": "action_regenerate",
    "retry": "action_regenerate",
    "regenerate-with": "action_regenerate_with",
    "delete": "action_delete",
}
