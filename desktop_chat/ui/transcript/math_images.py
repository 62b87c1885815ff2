"""Formula images for the transcript: typeset in a worker process, coloured and cached here.

ziamath is pure Python and takes 10–50 ms a formula: on the GUI thread, or in a thread of this process
(the GIL), that stalls the event loop. One worker process typesets (`math_tex.typeset_svg`, black SVG);
this process only rasterises the SVG in the theme's colour (Qt, under a millisecond) when it arrives.
Until then a formula shows as its source in a quiet colour; one that cannot be typeset stays so, in the
error colour. SVGs are cached by (source, display, size), images by those and colour and pixel ratio.
"""

from __future__ import annotations

import functools
import logging
import math
import multiprocessing
import re
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop_chat.core.content.math_tex import delimited, parse_math_url, typeset_svg

log = logging.getLogger("desktop_chat.math")

CACHE = 2_000
_VIEWBOX = re.compile(r'viewBox="\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)')
SvgKey = tuple[str, bool, float]


class MathImages(QObject):
    """Typesets formulas off the GUI thread; `ready(url)` says a formula's final image can be had."""

    ready = Signal(str)
    _arrived = Signal(object, object)  # (SvgKey, svg text or None): from the executor's thread

    def __init__(self, parent: QObject | None = None, typeset: Callable[..., str] = typeset_svg) -> None:
        super().__init__(parent)
        self._typeset = typeset
        self._svg: OrderedDict[SvgKey, str | None] = OrderedDict()  # None: could not be typeset
        self._images: OrderedDict[tuple[Any, ...], QImage] = OrderedDict()
        self._waiting: dict[SvgKey, set[str]] = {}  # jobs sent: the URLs that wait on each
        self._executor: ProcessPoolExecutor | None = None
        self.typeset_count = 0  # formulas typeset (for tests and benchmarks)
        self._arrived.connect(self._store, Qt.ConnectionType.QueuedConnection)

    # -- the worker -----------------------------------------------------------------------------
    def _submit(self, key: SvgKey, url: str) -> None:
        waiting = self._waiting.get(key)
        if waiting is not None:
            waiting.add(url)
            return
        self._waiting[key] = {url}
        try:
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn")
                )
                app = QCoreApplication.instance()
                if app is not None:
                    app.aboutToQuit.connect(self.shutdown)
            future = self._executor.submit(self._typeset, *key)
        except Exception as exc:  # no worker can start (a broken pool, a frozen app without support)
            log.warning("cannot typeset formulas: %s", exc)
            self._store(key, None)
            return
        future.add_done_callback(functools.partial(self._done, key))

    def _done(self, key: SvgKey, future: Future[str]) -> None:
        """In the executor's thread: hand the result to the GUI thread."""
        self._arrived.emit(key, _result(future))

    def _store(self, key: SvgKey, svg: str | None) -> None:
        self._svg[key] = svg
        self.typeset_count += 1
        if len(self._svg) > CACHE:
            self._svg.popitem(last=False)
        for url in self._waiting.pop(key, ()):
            self.ready.emit(url)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self._waiting.clear()

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
            return self._text_image(delimited(source, display), muted, font, dpr), False
        if state is None:
            return self._text_image(delimited(source, display), error, font, dpr), True
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


def _result(future: Future[str]) -> str | None:
    try:
        return future.result()
    except Exception as exc:  # the formula's own error (ValueError) or a lost worker
        log.info("a formula could not be typeset: %s", str(exc)[:200])
        return None


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
    return _shared
