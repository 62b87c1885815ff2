"""Light and dark appearance: follows the system unless the user picks one (View > Theme)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

SETTING_KEY = "theme"
THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    palette = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2b2d31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3b6fd4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2b2d31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Link: "#8ab4f8",
    }
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8389"))
    return palette


def apply(app: QGuiApplication, theme: str) -> None:
    """Apply a theme now; "system" asks the platform (and keeps Qt's palette for it)."""
    hints = app.styleHints()
    if theme in ("dark", "light"):
        # here, not at the top: the `Qt` namespace takes ~14 ms to build, and "system" needs none of it
        from PySide6.QtCore import Qt
    if theme == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif theme == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(QPalette())
    else:
        hints.unsetColorScheme()
        app.setPalette(QPalette())


def is_dark(app: QGuiApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
