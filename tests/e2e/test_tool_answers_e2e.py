"""Hosted file search and code interpreter in the real window against the emulator: the activity line
while the tool works, then the cited files under "Sources", and the code that ran with its output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from desktop_chat.core.content.output_items import code_runs_of
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App, bodies, env  # noqa: F401  (env is a fixture)
from tests.e2e.test_rich_e2e import open_settings, rich_settings_load  # noqa: F401  (a fixture)

pytestmark = pytest.mark.e2e


def copy_code_hrefs(app: App) -> list[str]:
    """The hrefs of the "Copy code" links in the transcript's document, in order."""
    hrefs: list[str] = []
    block = app.window.transcript_pane.view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href.startswith("copy-code:") and (not hrefs or hrefs[-1] != href):
                hrefs.append(href)
            it += 1
        block = block.next()
    return hrefs


def test_file_search_and_code_interpreter_answers(
    env: None,  # noqa: F811
    rich_settings_load: None,  # noqa: F811
    emulator: Any,
    tmp_path: Path,
    qtbot: Any,
    arun: Any,
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()

        # file search: "Searching files…" while it runs, then the cited files listed as sources
        await open_settings(
            app, {"settings_model": "gpt-4.1-mini", "settings_vector_store_ids": "vs_handbook, vs_faq"}
        )
        emulator.hold_streams()
        app.type_and_send("vacation policy")
        await wait_until(lambda: "Searching files…" in app.transcript(), 15, "the file search activity")
        emulator.release_streams()
        await wait_until(lambda: app.window.active is None, 15, "the answer")
        body = bodies(emulator)[-1]
        assert body["tools"] == [{"type": "file_search", "vector_store_ids": ["vs_handbook", "vs_faq"]}]
        assert "file_search_call.results" in body["include"]
        text = app.transcript()
        assert "Searching files…" not in text
        assert "Found in your files: 2 passage(s) about “vacation policy”." in text
        sources = text[text.index("Sources") :]
        assert "[1] notes-vs_handbook.md file search" in sources and "[2] notes-vs_faq.md" in sources
        assert "Searched files: vacation policy" in text

        # the code interpreter: "Running code…", then the code it ran and what it printed
        await open_settings(app, {"settings_vector_store_ids": "", "settings_code_interpreter": True})
        emulator.hold_streams()
        app.type_and_send("count my words")
        await wait_until(lambda: "Running code…" in app.transcript(), 15, "the code interpreter activity")
        emulator.release_streams()
        await wait_until(lambda: app.window.active is None, 15, "the answer")
        body = bodies(emulator)[-1]
        assert body["tools"] == [{"type": "code_interpreter", "container": {"type": "auto"}}]
        assert body["include"] == ["code_interpreter_call.outputs"]
        node = app.window.tree.get(app.window.selected_node_id())
        (code_run,) = code_runs_of(node.output_items)
        text = app.transcript()
        text = text[text.index("count my words") :]  # this turn only
        assert "Running code…" not in text and "Searched files" not in text
        assert "Ran code" in text and "text = 'count my words'" in text and "print(text[::-1])" in text
        output = text[text.index("Output") :]
        assert output.startswith("Output\n3 words, 14 characters\nsdrow ym tnuoc")
        assert text.index("The code printed: 3 words, 14 characters.") < text.index("Ran code")

        # the code it ran has a "Copy code" link like the answer's code blocks
        hrefs = copy_code_hrefs(app)
        assert len(hrefs) == 1
        app.window.transcript_pane.view.anchorClicked.emit(QUrl(hrefs[0]))
        assert QApplication.clipboard().text() == code_run.code.removesuffix("\n")

        # a model that lacks the tool: the error names the tool and the model
        emulator.fail_next("unsupported_tool")
        failed = await app.send("run it again")
        assert failed.error and "Code interpreter (code_interpreter)" in failed.error
        assert "is not supported with the model gpt-4.1-mini" in app.transcript()
        await app.close()

    arun(scenario(), timeout=120)
