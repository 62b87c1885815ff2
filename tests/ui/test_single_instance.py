"""ui/single_instance.py: the app takes the data folder's lock before its first paint and listens
after it; a launch in that gap waits for the socket instead of reporting "does not answer"."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from desktop_chat.ui.single_instance import Request, SingleInstance, hand_over

# a second launch's hand-over, in its own process; it says when a connection failed and is retried
LAUNCH = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from desktop_chat.ui import single_instance

app = QCoreApplication([])
real_sleep = time.sleep

def sleep(seconds):
    print("retrying", flush=True)
    real_sleep(seconds)

single_instance.time.sleep = sleep
print("reply:", single_instance.hand_over(Path(sys.argv[1]), single_instance.Request(send="Hi")), flush=True)
"""


def test_a_launch_before_the_running_app_listens_waits_for_it(qtbot: Any, qapp: Any, tmp_path: Path) -> None:
    instance = SingleInstance(tmp_path)
    assert instance.acquire()
    received: list[Request] = []
    instance.set_handler(lambda request: received.append(request) or "sent it")
    launch = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    lines: list[str] = []
    retrying = threading.Event()

    def read() -> None:
        assert launch.stdout is not None
        for line in launch.stdout:
            lines.append(line.strip())
            if line.startswith("retrying"):
                retrying.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        qtbot.waitUntil(retrying.is_set, timeout=20_000)  # nothing listens yet: it tries again
        instance.listen()  # the running app has painted its frame
        qtbot.waitUntil(lambda: any(line.startswith("reply:") for line in lines), timeout=20_000)
    finally:
        if launch.poll() is None:
            launch.kill()
        launch.wait(10)
        reader.join(10)
        assert launch.stdout is not None
        launch.stdout.close()
        instance.release()
    assert "reply: sent it" in lines
    assert received == [Request(send="Hi")]


def test_a_launch_gives_up_when_no_app_holds_the_lock(tmp_path: Path) -> None:
    assert hand_over(tmp_path, Request()) is None
