"""In Korean and Chinese nothing English is left on screen but names (models, URLs, keys, file types):
every visible widget of the window, its menus, the outline, a few dialogs and a transcript with
reasoning, sources, a web search and a failed turn are read, and any English word is reported."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.events import (
    ChatError,
    Completed,
    ErrorKind,
    Failed,
    ReasoningDelta,
    Started,
    StreamEvent,
    TextDelta,
)
from desktop_chat.core.conversation.model import NodeStatus, Usage
from desktop_chat.ui import i18n
from tests.conftest import wait_until

MODEL = "gpt-4.1-mini"
# names, not words: product and file-format names, keys, units, the API's own terms and the languages
NAMES = {
    "api", "openai", "azure", "json", "url", "urls", "https", "http", "png", "jpeg", "jpg", "webp", "gif",
    "pdf", "pdfs", "ctrl", "shift", "enter", "esc", "alt", "tab", "del", "latex", "markdown", "english",
    "desktop_chat", "responses", "completions", "chat", "top_p", "ollama", "vllm", "studio", "llama",
    "cpp", "gpt", "mini", "emulator", "demo", "temperature", "html", "utf", "tiktoken", "sdk", "key", "mcp",
    "top", "logprobs", "truncation", "auto", "usd", "npx", "streamable", "flex", "priority",
}  # fmt: skip
PHRASES = ("zero data retention",)  # OpenAI's names for its policies
API_VALUES = {"settings_text_format"}  # combo boxes that list the API's own values
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
LINK = re.compile(
    r"@[\w./-]+|--[\w-]+|\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|io)\b|\bresp_\w+|\b\w+_\w+\b"
)


def english_words(text: str) -> list[str]:
    """The English words of a text, names and links left out."""
    text = LINK.sub(" ", text).replace(MODEL, " ")
    for phrase in PHRASES:
        text = text.replace(phrase, " ")
    return [word for word in WORD.findall(text) if word.lower() not in NAMES]


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what a person sees on the visible widgets under `root`, tooltips included."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QLineEdit | QPlainTextEdit) and not widget.placeholderText().startswith("{"):
            yield name, widget.placeholderText()  # (a JSON example is a name, not words)
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{name} tab", widget.tabText(index)
        if isinstance(widget, QComboBox) and not widget.isEditable() and name not in API_VALUES:
            for index in range(widget.count()):
                yield f"{name} item", widget.itemText(index)
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} accessible name", widget.accessibleName()
    if isinstance(root, QDialog) or root.isWindow():
        yield "window title", root.windowTitle()


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        yield f"{where} > {action.objectName()}", action.text()
        yield f"{where} > {action.objectName()} tooltip", action.toolTip()
        if action.menu() is not None:
            yield from menu_texts(action.menu(), f"{where} > {action.text()}")


def outline_texts(model: Any, parent: QModelIndex = QModelIndex()) -> Iterator[tuple[str, str]]:  # noqa: B008
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield "outline", str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        yield "outline tooltip", re.sub(r"<[^>]+>", " ", str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        yield from outline_texts(model, index)


def untranslated(texts: Iterator[tuple[str, str]]) -> list[str]:
    found = []
    for where, text in texts:
        words = english_words(text)
        if words:
            found.append(f"{where}: {' '.join(words)} — in {text[:100]!r}")
    return found


class RichServer:
    """Answers once with reasoning, a web search and a cited source, then fails with a rate limit."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
        self.calls += 1
        yield Started(f"resp_{self.calls}", MODEL)
        if self.calls > 1:
            said = "Too many requests or quota exceeded (429). The server asks to wait 20 s."
            said += " (Server: HTTP 429)"
            yield Failed(ChatError(ErrorKind.RATE_LIMITED, said, status_code=429, retry_after=20))
            return
        yield ReasoningDelta("먼저 생각합니다")
        answer = "서울의 날씨는 맑습니다 [1]."
        yield TextDelta(answer)
        source = {"type": "url_citation", "url": "https://example.org/w", "title": "기상청"}
        items = [
            {"type": "web_search_call", "id": "w", "status": "completed", "action": {"query": "서울 날씨"}},
            {
                "type": "message",
                "role": "assistant",
                "content": [
                    {
                        "type": "output_text",
                        "text": answer,
                        "annotations": [source],
                    }
                ],
            },
        ]
        usage = Usage(input_tokens=12, output_tokens=30, reasoning_tokens=8)
        yield Completed(f"resp_{self.calls}", MODEL, usage, items)


