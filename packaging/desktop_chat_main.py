"""Entry script of the frozen app (PyInstaller): the same `main` that `desktop-chat` runs (which also
serves as the formula typesetter's worker process when started with `--math-worker`)."""

import sys

from desktop_chat.app import main

if __name__ == "__main__":
    sys.exit(main())
