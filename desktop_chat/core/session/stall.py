"""A stream that goes quiet: "waiting for the server…" after a few seconds, a clear failure at the limit.

Without this, a stalled server was noticed only when the SDK's read timeout (120 s) ended the
request, with no sign of trouble meanwhile. The stream is read in a child task; the parent checks
twice a second how long ago the last event came. While a reasoning model thinks (the server says so
with reasoning events or keepalives) a longer silence is normal, up to `thinking_limit_s`.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text

T = TypeVar("T")

STALL_ENV = "DESKTOP_CHAT_STALL_S"  # seconds without a byte before a stream is given up
WAITING = Text(QT_TRANSLATE_NOOP("core", "Waiting for the server…"))


STALLED_TEMPLATE = QT_TRANSLATE_NOOP(
    "core",
    "The server sent nothing for %1 s, so the answer was stopped. What arrived is kept; "
    "press Retry (Ctrl+R) to ask again.",
)


def stalled_message(seconds: float) -> Text:
    return Text(STALLED_TEMPLATE, f"{seconds:g}")


@dataclass(frozen=True)
class StallPolicy:
    waiting_after_s: float = 5.0  # "waiting for the server…" from here on
    limit_s: float = 30.0  # given up after this long without an event
    thinking_limit_s: float = 120.0  # ... or this long while a reasoning model thinks
    check_every_s: float = 0.5

    @classmethod
    def from_env(cls) -> StallPolicy:
        """The default, with the limit from DESKTOP_CHAT_STALL_S when that is set (and a number)."""
        try:
            limit = float(os.environ.get(STALL_ENV, ""))
        except ValueError:
            return cls()
        if limit <= 0:
            return cls()
        return cls(
            waiting_after_s=min(cls.waiting_after_s, limit / 2),
            limit_s=limit,
            thinking_limit_s=max(cls.thinking_limit_s, limit),
        )


class StallWatch:
    """The reader calls `alive()` for each event (cheap); `guard()` runs the reader and gives up on it
    when it goes quiet for too long."""

    __slots__ = ("last", "on_waiting", "policy", "thinking", "waiting")

    def __init__(self, policy: StallPolicy, on_waiting: Callable[[bool], None]) -> None:
        self.policy = policy
        self.on_waiting = on_waiting  # True: "waiting for the server…" shown; False: events again
        self.last = time.monotonic()
        self.thinking = False
        self.waiting = False

    def alive(self, now: float) -> None:
        self.last = now
        if self.waiting:
            self.waiting = False
            self.on_waiting(False)

    async def guard(self, reader: Coroutine[Any, Any, T]) -> tuple[bool, T | None]:
        """Run `reader`; (True, None) if it was cancelled for silence, else (False, its result)."""
        task = asyncio.ensure_future(reader)
        try:
            while True:
                done, _ = await asyncio.wait({task}, timeout=self.policy.check_every_s)
                if done:
                    return False, task.result()
                idle = time.monotonic() - self.last
                limit = self.policy.thinking_limit_s if self.thinking else self.policy.limit_s
                if idle >= limit:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
                    if self.waiting:
                        self.waiting = False
                        self.on_waiting(False)
                    return True, None
                if idle >= self.policy.waiting_after_s and not self.waiting:
                    self.waiting = True
                    self.on_waiting(True)
        except asyncio.CancelledError:  # Stop: the reader stops too
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            raise

    def limit_now(self) -> float:
        return self.policy.thinking_limit_s if self.thinking else self.policy.limit_s