@pytest.fixture
def window(app_window: Any, qapp: Any, arun: Any) -> Iterator[Any]:
    window = app_window
    window.resize(1400, 900)
    window.session.set_backend(Backend(RichServer(), label="127.0.0.1 · 키", provider="p"))
    for prompt in ("서울 날씨는?", "내일은?"):
        window.composer.setPlainText(prompt)
        window.send()
        arun(wait_until(lambda: not window.session.busy))
    assert window.session.selected_node().status is NodeStatus.FAILED
    yield window
    i18n.switch(qapp, "en")


@pytest.mark.parametrize("code", ["ko", "zh_CN"])
def test_nothing_english_is_left_on_screen(window: Any, code: str, qapp: Any, arun: Any) -> None:
    i18n.switch(qapp, code)
    view = window.transcript_pane.view
    arun(wait_until(lambda: "Reasoning" not in view.toPlainText()))  # rendered again, in the language
    found = untranslated(widget_texts(window))
    for menu in window.menus.menus.values():
        found += untranslated(menu_texts(menu, menu.title()))
    found += untranslated(outline_texts(window.tree_pane.tree_model))
    found += untranslated(iter([("transcript", line) for line in view.toPlainText().splitlines()]))
    window.tree_pane.toggle_graph()
    window.tree_pane.zoom_graph(0)
    found += untranslated(widget_texts(window.tree_pane))
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("code", ["ko", "zh_CN"])
def test_the_dialogs_speak_the_language_too(window: Any, code: str, qapp: Any, qtbot: Any) -> None:
    from desktop_chat.core.config import profiles
    from desktop_chat.core.conversation.tree import ConversationTree
    from desktop_chat.ui.dialogs.context_inspector import ContextInspector
    from desktop_chat.ui.dialogs.key_dialog import KeyDialog
    from desktop_chat.ui.dialogs.mcp_dialog import McpServerEditor, McpServersDialog
    from desktop_chat.ui.dialogs.personas_dialog import PersonasDialog
    from desktop_chat.ui.dialogs.profiles_dialog import ProfileEditor, ProfilesDialog
    from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog
    from desktop_chat.ui.dialogs.shortcuts_dialog import ShortcutsDialog

    i18n.switch(qapp, code)
    found: list[str] = []
    store, session = window.store, window.session
    shortcuts = ShortcutsDialog(window)
    settings = SettingsDialog(session.effective_params(), {}, None, window, conversation_title="서울")
    tabs = settings.findChild(QTabWidget, "settings_tabs")
    inspector = ContextInspector(
        session.tree or ConversationTree(""), session.selected_node_id, [], session.effective_params(),
        parent=window,
    )  # fmt: skip
    editor = ProfileEditor(profiles.new_profile(""), has_key=False, models=[], parent=window)
    dialogs = [
        shortcuts, KeyDialog(window), settings, ProfilesDialog(store, window), editor,
        PersonasDialog(window.persona_menu.personas(), window), McpServersDialog(store, [], window),
        McpServerEditor(store, None, window), inspector,
    ]  # fmt: skip
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        found += untranslated(widget_texts(dialog))
        if dialog is settings and tabs is not None:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                found += untranslated(widget_texts(tabs.widget(index)))
        dialog.hide()
    assert found == [], "\n".join(found)
    names = [text for _, text, _ in shortcuts.shown_rows()]
    assert names and not [name for name in names if re.search(r"\(\w\)|&", name)]  # no "(N)" left


def test_english_words_are_found_and_names_are_not() -> None:
    assert english_words("⚠ failed") == ["failed"]
    names = f"{MODEL} · 토큰 12 · https://example.org/a · Ctrl+Enter · resp_1 · rate_limit · --base-url"
    assert english_words(names) == []
