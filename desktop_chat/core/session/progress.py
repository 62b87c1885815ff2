"""How a streaming answer's growth is told to the window: at most twice per event-loop turn."""

from __future__ import annotations

import asyncio
from typing import Protocol

from desktop_chat.core.conversation.model import Node


class ProgressListener(Protocol):
    def turn_progress(self, node: Node) -> None: ...


class Progress:
    """`turn_progress` for one node as it streams, at most twice per event-loop turn.

    A burst of deltas is read in one turn of the loop (hundreds of them when the server is fast), and
    nothing can draw until that turn ends; listeners read the node itself when they draw. So the first
    change in a turn is told at once (a view starts its frame timer when it always did) and the rest
    of that turn's changes once, when the turn ends. A status change is told at once.
    """

    __slots__ = ("_dirty", "_handle", "_loop", "listener", "node")

    def __init__(self, listener: ProgressListener, node: Node) -> None:
        self.listener = listener
        self.node = node
        self._loop = asyncio.get_running_loop()
        self._handle: asyncio.Handle | None = None
        self._dirty = False

    def changed(self) -> None:
        if self._handle is not None:
            self._dirty = True
            return
        self._handle = self._loop.call_soon(self._turn_ended)
        self.listener.turn_progress(self.node)

    def now(self) -> None:
        self._dirty = False
        self.listener.turn_progress(self.node)

    def _turn_ended(self) -> None:
        self._handle = None
        if self._dirty:
            self._dirty = False
            self.listener.turn_progress(self.node)

    def flush(self) -> None:
        """Tell what is untold now (the stream ended or was stopped): nothing is told after this."""
        if self._handle is not None:
            self._handle.cancel()
            self._turn_ended()
