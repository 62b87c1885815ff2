"""Answers the store refused to save (a full disk): said at once, kept in memory, saved when it can.

The first failed save of an answer is told at once (a notice in the window), not when the stream
ends. The answer keeps streaming in memory and can be read and copied. While a save fails, the answer
is retried every `retry_every_s`; a finished answer that could not be saved shows as failed with the
reason, and once saved it gets its real status back and the notice says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.conversation.store import StoreError

log = logging.getLogger("desktop_chat")

RETRY_EVERY_S = 2.0


def not_saved_notice(reason: str) -> Text:
    return Text(
        QT_TRANSLATE_NOOP(
            "core",
            "The answer could not be saved: %1 It goes on here and can be copied; it is saved as soon as "
            "there is room again.",
        ),
        reason,
    )


def not_saved_error(reason: str) -> Text:
    return Text(QT_TRANSLATE_NOOP("core", "%1 The answer is shown but could not be saved yet."), reason)


SAVED_NOTICE = Text(QT_TRANSLATE_NOOP("core", "The answer that could not be saved is saved now."))


@dataclass
class _Unsaved:
    node: Node
    status: NodeStatus | None = None  # its real status and error, once it finished unsaved
    error: str | None = None
    error_kind: str | None = None


class UnsavedAnswers:
    """Saves through `save`; failures are remembered, told through `notice` and retried."""

    def __init__(
        self,
        save: Callable[[Node], None],
        notice: Callable[[str], None] | None = None,
        changed: Callable[[Node], None] | None = None,
        *,
        retry_every_s: float = RETRY_EVERY_S,
    ) -> None:
        self._save = save
        self.notice = notice
        self.changed = changed  # a node's shown state changed (saved after all)
        self.retry_every_s = retry_every_s
        self.pending: dict[str, _Unsaved] = {}
        self._task: asyncio.Task[None] | None = None

    def save(self, node: Node, *, final: bool = False) -> bool:
        """Save the node now; False (and remembered, told once, retried) when the store refuses."""
        try:
            self._save(node)
        except StoreError as exc:
            self._failed(node, exc.user_message, final)
            return False
        if self.pending.pop(node.id, None) is not None:
            self._tell(SAVED_NOTICE)
        return True

    def _failed(self, node: Node, reason: str, final: bool) -> None:
        log.error("could not save node %s: %s", node.id, reason)
        entry = self.pending.get(node.id)
        if entry is None:
            entry = self.pending[node.id] = _Unsaved(node)
            self._tell(not_saved_notice(reason))
        if final and entry.status is None:
            entry.status, entry.error, entry.error_kind = node.status, node.error, node.error_kind
            node.status = NodeStatus.FAILED
            node.error, node.error_kind = not_saved_error(reason), None
        self._start_retrying()

    def _tell(self, text: str) -> None:
        if self.notice is not None:
            self.notice(text)

    def _start_retrying(self) -> None:
        if self._task is not None and not self._task.done():
            return
        try:
            self._task = asyncio.get_running_loop().create_task(self._retry(), name="retry unsaved answers")
        except RuntimeError:  # no loop (a synchronous caller): the next save retries
            self._task = None

    async def _retry(self) -> None:
        while self.pending:
            await asyncio.sleep(self.retry_every_s)
            for entry in list(self.pending.values()):
                if entry.node.status is NodeStatus.STREAMING:
                    continue  # its stream saves it twice a second
                self.retry(entry)

    def retry(self, entry: _Unsaved) -> None:
        node = entry.node
        shown = node.status, node.error, node.error_kind
        if entry.status is not None:
            node.status, node.error, node.error_kind = entry.status, entry.error, entry.error_kind
        try:
            self._save(node)
        except StoreError:
            node.status, node.error, node.error_kind = shown
            return
        del self.pending[node.id]
        log.info("saved node %s after all", node.id)
        self._tell(SAVED_NOTICE)
        if self.changed is not None:
            self.changed(node)

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
