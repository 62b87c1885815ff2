"""Process-wide Qt settings, made before the QApplication exists (app.py, and benchmarks that build the
window the way app.py does)."""

from __future__ import annotations

import os


def prepare_qt_environment() -> None:
    """Paint on the GUI thread alone.

    Qt's raster engine hands every fill of 96 or more scan lines to its GUI thread pool in 64-line
    pieces and waits for them. The fills a streaming answer repaints each frame are tall and narrow
    (the scroll bar and the panes behind it): waking the pool costs several times the fill, and with
    two cores a frame's paint took 3.3 ms instead of 1.25 ms. What the pool would speed up is rare and
    not per frame (scaling a large image down once when it is attached: 12 ms instead of 23 ms for
    12 MP on two cores). QT_NO_GUI_THREADPOOL is Qt's own switch, read when the pool is first used.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
