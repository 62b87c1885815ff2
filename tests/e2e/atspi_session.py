"""Inside a fresh D-Bus session (`dbus-run-session -- python atspi_session.py EXPECT -- APP ARGS…`):
start the AT-SPI bus and a virtual screen, run the real app on it with accessibility on, wait until its
first answer has finished, then print what the system's AT-SPI reader gets (atspi_reader.py) once that
holds EXPECT (the answer's text reaches the accessibility tree just after the answer ends), and stop
everything. Used by test_screen_reader.py."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SYSTEM_PYTHON = "/usr/bin/python3"
WAIT_S = 90.0


def main() -> int:
    expect = sys.argv[1]
    app_args = sys.argv[sys.argv.index("--") + 1 :]
    bus = subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], stderr=subprocess.DEVNULL)
    read_fd, write_fd = os.pipe()
    screen = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as display_pipe:
        display = display_pipe.readline().strip()
    env = {
        **os.environ,
        "DISPLAY": f":{display}",
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "DESKTOP_CHAT_LOG": "INFO",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "desktop_chat", *app_args],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    finished = threading.Event()

    def watch() -> None:
        assert app.stderr is not None
        for line in app.stderr:
            if re.search(r"\bturn_finished\b", line):
                finished.set()
        finished.set()  # the app ended: nothing more will come

    threading.Thread(target=watch, daemon=True).start()
    try:
        if not finished.wait(WAIT_S) or app.poll() is not None:
            print("the app did not finish its first answer", file=sys.stderr)
            return 2
        if os.environ.get("DESKTOP_CHAT_ATSPI_HOVER"):  # the mouse onto the first message first
            subprocess.run([SYSTEM_PYTHON, str(HERE / "atspi_hover.py"), "desktop_chat"], env=env, timeout=60)
        deadline = time.monotonic() + 30
        while True:
            reader = subprocess.run(
                [SYSTEM_PYTHON, str(HERE / "atspi_reader.py"), "desktop_chat"],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            if expect in reader.stdout or time.monotonic() > deadline:
                break
        sys.stdout.write(reader.stdout)
        sys.stderr.write(reader.stderr)
        return reader.returncode
    finally:
        for process in (app, screen, bus):
            process.terminate()
        for process in (app, screen, bus):
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main())
