"""`python -m desktop_chat` starts the app."""

import sys

from desktop_chat.app import main

sys.exit(main())
