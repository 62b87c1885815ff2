"""desktop_chat: a native desktop chat client whose conversations are trees."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # read lazily: importlib.metadata costs ~25 ms, which would land on the start-up path
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("desktop-chat")
        except metadata.PackageNotFoundError:  # a source tree that is not installed
            return "0.0.0+source"
    raise AttributeError(name)
