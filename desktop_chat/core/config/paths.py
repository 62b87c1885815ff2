"""Where desktop_chat keeps its data: the per-user data folder and the conversation database."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "desktop-chat"
DATA_DIR_ENV = "DESKTOP_CHAT_DATA_DIR"


def data_dir(override: Path | None = None) -> Path:
    """The data folder (created if missing).

    An explicit `override` wins, then the DESKTOP_CHAT_DATA_DIR environment variable, then the
    platform's per-user data folder.
    """
    if override is not None:
        folder = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        folder = Path(os.environ[DATA_DIR_ENV])
    else:
        folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    folder = folder.expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / "chats.sqlite3"
