"""desktop_chat: a native desktop chat client whose conversations are trees."""

from importlib import metadata

try:
    __version__ = metadata.version("desktop-chat")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
