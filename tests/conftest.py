"""Fixtures shared by the UI and end-to-end tests."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, TypeVar

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

T = TypeVar("T")


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """Collect each test's dead windows here, on the GUI thread.

    Left to chance, Python's cyclic GC can run on any thread (an emulator or executor thread) and
    destroy QWidgets there, which leaves Qt timers pointing at freed objects.
    """
    yield
    gc.collect()


@pytest.fixture
def aloop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """The app's event loop (qasync on the test's QApplication), made as app.py makes it."""
    from desktop_chat.ui.event_loop import close_event_loop, create_event_loop

    qapp.setQuitOnLastWindowClosed(False)  # tests close windows mid-scenario; the loop goes on
    loop = create_event_loop(qapp)
    yield loop
    close_event_loop(loop)


@pytest.fixture
def arun(aloop: asyncio.AbstractEventLoop) -> Callable[..., Any]:
    """Run a coroutine on the qasync loop, failing after `timeout` seconds."""

    def run(coro: Awaitable[T], timeout: float = 30.0) -> T:
        return aloop.run_until_complete(asyncio.wait_for(coro, timeout))

    return run


async def wait_until(predicate: Callable[[], object], timeout: float = 10.0, what: str = "") -> None:
    """Let the loop (and Qt) run until the predicate holds; fail after `timeout` seconds."""

    async def poll() -> None:
        while not predicate():
            await asyncio.sleep(0.005)

    try:
        await asyncio.wait_for(poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what or predicate}") from None


@pytest.fixture
def emulator() -> Iterator[Any]:
    from desktop_chat.emulator import Emulator

    emu = Emulator()
    emu.start()
    yield emu
    emu.stop()


@pytest.fixture
def memory_keyring() -> Iterator[Any]:
    import keyring

    from tests.core.memory_keyring import MemoryKeyring

    original = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(original)
