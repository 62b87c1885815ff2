"""Light and dark appearance: follows the system unless the user picks one (View > Theme).

`Scheme` names every colour the app draws itself (the transcript's style sheet, status and error
labels); the widgets take the rest from the palette. Text colours meet WCAG AA (4.5:1) on the
backgrounds they are drawn on; `contrast` measures it and tests check it on what is rendered.
With the "system" theme, a change of the system's colour scheme is followed at once.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

SETTING_KEY = "theme"
THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Scheme:
    dark: bool
    base: str  # the transcript's background (the palette's Base)
    text: str
    muted: str  # quiet lines: meta, sources' URLs, activity
    link: str
    code_bg: str
    code_head_bg: str
    code_border: str
    code_text: str
    inline_code_bg: str
    prompt_bg: str  # the "You" box
    prompt_title: str
    chip_bg: str  # the model chip in an answer's header
    chip_text: str
    quote_bar: str
    quote_text: str
    table_head_bg: str
    table_border: str
    reasoning_bg: str
    reasoning_text: str
    error: str
    warning: str
    notice: str
    success: str
    banner_bg: str
    banner_text: str
    pygments_style: str


LIGHT = Scheme(
    dark=False,
    base="#ffffff",
    text="#1f2328",
    muted="#59636e",
    link="#0757c2",
    code_bg="#f6f8fa",
    code_head_bg="#eaeef2",
    code_border="#d0d7de",
    code_text="#1f2328",
    inline_code_bg="#eff1f3",
    prompt_bg="#eaf1fb",
    prompt_title="#174a84",
    chip_bg="#ddf4ff",
    chip_text="#0a4b8c",
    quote_bar="#c4ccd5",
    quote_text="#4a525b",
    table_head_bg="#f0f3f6",
    table_border="#d0d7de",
    reasoning_bg="#f4f0fa",
    reasoning_text="#4a3b5c",
    error="#b3261e",
    warning="#7a4f00",
    notice="#1d4f88",
    success="#1e6b2a",
    banner_bg="#fff4ce",
    banner_text="#5c4400",
    pygments_style="default",
)

DARK = Scheme(
    dark=True,
    base="#17181a",
    text="#e8eaed",
    muted="#a5abb2",
    link="#8ab4f8",
    code_bg="#1e2125",
    code_head_bg="#272b30",
    code_border="#3b4148",
    code_text="#e6e8eb",
    inline_code_bg="#2b2f34",
    prompt_bg="#1d2836",
    prompt_title="#9cc3ff",
    chip_bg="#1f3550",
    chip_text="#b9d6ff",
    quote_bar="#4a5159",
    quote_text="#c3c8ce",
    table_head_bg="#23272c",
    table_border="#3b4148",
    reasoning_bg="#251f2e",
    reasoning_text="#d6c8ea",
    error="#ff8a80",
    warning="#f2c46d",
    notice="#9cc3ff",
    success="#86d49a",
    banner_bg="#3a3113",
    banner_text="#f6e3a3",
    pygments_style="github-dark",
)


def luminance(color: str) -> float:
    """WCAG relative luminance of "#rrggbb"."""
    c = QColor(color)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else float(((v + 0.055) / 1.055) ** 2.4)

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable(color: str, background: str, minimum: float = 4.5) -> str:
    """`color`, darkened or lightened in small steps until it reaches `minimum` contrast on `background`."""
    c = QColor(color)
    lighten = luminance(background) < 0.18
    for _ in range(40):
        if contrast(c.name(), background) >= minimum:
            break
        c = c.lighter(108) if lighten else c.darker(108)
        if lighten and c.value() >= 255:  # lighter() cannot go past full value: move toward white
            c = QColor.fromRgbF(*(min(1.0, v + 0.04) for v in (c.redF(), c.greenF(), c.blueF())))
    return str(c.name())


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: DARK.base,
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: DARK.text,
        QPalette.ColorRole.Button: "#2b2d31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3b6fd4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2d31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Link: DARK.link,
        QPalette.ColorRole.LinkVisited: "#c58af9",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8f96"))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Link, QColor(LIGHT.link))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f62c0"))  # white text on it: 5.8:1
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#6b7178"))
    return palette


_current = "system"
_following = False


def apply(app: QGuiApplication, theme: str, system_dark: bool | None = None) -> None:
    """Apply a theme now; "system" follows the platform's colour scheme, now and when it changes.

    `system_dark`: the platform's scheme as last seen (cached by the caller), for "system" at
    start-up: asking Qt builds its whole `Qt` namespace (~14 ms) before the first paint; the caller
    checks it after the paint with `confirm_system_scheme`."""
    global _current, _following
    _current = theme
    hints = app.styleHints()
    if theme in ("dark", "light"):
        # here, not at the top: the `Qt` namespace takes ~14 ms to build, and "system" needs none of it
        from PySide6.QtCore import Qt
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()
        if not _following:
            _following = True
            hints.colorSchemeChanged.connect(lambda *_: _system_changed(app))
    _set_palette(app, theme, system_dark)


def system_is_dark(app: QGuiApplication) -> bool:
    """Whether the platform's colour scheme is dark now (builds the `Qt` namespace: not before the
    first paint)."""
    from PySide6.QtCore import Qt

    return bool(app.styleHints().colorScheme() == Qt.ColorScheme.Dark)


def confirm_system_scheme(app: QGuiApplication, assumed_dark: bool | None) -> bool:
    """After the first paint: the platform's real scheme; re-themes when "system" was applied with
    an `assumed_dark` that turned out wrong (the scheme changed while the app was closed)."""
    dark = system_is_dark(app)
    if _current == "system" and assumed_dark is not None and assumed_dark != dark:
        _set_palette(app, "system", dark)
    return dark


def _set_palette(app: QGuiApplication, theme: str, system_dark: bool | None = None) -> None:
    if theme == "system":
        dark = system_is_dark(app) if system_dark is None else system_dark
    else:
        dark = theme == "dark"
    app.setPalette(dark_palette() if dark else light_palette())
    restyle()


def _system_changed(app: QGuiApplication) -> None:
    if _current == "system":
        _set_palette(app, "system")


def is_dark(app: QGuiApplication | None = None) -> bool:
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    if app is None:
        return False
    return bool(app.palette().color(QPalette.ColorRole.Window).lightness() < 128)


def current() -> Scheme:
    """The scheme of the palette in use."""
    return DARK if is_dark() else LIGHT


# -- labels that carry a meaning by colour (errors, success, banners) -------------------------------
TONES = ("error", "warning", "notice", "success", "muted", "banner")
_toned: weakref.WeakKeyDictionary[QWidget, str] = weakref.WeakKeyDictionary()


def tone_css(tone: str, scheme: Scheme | None = None) -> str:
    s = scheme or current()
    if tone == "banner":
        return f"background:{s.banner_bg};color:{s.banner_text};padding:6px;border-radius:4px;"
    return f"color:{getattr(s, tone)};"


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour a label by meaning, in the current theme and again whenever the theme changes ("": none)."""
    if tone:
        _toned[widget] = tone
    else:
        _toned.pop(widget, None)
    widget.setStyleSheet(tone_css(tone) if tone else "")


def restyle() -> None:
    for widget, tone in list(_toned.items()):
        try:
            widget.setStyleSheet(tone_css(tone))
        except RuntimeError:  # deleted on the C++ side
            _toned.pop(widget, None)
