"""User-facing messages made in core, translatable by the UI although core knows nothing of Qt.

A `Text` is a str holding the English message (logs, tests and code that joins messages keep working)
that also carries its template and values. The UI translates the template with Qt's translator in the
context `CONTEXT` and fills the values in (`desktop_chat.ui.i18n.core_text`). Templates are written
inside `QT_TRANSLATE_NOOP(CONTEXT, "...")`, the marker Qt's lupdate collects them by, with Qt's
%1, %2… placeholders:

    Text(QT_TRANSLATE_NOOP("core", "“%1” is not a number."), cleaned)

Words core puts into HTML it renders (labels such as "Ran code") are marked the same way and read
through `tr(source)` when the HTML is made: the UI installs its translator with `set_translator`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CONTEXT = "core"
_PLACEHOLDER = re.compile(r"%([1-9])")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for translation in `context` (lupdate reads the call); returns it unchanged."""
    return source


_translator: Callable[[str], str] = str  # English until the UI installs its translator


def set_translator(translate: Callable[[str], str]) -> None:
    """How `tr` translates a source string marked in the "core" context (the UI's Qt translator)."""
    global _translator
    _translator = translate


def tr(source: str) -> str:
    """A label marked with QT_TRANSLATE_NOOP("core", …), in the UI's language at the time of the call."""
    return _translator(source)


def fill(template: str, values: tuple[str, ...]) -> str:
    """%1…%9 replaced by the values in one pass (a value that contains "%2" is left as it is)."""

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return values[n - 1] if n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


class Text(str):
    """An English message that knows its template and values (see the module's docstring)."""

    template: str
    values: tuple[str, ...]

    def __new__(cls, template: str, *values: object) -> Text:
        shown = tuple(str(v) for v in values)
        self = super().__new__(cls, fill(template, shown))
        self.template = template
        self.values = shown
        return self

    def __reduce__(self) -> tuple[object, ...]:  # copies and pickles keep the template
        return (Text, (self.template, *self.values))


def error_text(exc: BaseException) -> str:
    """The message of an exception raised with a Text (or any message) as its argument."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Text) else str(exc)
