"""A small observer, napari-style and Qt-free: `session.events.turn_finished.connect(callback)`.

One `Emitter` per kind of event; an emitter calls its callbacks in the order they connected, with the
event object. A callback that raises is logged and the others are still called: one pane's bug must
not stop an answer from streaming into the others (nor the turn that emits it). Tests set
`Emitter.strict = True` so that such a bug fails them instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

log = logging.getLogger("desktop_chat")

E = TypeVar("E")


class Emitter(Generic[E]):
    """Callbacks for one kind of event."""

    __slots__ = ("_callbacks", "name")

    strict = False  # raise a listener's exception (tests) instead of logging it

    def __init__(self, name: str = "") -> None:
        self.name = name
        self._callbacks: list[Callable[[E], object]] = []

    def connect(self, callback: Callable[[E], object]) -> Callable[[E], object]:
        """Call `callback(event)` on every emit (once, however often it is connected); returns it, so
        this can be used as a decorator."""
        if callback not in self._callbacks:
            self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callable[[E], object]) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, event: E) -> None:
        for callback in tuple(self._callbacks):
            try:
                callback(event)
            except Exception:  # a listener's bug is logged, never raised into the emitter
                if Emitter.strict:
                    raise
                log.exception("a listener of %s failed", self.name or "an event")

    def __len__(self) -> int:
        return len(self._callbacks)
