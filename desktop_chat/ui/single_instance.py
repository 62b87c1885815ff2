"""One app per data folder: a lock file in the folder and a local socket named from the folder's path.

The first app takes the lock (`QLockFile`: a lock left by a crashed app, whose process is gone, is
taken over) before its window paints, and listens on the socket once it has painted (QtNetwork stays
off the first-paint path; a launch in between retries its connection while the lock is held). A
second launch on the same folder finds the lock taken, sends its command-line request (`--send`,
`--import`, or just "show yourself") over the socket as one JSON line, prints the answer and exits 0:
the running window comes to the front and does it. Two windows writing one database would mark each
other's live answers "interrupted" and delete conversations the other streams into.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("desktop_chat")

LOCK_NAME = "desktop_chat.lock"
CONNECT_TIMEOUT_MS = 3000
LISTEN_WAIT_S = 10.0  # how long a launch waits for a running app (lock held) to start listening
REPLY_TIMEOUT_MS = 60_000  # an import of a large export takes a while in the running window


@dataclass(frozen=True)
class Request:
    """What a second launch asks the running app to do."""

    send: str | None = None
    import_file: str | None = None  # absolute: the running app has another working folder

    def to_json(self) -> str:
        import json

        return json.dumps({"send": self.send, "import": self.import_file}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Request:
        import json

        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("not a request")
        send, import_file = data.get("send"), data.get("import")
        return cls(
            send=send if isinstance(send, str) else None,
            import_file=import_file if isinstance(import_file, str) else None,
        )


def server_name(folder: Path) -> str:
    """The local socket's name for a data folder (the same folder, however it was written)."""
    import hashlib

    digest = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8")).hexdigest()[:24]
    return f"desktop_chat-{digest}"


class SingleInstance(QObject):
    """Holds the data folder's lock and answers later launches (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = Path(folder)
        self._lock = QLockFile(str(self.folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._handler: Callable[[Request], str] | None = None
        self._waiting: list[tuple[QLocalSocket, Request]] = []

    def acquire(self) -> bool:
        """Take the folder's lock (a crashed app's lock is taken over); False if another running app
        holds it. Then `listen()`."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # the folder is not writable (or similar): the store reports that more clearly
            log.warning("single-instance lock unusable: %s", self._lock.error())
        return True

    def listen(self) -> None:
        """Answer later launches from now on (after `acquire()` returned True)."""
        from PySide6.QtNetwork import QLocalServer

        if not self._lock.isLocked():
            return  # the lock was unusable: no socket either (see acquire)
        name = server_name(self.folder)
        QLocalServer.removeServer(name)  # a crashed app's socket file; ours to replace now
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("single-instance socket unusable: %s", server.errorString())
            return
        server.newConnection.connect(self._accept)
        self._server = server
        log.info("instance_listening name=%s", name)

    def set_handler(self, handler: Callable[[Request], str]) -> None:
        """From now on requests are handled; those that came earlier are handled now."""
        self._handler = handler
        waiting, self._waiting = self._waiting, []
        for socket, request in waiting:
            self._answer(socket, request)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode("utf-8", "replace")
        try:
            request = Request.from_json(line)
        except ValueError:
            log.warning("single-instance: unreadable request ignored")
            socket.disconnectFromServer()
            return
        log.info("instance_request send=%s import=%s", bool(request.send), bool(request.import_file))
        if self._handler is None:
            self._waiting.append((socket, request))
        else:
            self._answer(socket, request)

    def _answer(self, socket: QLocalSocket, request: Request) -> None:
        assert self._handler is not None
        try:
            reply = self._handler(request)
        except Exception as exc:  # the sender must hear back, and this app must go on
            log.exception("single-instance request failed")
            reply = f"The running desktop_chat could not do it: {exc}"
        import json

        from PySide6.QtNetwork import QLocalSocket

        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.write((json.dumps({"message": reply}, ensure_ascii=False) + "\n").encode("utf-8"))
            socket.flush()
            socket.disconnectFromServer()


def running(folder: Path) -> bool:
    """Whether an app holds the data folder's lock now."""
    lock = QLockFile(str(Path(folder) / LOCK_NAME))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return lock.error() == QLockFile.LockError.LockFailedError


def hand_over(folder: Path, request: Request) -> str | None:
    """Give the request to the app running on `folder`; its answer, or None when none answers.
    An app that has just started holds the lock before it listens: its socket is tried again while
    the lock is held, for up to LISTEN_WAIT_S."""
    import json

    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + LISTEN_WAIT_S
    while True:
        socket = QLocalSocket()
        socket.connectToServer(server_name(folder))
        if socket.waitForConnected(CONNECT_TIMEOUT_MS):
            break
        if time.monotonic() > deadline or not running(folder):
            return None
        time.sleep(0.05)  # the socket file is not there yet: the app is still painting its window
    socket.write((request.to_json() + "\n").encode("utf-8"))
    if not socket.waitForBytesWritten(CONNECT_TIMEOUT_MS):
        return None
    data = b""
    while not data.endswith(b"\n"):
        if not socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            break
        data += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    if not data:
        return ""  # it took the request but said nothing in time
    try:
        reply: Any = json.loads(data.decode("utf-8", "replace"))
    except ValueError:
        return ""
    return str(reply.get("message", "")) if isinstance(reply, dict) else ""
