"""Did the server honour `previous_response_id`? Judged from what it billed for the turn.

A chained turn that the server really continued is billed for the whole history plus the new input; a
server that accepted the id and dropped it (a gateway bridging the Responses API to Chat Completions
does that with HTTP 200) bills only the new input. The local token estimate of the path tells the two
apart: the turn was ignored when the reported `usage.input_tokens` is below the new input plus half the
history. The estimate is scaled by how the server counted the parent turn (its own tokenizer, its
per-message overhead), so other tokenizers do not tip the balance.

Images and files are left out of both sides of the comparison: what a server bills for them varies
far more than text does (a detail level, its own tile rule, an emulator that bills none), so the local
guess for them could make an honoured chain look ignored. A parent turn whose request carried
attachments (its own or its history's) does not set the scale either, for the same reason. Left out,
they can hide an ignored id instead: a new picture may be billed more than the history's text. So a
turn with new attachments billed above the text threshold is judged by the server's own count of
the parent turn (a continued chain bills at least the parent's input and output), and when that does
not tell either, usage cannot tell (NO_USAGE: the runner asks the server whether it keeps state).
"""

from __future__ import annotations

from enum import Enum

from desktop_chat.core.api.context import context_parent
from desktop_chat.core.conversation.model import JSON, ChatParams, ContextMode, Usage
from desktop_chat.core.conversation.tree import ConversationTree

SCALE_LIMITS = (0.5, 2.0)  # how far another tokenizer may count from the local estimate
# below this share of the new input, the history is within the estimate's error on the new input
NEW_INPUT_DWARFS = 0.5


class Verdict(Enum):
    HONOURED = "honoured"
    IGNORED = "ignored"
    NO_USAGE = "no_usage"  # usage cannot tell: none reported, or new attachments of unknown cost
    UNKNOWN = "unknown"  # nothing to tell it by (no history, or the server may have compacted it)


def _estimate(
    tree: ConversationTree, parent_id: str | None, new_input: list[JSON], params: ChatParams
) -> tuple[int, int, bool, bool]:
    """(history, fresh, old_attachments, new_attachments): estimated text tokens of the replayed path
    and of the rest of the request, and whether each carries images or files."""
    # token counting (tiktoken, ~80 ms to import) loads with the first chained answer, not at start-up
    from desktop_chat.core.api.context_preview import preview

    shown = preview(tree, parent_id, new_input, params, ContextMode.REPLAY)
    sent = [item for item in shown.items if not item.excluded]
    old = [item for item in sent if item.node_id is not None]
    new = [item for item in sent if item.node_id is None]
    return (
        sum(item.text_tokens for item in old),
        sum(item.text_tokens for item in new),
        any(item.attachment_tokens for item in old),
        any(item.attachment_tokens for item in new),
    )


def _scale(tree: ConversationTree, parent_id: str | None) -> float:
    """How the server's count compares with the local estimate, from the parent turn's own usage."""
    if parent_id is None:
        return 1.0
    parent = tree.get(parent_id)
    if parent.usage is None or parent.usage.input_tokens <= 0:
        return 1.0
    history, fresh, old_attachments, new_attachments = _estimate(
        tree, parent.parent_id, parent.input_items, ChatParams.from_json(parent.params)
    )
    if history + fresh <= 0 or old_attachments or new_attachments:
        return 1.0  # what its images or files were billed is unknown: no telling the ratio
    low, high = SCALE_LIMITS
    return min(high, max(low, parent.usage.input_tokens / (history + fresh)))


def judge(
    tree: ConversationTree,
    parent_id: str | None,
    new_input: list[JSON],
    params: ChatParams,
    usage: Usage | None,
) -> Verdict:
    """Whether the server saw the history of a turn sent chained under `parent_id`."""
    history, fresh, _old_attachments, new_attachments = _estimate(tree, parent_id, new_input, params)
    if history <= 0:
        return Verdict.UNKNOWN
    if usage is None or usage.input_tokens <= 0:
        return Verdict.NO_USAGE
    chained = context_parent(tree, parent_id)
    scale = _scale(tree, chained)
    threshold = params.compact_threshold
    if threshold is not None and scale * (history + fresh) > threshold:
        return Verdict.UNKNOWN  # the server may have compacted the history
    billed = usage.input_tokens
    known = tree.get(chained).usage if chained is not None else None
    # a continued chain bills at least the parent's input and output, whatever the tokenizer
    below_parent = (
        known is not None and known.input_tokens > 0 and billed < known.input_tokens + known.output_tokens
    )
    if history < fresh * NEW_INPUT_DWARFS:
        # a long new input (a pasted document): another tokenizer's disagreement on it alone could
        # exceed the history, so the estimate cannot tell; the parent's own bill still can
        return Verdict.IGNORED if below_parent else Verdict.NO_USAGE
    if billed < scale * (fresh + history / 2):
        return Verdict.IGNORED
    if not new_attachments:
        return Verdict.HONOURED  # an ignored id bills the new text alone
    if below_parent:
        return Verdict.IGNORED
    return Verdict.NO_USAGE  # the new images or files may account for what was billed
