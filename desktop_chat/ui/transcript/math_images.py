"""Formula images for the transcript: typeset in a worker process, coloured and cached here.

ziamath is pure Python and takes 10–50 ms a formula: on the GUI thread, or in a thread of this process
(the GIL), that stalls the event loop. One worker process (`core.content.math_worker`, started with
QProcess, lower priority) typesets to black SVG; its answers arrive as pipe reads on the Qt event loop,
with no thread in this process. Here the SVG is only rasterised in the theme's colour (Qt, under a
millisecond). Until then a formula shows as its source in a quiet colour; one that cannot be typeset
stays so, in the error colour. SVGs are cached by (source, display, size), images by those and colour
and pixel ratio. A worker that dies or hangs is replaced; the formula it was on is given up.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import math
import re
import sys
import time
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QObject,
    QPointF,
    QProcess,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop_chat.core.content.math_tex import delimited, parse_math_url
from desktop_chat.core.content.math_worker import WORKER_FLAG

log = logging.getLogger("desktop_chat.math")

CACHE = 2_000
TIMEOUT_S = 20.0  # a formula the worker has not answered in this long is given up (the worker restarted)
MAX_STARTS = 5  # workers started before formulas are no longer typeset (shown as their source)
_VIEWBOX = re.compile(r'viewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)')
SvgKey = tuple[str, bool, float]


def worker_command() -> tuple[str, list[str]]:
    """How to start the worker: this Python with the module, or the packaged app with a flag."""
    if getattr(sys, "frozen", False):
        return sys.executable, [WORKER_FLAG]
    return sys.executable, ["-m", "desktop_chat.core.content.math_worker"]


class MathImages(QObject):
    """Typesets formulas off the GUI process; `ready(url)` says a formula's final image can be had."""

    ready = Signal(str)

    def __init__(self, parent: QObject | None = None, command: tuple[str, list[str]] | None = None) -> None:
        super().__init__(parent)
        self._command = command or worker_command()
        self._svg: OrderedDict[SvgKey, str | None] = OrderedDict()  # None: could not be typeset
        self._images: OrderedDict[tuple[Any, ...], QImage] = OrderedDict()
        self._waiting: dict[SvgKey, set[str]] = {}  # formulas asked for: the URLs that wait on each
        self._sent: OrderedDict[int, tuple[SvgKey, float]] = OrderedDict()  # request id -> (key, when)
        self._next_id = 0
        self._process: QProcess | None = None
        self._buffer = b""
        self._starts = 0
        self.typeset_count = 0  # formulas answered (for tests and benchmarks)
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(1000)
        self._watchdog.timeout.connect(self._check_stuck)

    # -- the worker -----------------------------------------------------------------------------
    def _worker(self) -> QProcess | None:
        if self._process is not None:
            return self._process
        if self._starts >= MAX_STARTS:
            return None
        self._starts += 1
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.setStandardErrorFile(QProcess.nullDevice())
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(lambda *_: self._lost(process))
        process.errorOccurred.connect(lambda *_: self._lost(process))
        program, arguments = self._command
        process.start(program, arguments)
        self._process, self._buffer = process, b""
        app = QCoreApplication.instance()
        if app is not None and self._starts == 1:
            app.aboutToQuit.connect(self.shutdown)
        self._watchdog.start()
        return process

    def _submit(self, key: SvgKey, url: str) -> None:
        waiting = self._waiting.get(key)
        if waiting is not None:
            waiting.add(url)
            return
        self._waiting[key] = {url}
        self._send(key)

    def _send(self, key: SvgKey) -> None:
        process = self._worker()
        if process is None:
            self._store(key, None)
            return
        self._next_id += 1
        self._sent[self._next_id] = (key, time.monotonic())
        request = {"id": self._next_id, "source": key[0], "display": key[1], "size": key[2]}
        process.write(QByteArray(json.dumps(request).encode("utf-8") + b"\n"))

    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        self._buffer += bytes(process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                reply = json.loads(line)
                sent = self._sent.pop(int(reply["id"]), None)
            except (ValueError, KeyError, TypeError):
                continue
            if sent is not None:
                svg = reply.get("svg")
                if svg is None:
                    log.info("a formula could not be typeset: %s", str(reply.get("error"))[:200])
                self._store(sent[0], svg if isinstance(svg, str) else None)

    def _lost(self, process: QProcess) -> None:
        """The worker ended or failed: give up the formula it was on, send the others to a new one."""
        if process is not self._process:
            return
        self._process = None
        with contextlib.suppress(RuntimeError):  # already gone when the app's objects are torn down
            process.deleteLater()
        pending = list(self._sent.values())
        self._sent.clear()
        if pending:
            log.warning("the formula worker stopped; starting another")
            self._store(pending[0][0], None)
            for key, _ in pending[1:]:
                self._send(key)

    def _check_stuck(self) -> None:
        if not self._sent:
            return
        _, sent_at = next(iter(self._sent.values()))
        if time.monotonic() - sent_at > TIMEOUT_S and self._process is not None:
            self._process.kill()  # finished → _lost

    def _store(self, key: SvgKey, svg: str | None) -> None:
        self._svg[key] = svg
        self.typeset_count += 1
        if len(self._svg) > CACHE:
            self._svg.popitem(last=False)
        for url in self._waiting.pop(key, ()):
            self.ready.emit(url)

    def shutdown(self) -> None:
        self._watchdog.stop()
        process, self._process = self._process, None
        if process is not None:
            process.finished.disconnect()
            process.errorOccurred.disconnect()
            process.closeWriteChannel()
            if not process.waitForFinished(1000):
                process.kill()
                process.waitForFinished(1000)
            process.deleteLater()
        self._waiting.clear()
        self._sent.clear()

    def pending(self) -> int:
        return len(self._waiting)

    # -- images --------------------------------------------------------------------------------
    def image(
        self, url: str, color: str, muted: str, error: str, font: QFont, dpr: float
    ) -> tuple[QImage, bool]:
        """(the image to show for `url`, whether it is final); starts typesetting when it is not."""
        parsed = parse_math_url(url)
        source, display = parsed if parsed is not None else (url, False)
        size = round(QFontMetricsF(font).height() * (1.05 if display else 0.95), 1)
        key: SvgKey = (source, display, size)
        state = self._svg.get(key, ...)
        if state is ...:
            self._submit(key, url)
            return self._cached(
                ("source", key, muted, dpr, font.key()), delimited(source, display), muted, font, dpr
            ), False
        if state is None:
            return self._cached(
                ("source", key, error, dpr, font.key()), delimited(source, display), error, font, dpr
            ), True
        cache_key = (key, color, dpr, font.key())
        image = self._images.get(cache_key)
        if image is None:
            image = _rasterise(state, color, font, dpr) or self._text_image(source, error, font, dpr)
            self._images[cache_key] = image
            if len(self._images) > CACHE:
                self._images.popitem(last=False)
        else:
            self._images.move_to_end(cache_key)
        return image, True

    def _cached(self, cache_key: tuple[Any, ...], text: str, color: str, font: QFont, dpr: float) -> QImage:
        image = self._images.get(cache_key)
        if image is None:
            image = self._images[cache_key] = self._text_image(text, color, font, dpr)
            if len(self._images) > CACHE:
                self._images.popitem(last=False)
        return image

    @staticmethod
    def _text_image(text: str, color: str, font: QFont, dpr: float) -> QImage:
        """The formula's source, drawn as a line of code (before or instead of the typeset formula)."""
        mono = QFont(font)
        mono.setFamilies(["DejaVu Sans Mono", "monospace"])
        mono.setStyleHint(QFont.StyleHint.Monospace)
        metrics = QFontMetricsF(mono)
        shown = text if len(text) <= 120 else text[:119] + "…"
        width = max(1.0, metrics.horizontalAdvance(shown))
        image = _blank(width, metrics.height(), dpr)
        painter = QPainter(image)
        painter.setFont(mono)
        painter.setPen(QColor(color))
        painter.drawText(QPointF(0, metrics.ascent()), shown)
        painter.end()
        return image


def _blank(width: float, height: float, dpr: float) -> QImage:
    image = QImage(
        max(1, math.ceil(width * dpr)),
        max(1, math.ceil(height * dpr)),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    return image


def _rasterise(svg: str, color: str, font: QFont, dpr: float) -> QImage | None:
    """The SVG in `color`, padded so that its baseline sits on the text's baseline when the image is
    aligned "middle" (Qt puts the image's middle at half the font's height above its descent)."""
    match = _VIEWBOX.search(svg)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if match is None or not renderer.isValid():
        return None
    _, top, width, height = (float(v) for v in match.groups())
    ascent, descent = -top, height + top
    metrics = QFontMetricsF(font)
    middle = metrics.height() / 2 - metrics.descent()
    shift = descent + 2 * middle - ascent  # padding above minus padding below
    pad_top, pad_bottom = max(0.0, shift), max(0.0, -shift)
    image = _blank(width, height + pad_top + pad_bottom, dpr)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, pad_top, width, height))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(QRectF(0, 0, width, height + pad_top + pad_bottom), QColor(color))
    painter.end()
    return image


_shared: MathImages | None = None


def shared() -> MathImages:
    """The app's one formula typesetter (one worker process for every view)."""
    global _shared
    if _shared is None:
        _shared = MathImages()
        atexit.register(_shared.shutdown)  # the worker ends with the app, also when no loop quits
    return _shared
