"""Run by the SYSTEM Python (Debian's python3-pyatspi), inside the app's D-Bus session: finds the
transcript of the app named argv[1] over AT-SPI and moves the mouse into its top (with the X server's
XTest extension, as xdotool does), so the action bar of the message there shows. Imports nothing of the
project."""

from __future__ import annotations

import ctypes
import os
import sys
import time

import pyatspi  # type: ignore[import-not-found]


def find(acc: object, name: str) -> object | None:
    try:
        if acc.name == name:  # type: ignore[attr-defined]
            return acc
        children = [acc.getChildAtIndex(i) for i in range(acc.childCount)]  # type: ignore[attr-defined]
    except Exception:
        return None
    for child in children:
        found = find(child, name) if child is not None else None
        if found is not None:
            return found
    return None


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    app = next((a for a in apps if a is not None and a.name == sys.argv[1]), None)
    transcript = find(app, "Transcript") if app is not None else None
    if transcript is None:
        print("no transcript on the accessibility bus", file=sys.stderr)
        return 1
    box = transcript.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)  # type: ignore[attr-defined]
    x, y = box.x + box.width // 2, box.y + 60  # a little below the top of the text
    xlib, xtest = ctypes.CDLL("libX11.so.6"), ctypes.CDLL("libXtst.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    display = xlib.XOpenDisplay(os.environ["DISPLAY"].encode())
    if not display:
        print("no X display", file=sys.stderr)
        return 1
    for dx in (0, 4, 8):  # a few moves: Qt acts on motion
        xtest.XTestFakeMotionEvent(ctypes.c_void_p(display), -1, x + dx, y, 0)
        xlib.XFlush(ctypes.c_void_p(display))
        time.sleep(0.2)
    xlib.XCloseDisplay(ctypes.c_void_p(display))
    return 0


if __name__ == "__main__":
    sys.exit(main())
