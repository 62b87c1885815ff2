"""First paint must not wait for the SDK: the window's modules do not import `openai`."""

from __future__ import annotations

import os
import subprocess
import sys


def test_the_window_imports_no_sdk_before_it_paints() -> None:
    code = (
        "import sys; import desktop_chat.app, desktop_chat.ui.main_window; "
        "print(sorted(m for m in ('openai', 'httpx2', 'tiktoken') if m in sys.modules))"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]"
