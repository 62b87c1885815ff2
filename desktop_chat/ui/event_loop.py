"""The one place that creates the asyncio event loop (qasync on the Qt event loop)."""

from __future__ import annotations

import asyncio
import logging
import sys

import qasync
from PySide6.QtCore import QCoreApplication

log = logging.getLogger("desktop_chat")
CLOSE_TIMEOUT_S = 5.0


def create_event_loop(app: QCoreApplication) -> qasync.QEventLoop:
    """A qasync loop on `app`, with the async-generator hooks stock asyncio installs in run_forever.

    qasync does not install them, so an abandoned async generator (the SDK's byte stream after Stop)
    would be closed synchronously by the garbage collector, outside any task, where httpcore cannot
    tell which async library runs it. With the hooks, it is closed in a task on this loop.
    """
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    sys.set_asyncgen_hooks(
        firstiter=loop._asyncgen_firstiter_hook,
        finalizer=loop._asyncgen_finalizer_hook,
    )
    return loop


def close_event_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what is left, close abandoned generators and the default executor, then close."""
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in pending:
        task.cancel()
    if pending:
        # a task that ignores cancellation (or waits on a worker thread) must not hang the quit
        _, stuck = loop.run_until_complete(asyncio.wait(pending, timeout=CLOSE_TIMEOUT_S))
        for task in stuck:
            log.warning("task still running at quit: %r", task)
    loop.run_until_complete(asyncio.wait_for(loop.shutdown_asyncgens(), CLOSE_TIMEOUT_S))
    loop.run_until_complete(asyncio.wait_for(loop.shutdown_default_executor(), CLOSE_TIMEOUT_S))
    loop.close()
    sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
    asyncio.set_event_loop(None)
