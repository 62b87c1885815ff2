"""Drive the real window against the emulator and save a screenshot (for the README and UI reviews).

Run under a real X server to see the real window, e.g.
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshot.py docs/screenshot.png
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_chat.app import create_window, parse_args
from desktop_chat.emulator import Emulator
from desktop_chat.ui.event_loop import close_event_loop, create_event_loop


async def wait_until(predicate: object, timeout: float = 20) -> None:
    async def poll() -> None:
        while not predicate():  # type: ignore[operator]
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), timeout)


async def scenario(out: Path, data_dir: Path, emulator: Emulator) -> None:
    window, connector = create_window(
        parse_args(["--data-dir", str(data_dir), "--base-url", emulator.base_url])
    )
    window.resize(1280, 800)
    window.show()
    await connector.connect()

    async def send(text: str) -> None:
        before = len(window.tree) if window.tree else 0
        window.composer.setFocus()
        if text.isascii():
            QTest.keyClicks(window.composer, text)
        else:  # QTest types ASCII only; an input method commits CJK text like this
            window.composer.insertPlainText(text)
        QTest.keyClick(window.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await wait_until(lambda: window.tree is not None and len(window.tree) == before + 1)
        await wait_until(lambda: window.active is None)

    await send("Plan a 3-day trip to Seoul [[markdown]]")
    first = window.selected_node_id()
    await send("서울에서 꼭 가봐야 할 곳은?")
    window.select_node(first)
    await send("换成上海的行程可以吗？")
    window.select_node(first)
    await send("What about a budget version?")
    await asyncio.sleep(0.3)  # let the last frame paint
    window.grab().save(str(out))
    await connector.aclose()
    window.close()
    window.store.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshot.png")
    out.parent.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = create_event_loop(app)
    with tempfile.TemporaryDirectory() as tmp, Emulator(delay_s=0.001) as emulator:
        loop.run_until_complete(scenario(out, Path(tmp), emulator))
    close_event_loop(loop)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
