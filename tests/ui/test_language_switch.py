"""View > Language switches the whole window at once, without a restart: menus, the status bar, the
composer, the empty state and the transcript already on screen speak the new language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtGui import QAction

from desktop_chat.core.api.backend import Backend
from desktop_chat.ui import i18n
from tests.conftest import wait_until
from tests.ui.conftest import RecordingServer

ANSWER = "Here it is.\n\n```python\nprint('hi')\n```\n"

# what a user sees in each language (the .ts files' translations)
SEEN: dict[str, dict[str, str]] = {
    "en": {
        "file": "&File",
        "send": "Send",
        "placeholder": "Type a prompt — Ctrl+Enter sends, Esc stops an answer",
        "heading": "What would you like to ask?",
        "usage": "Last answer:",
        "you": "You",
        "assistant": "Assistant",
        "copy_code": "Copy code",
        "outline": "Outline",
    },
    "ko": {
        "file": "파일(&F)",
        "send": "보내기",
        "placeholder": "프롬프트를 입력하세요 — Ctrl+Enter로 보내기, Esc로 답변 중지",
        "heading": "무엇을 물어볼까요?",
        "usage": "마지막 답변:",
        "you": "나",
        "assistant": "어시스턴트",
        "copy_code": "코드 복사",
        "outline": "개요",
    },
    "zh_CN": {
        "file": "文件(&F)",
        "send": "发送",
        "placeholder": "输入提示词 — Ctrl+Enter 发送，Esc 停止回答",
        "heading": "你想问什么？",
        "usage": "上次回答：",
        "you": "你",
        "assistant": "助手",
        "copy_code": "复制代码",
        "outline": "大纲",
    },
}


@pytest.fixture
def window(app_window: Any, qapp: Any) -> Iterator[Any]:
    yield app_window
    i18n.switch(qapp, "en")  # later tests expect English


def seen(window: Any, code: str) -> dict[str, str]:
    """The texts the check reads, as the window shows them now."""
    return {
        "file": window.menuBar().actions()[0].text(),
        "send": window.composer_pane.send_button.text(),
        "placeholder": window.composer.placeholderText(),
        "heading": window.transcript_pane.empty_state.heading.text(),
        "usage": window.status.usage_label.text()[: len(SEEN[code]["usage"])],
        "outline": window.tree_pane.tree_tabs.tabText(0),
    }


def test_switching_the_language_retranslates_everything_in_place(window: Any, arun: Any) -> None:
    server = RecordingServer(ANSWER)
    window.session.set_backend(Backend(server, label="test", provider="p"))
    window.composer.setPlainText("Show me some code")
    window.send()
    arun(wait_until(lambda: not window.session.busy and "print" in window.transcript_pane.view.toPlainText()))
    before_indicator = window.status.context_indicator.text()
    draft = "still typing"
    window.composer.setPlainText(draft)

    for code in ("ko", "zh_CN", "en"):
        window.findChild(QAction, f"action_language_{code}").trigger()
        expected = SEEN[code]
        assert i18n.current() == code
        assert seen(window, code) == {key: expected[key] for key in seen(window, code)}
        view = window.transcript_pane.view
        arun(wait_until(lambda view=view, expected=expected: expected["copy_code"] in view.toPlainText()))
        shown = view.toPlainText()
        assert expected["you"] in shown and expected["assistant"] in shown and "print('hi')" in shown
        assert window.findChild(QAction, f"action_language_{code}").isChecked()
        chat_menu = window.menus.menus["chat"]
        assert [a.text() for a in chat_menu.actions() if a.objectName() == "action_send"] == [
            window.menus["action_send"].text()
        ]
        if code != "en":
            assert window.status.context_indicator.text() != before_indicator  # translated too
            assert window.menus["action_send"].text() != "&Send"
    # nothing the user had was touched: the draft, the conversation, the selection
    assert window.composer.toPlainText() == draft
    assert window.session.tree is not None and len(window.session.tree) == 1
    assert window.status.context_indicator.text() == before_indicator


def test_a_notice_on_screen_follows_the_language(window: Any) -> None:
    window.show_notice("plain words stay as they are")
    window.banner.show_notice(window._demo_notice)
    english = window.banner.text()
    window.findChild(QAction, "action_language_ko").trigger()
    assert window.banner.text() not in ("", english) and not window.banner.text().isascii()


def test_an_open_compare_window_follows_the_language(qtbot: Any, qapp: Any) -> None:
    from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
    from desktop_chat.ui.dialogs.compare_view import CompareView

    nodes = [
        Node("c", None, [user_message("q")], output_text=text, status=NodeStatus.COMPLETED, model="m")
        for text in ("one answer", "another answer")
    ]
    view = CompareView()
    qtbot.addWidget(view)
    view.set_nodes(nodes)
    view.show()
    try:
        i18n.switch(qapp, "ko")
        assert view.windowTitle() == "답변 비교" and view.stop_button.text() == "모두 중지"
        assert "완료" in view.headers[0].text()  # the columns are made again, in Korean
    finally:
        i18n.switch(qapp, "en")
    assert view.windowTitle() == "Compare answers"


def test_open_attachment_chips_and_token_views_follow_the_language(qtbot: Any, qapp: Any) -> None:
    from desktop_chat.core.content.attachments import Attachment
    from desktop_chat.core.conversation.model import Node, user_message
    from desktop_chat.ui.composer.attachment_bar import AttachmentChip
    from desktop_chat.ui.transcript.logprobs_view import LogprobsDialog

    chip = AttachmentChip(Attachment("image", "", "cat.png", url="https://example.org/cat.png"), None)
    tokens = LogprobsDialog(Node("c", None, [user_message("q")]))
    for widget in (chip, tokens):
        qtbot.addWidget(widget)
    english = (chip.remove_button.toolTip(), chip.label.text(), tokens.windowTitle(), tokens.summary.text())
    try:
        i18n.switch(qapp, "ko")
        korean = (
            chip.remove_button.toolTip(),
            chip.label.text(),
            tokens.windowTitle(),
            tokens.summary.text(),
        )
    finally:
        i18n.switch(qapp, "en")
    assert all(before != after for before, after in zip(english, korean, strict=True)), korean
    assert "cat.png" in korean[0] and tokens.windowTitle() == english[2]
