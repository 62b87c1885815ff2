"""A local emulator of the OpenAI Responses API for tests and the demo mode (see server.py)."""

from desktop_chat.emulator.answers import parse_context
from desktop_chat.emulator.server import Emulator, RecordedRequest

__all__ = ["Emulator", "RecordedRequest", "parse_context"]
