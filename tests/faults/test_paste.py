"""A 10 MB paste into the composer: it arrives whole, as plain text, and the window keeps working."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.conftest import wait_until
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-paste-test")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def ten_megabytes() -> str:
    line = "<b>not bold</b> *not emphasis* [x](javascript:alert(1)) 한국어 ünïcödé tab\there\n"
    return line * (10_000_000 // len(line.encode()) + 1)


def test_a_ten_megabyte_paste_stays_plain_text_and_the_ui_keeps_running(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    text = ten_megabytes()
    assert len(text.encode()) >= 10_000_000

    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await wait_until(lambda: app.window.composer_pane.token_encoding is not None, 30, "token counting")
        ticks: list[float] = []
        probe = QTimer()
        probe.setInterval(50)
        probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
        probe.start()

        mime = QMimeData()  # what a browser puts on the clipboard: HTML and text
        mime.setHtml("<h1>" + "rich " * 1000 + "</h1>")
        mime.setText(text)
        clipboard = QGuiApplication.clipboard()
        assert clipboard is not None
        clipboard.setMimeData(mime)
        app.window.composer.setFocus()
        started = time.perf_counter()
        QTest.keyClick(app.window.composer, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        pasted = time.perf_counter() - started
        await wait_until(lambda: len(ticks) >= 3, 60, "the event loop to run again")
        await wait_until(
            lambda: app.window.composer_pane.draft_label.text() != "", 60, "the draft token count"
        )
        probe.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        print(
            f"\npaste of {len(text.encode()):,} bytes: {pasted:.2f} s in the key handler, "
            f"draft count '{app.window.composer_pane.draft_label.text()}', "
            f"longest probe gap {max(gaps, default=0):.2f} s"
        )
        composer = app.window.composer
        assert composer.toPlainText() == text.rstrip("\n") or composer.toPlainText() == text
        assert "rich rich" not in composer.toPlainText()  # the HTML alternative was not used
        document = composer.document()
        assert document.toPlainText() == composer.toPlainText()
        assert not document.toHtml().count("<h1")  # no rich formatting came in with it
        # the window still answers: the composer can be cleared and a short prompt sent
        composer.clear()
        node = await app.send("After the paste")
        assert "You said: After the paste" in node.output_text
        clipboard.clear()
        await app.close()

    arun(scenario(), timeout=240)
