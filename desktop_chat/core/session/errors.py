"""Why a use case of the session refused or failed; nothing changed when one is raised.

`user_message` is fit to show (a `core.content.text.Text` where core wrote it: shown through
`i18n.core_text`). The subclasses let a window react differently (a dialog for settings problems,
a banner for the rest) without parsing messages.
"""

from __future__ import annotations

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text


class SessionError(Exception):
    """A use case did not happen; the store, the tree and the composer's text are as they were."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class Busy(SessionError):
    """Answers are streaming, and this action must wait for them (or a Stop)."""


class NotConnected(SessionError):
    """No back end yet (still connecting, or the connection failed)."""

    def __init__(self, user_message: str | None = None) -> None:
        super().__init__(
            user_message
            or Text(QT_TRANSLATE_NOOP("core", "Still connecting to the server — try again in a moment."))
        )


class SettingsInvalid(SessionError):
    """The settings to send with have problems (each one a message)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(dict.fromkeys(problems))
        super().__init__("\n".join(self.problems))


class SaveFailed(SessionError):
    """The store refused the write (disk full, read-only, locked): nothing was changed."""


class NothingSelected(SessionError):
    """The action needs a selected turn (or one that fits it)."""
