"""The reply target line says what sending will really do: after a failed or empty turn, the prompt goes
after that turn's parent (failed turns are never context), and the line names the parent, in the user's
language."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.api.backend import Backend
from desktop_chat.core.api.events import Completed, Started, StreamEvent, TextDelta
from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, Usage, user_message
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.session.service import ChatSession
from desktop_chat.ui import i18n
from desktop_chat.ui.composer.composer_pane import ComposerPane
from desktop_chat.ui.status.status_bar import NoticeBanner
from tests.conftest import wait_until


def stored(store: Store, turns: list[tuple[str, NodeStatus, str]]) -> tuple[Conversation, list[Node]]:
    """A conversation of one branch: (prompt, status, answer) per turn."""
    conversation = Conversation(title="Fruit")
    store.save_conversation(conversation)
    nodes: list[Node] = []
    for prompt, status, answer in turns:
        node = Node(conversation.id, nodes[-1].id if nodes else None, [user_message(prompt)])
        node.status, node.output_text = status, answer
        if status is NodeStatus.FAILED:
            node.error = "The server had an error (500)."
        store.insert_node(node)
        nodes.append(node)
    return conversation, nodes


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "c.db")
    yield opened
    opened.close()


@pytest.fixture
def pane(store: Store, tmp_path: Path, qtbot: Any) -> tuple[ChatSession, ComposerPane]:
    session = ChatSession(store)
    banner = NoticeBanner()
    composer = ComposerPane(session, banner, AttachmentStore(tmp_path / "attachments"))
    qtbot.addWidget(banner)
    qtbot.addWidget(composer)
    return session, composer


async def answer(request: dict[str, Any]) -> AsyncIterator[StreamEvent]:
    yield Started("resp_3", "m")
    yield TextDelta("Plums are stone fruit.")
    yield Completed("resp_3", "m", Usage(input_tokens=30, output_tokens=5))


def test_after_a_failed_turn_the_line_names_its_parent_and_the_prompt_goes_there(
    pane: tuple[ChatSession, ComposerPane], store: Store, arun: Any
) -> None:
    session, composer = pane
    conversation, (apples, pears) = stored(
        store,
        [("apples?", NodeStatus.COMPLETED, "Apples are pomes."), ("pears?", NodeStatus.FAILED, "")],
    )
    session.open_conversation(conversation.id)
    assert session.selected_node_id == pears.id  # the failed turn is selected
    label = composer.reply_label.text()
    assert "“apples?”" in label and "pears?" not in label
    assert "has no answer to continue from" in label
    assert composer.retry_button.text() == "Retry" and composer.retry_button.isEnabled()

    session.select_node(apples.id)  # a turn with an answer: the plain line
    assert composer.reply_label.text().startswith("Replying after: “apples?”")
    assert "no answer" not in composer.reply_label.text()

    session.select_node(pears.id)
    session.set_backend(Backend(answer, label="test", provider="p"))
    composer.composer.setPlainText("plums?")
    composer.send()
    sent = session.selected_node()
    assert sent is not None and sent.user_text == "plums?"
    assert sent.parent_id == apples.id  # where the line said it would go

    async def answered() -> None:
        await wait_until(lambda: not session.busy, what="the answer")

    arun(answered())
    assert composer.reply_label.text().startswith("Replying after: “plums?”")


def test_a_failed_first_turn_starts_a_new_branch(
    pane: tuple[ChatSession, ComposerPane], store: Store
) -> None:
    session, composer = pane
    conversation, _ = stored(store, [("apples?", NodeStatus.FAILED, "")])
    session.open_conversation(conversation.id)
    label = composer.reply_label.text()
    assert label.startswith("New branch") and "apples?" not in label


@pytest.mark.parametrize(
    ("code", "no_answer"), [("ko", "이어 갈 답변이 없습니다"), ("zh_CN", "没有可接续的回答")]
)
def test_the_line_speaks_the_users_language(
    pane: tuple[ChatSession, ComposerPane], store: Store, qapp: Any, code: str, no_answer: str
) -> None:
    session, composer = pane
    conversation, _ = stored(
        store,
        [("apples?", NodeStatus.COMPLETED, "Apples are pomes."), ("pears?", NodeStatus.COMPLETED, "")],
    )
    translators = i18n.install(qapp, code)
    try:
        session.open_conversation(conversation.id)  # the empty answer is selected
        label = composer.reply_label.text()
        assert "“apples?”" in label and "pears?" not in label and no_answer in label
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
