"""No key in any log line: a logging formatter that masks API keys and bearer tokens.

Servers echo keys back (some 401 messages quote the key in full) and libraries log request details at
DEBUG; whatever ends up in a log record, the formatted line shows at most a key's first characters.
Keys that do not look like keys (a local server's) are masked once the app registers them
(`remember_secret`). Installed on the app's log handlers at start-up (`install`).
"""

from __future__ import annotations

import logging
import re

HIDDEN = "…[hidden]"
_PATTERNS = (
    re.compile(r"\b(sk-[A-Za-z0-9_\-*]{4})[A-Za-z0-9_\-*]{6,}"),  # OpenAI-style keys: sk-proj-…
    re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=\-]{8,}"),  # Authorization: Bearer <token>
    re.compile(r"(?i)(\bapi[-_]?key[\"']?\s*[:=]\s*[\"']?)[^\s\"',;]{8,}"),  # api-key: <key> (Azure)
)
_known: set[str] = set()


def remember_secret(secret: str | None) -> None:
    """Mask this exact value too (a key that does not look like one); short values are ignored."""
    if secret and len(secret.strip()) >= 8:
        _known.add(secret.strip())


def mask_secrets(text: str) -> str:
    """The text with every key and bearer token cut to its first characters."""
    for secret in sorted(_known, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, secret[:4] + HIDDEN)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + HIDDEN, text)
    return text


class MaskingFormatter(logging.Formatter):
    """A Formatter whose lines (message, arguments, traceback) have their secrets masked."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_secrets(super().format(record))


def install(logger: logging.Logger | None = None) -> None:
    """Mask the lines of every handler of `logger` (default: the root logger), keeping their format."""
    for handler in (logger or logging.getLogger()).handlers:
        current = handler.formatter
        if not isinstance(current, MaskingFormatter):
            fmt = current._fmt if current is not None else None
            datefmt = current.datefmt if current is not None else None
            handler.setFormatter(MaskingFormatter(fmt, datefmt))
