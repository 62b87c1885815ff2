"""Entry script of the frozen app (PyInstaller): the same `main` that `desktop-chat` runs."""

import multiprocessing
import sys

from desktop_chat.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the formula typesetter's worker process starts through here
    sys.exit(main())
