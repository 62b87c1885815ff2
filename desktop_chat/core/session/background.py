"""Background answers across app runs: kept running on the server when the app closes, picked up
when their conversation opens again.

A turn sent in background mode (`ChatParams.background`) is saved as it streams with the server's
response id, its status there and the last stream event applied (`Node.background`). Closing the app
does not cancel it: the node stays "streaming" in the store (start-up marks only ordinary streams
interrupted). When its conversation is open and the back end of the server that answers it is ready,
the runner reads its stream on from that event (`TurnRunner.resume`), into the same node.
"""

from __future__ import annotations

import logging
from collections.abc import Coroutine
from typing import Any, Protocol

from desktop_chat.core.api.context import node_provider
from desktop_chat.core.conversation.model import Node
from desktop_chat.core.conversation.store import Store, StoreError
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.session.turns import TurnRunner

log = logging.getLogger("desktop_chat")


class Session(Protocol):
    """What these use cases need of the session (`service.ChatSession`; no import of it, no cycle)."""

    store: Store
    runner: TurnRunner | None
    tree: ConversationTree | None
    live: dict[str, Node]

    def launch(self, node: Node, coro: Coroutine[Any, Any, Node]) -> Any: ...


def resume_running(session: Session) -> list[Any]:
    """Start reading on every background answer of the open conversation still running on its
    server (one turn task each, as for a sent prompt); none while no back end for that server is set."""
    runner, tree = session.runner, session.tree
    if runner is None or runner.background is None or tree is None:
        return []
    turns = []
    for node in tree.nodes():
        if not node.running_in_background or node.id in session.live:
            continue
        if node_provider(node) not in (None, runner.provider):
            continue  # answered by another server: picked up when its back end is in use
        log.info("resume background node=%s response=%s after=%s", node.id, node.response_id, node.background)
        turns.append(session.launch(node, runner.resume(tree, node)))
    return turns


def detach_running(session: Session) -> None:
    """The app closes: the background answers streaming now go on on the server; their tasks end
    without stopping them (the nodes stay running, saved with how far they were read)."""
    runner = session.runner
    if runner is None:
        return
    running = [node for node in session.live.values() if node.running_in_background]
    if not running:
        return
    log.info("detach %d background answer(s)", len(running))
    runner.detach({node.id for node in running})
    for node in running:  # now, with how far each was read: the store may close before the tasks end
        try:
            session.store.update_node(node)
        except StoreError as exc:
            log.error("could not save node %s: %s", node.id, exc.user_message)
