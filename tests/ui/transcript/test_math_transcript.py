"""Formulas in the transcript: typeset off the GUI thread, shown as images, their LaTeX copyable."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextCursor, QTextDocument

from desktop_chat.core.content.math_tex import math_url
from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
from desktop_chat.ui import theme
from desktop_chat.ui.transcript import math_images
from desktop_chat.ui.transcript.math_images import MathImages
from desktop_chat.ui.transcript.transcript import TranscriptView
from tests.views import shown_transcript

ANSWER = "The area is $\\pi r^2$ and prices stay text: $5 and $10.\n\n$$\n\\frac{a}{b}\n$$\n\nDone.\n"


# workers that answer every formula with an error, and one that dies at once
REFUSING = (
    sys.executable,
    [
        "-c",
        "import json,sys\n"
        "for l in sys.stdin: print(json.dumps({'id': json.loads(l)['id'], 'error': 'no'}), flush=True)",
    ],
)
DYING = (sys.executable, ["-c", "import sys; sys.exit(3)"])


@pytest.fixture
def view(qtbot: Any) -> TranscriptView:
    return shown_transcript(qtbot, 800, 600)


def formula_image(view: TranscriptView, source: str, display: bool) -> QImage:
    resource = view.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl(math_url(source, display))
    )
    assert isinstance(resource, QImage), resource
    return resource


def test_formulas_stream_in_and_are_typeset_without_rendering_blocks_again(
    qtbot: Any, view: TranscriptView
) -> None:
    images = view.math.images
    node = Node("conv", None, [user_message("area?")])
    view.show_path([node])
    for i in range(0, len(ANSWER), 7):
        node.output_text = ANSWER[: i + 7]
        view.update_streaming(node)
        view.flush()
    node.status = NodeStatus.COMPLETED
    view.update_streaming(node)
    text, renders = view.rendered_text(), view.stats.renders
    stand_in = formula_image(view, "\\frac{a}{b}", True).size()
    # typesetting happens in the worker: wait for both formulas (the prices are no formulas)
    qtbot.waitUntil(lambda: images.pending() == 0, timeout=60_000)
    qtbot.waitUntil(lambda: formula_image(view, "\\frac{a}{b}", True).size() != stand_in, timeout=5_000)
    assert view.stats.renders == renders and view.rendered_text() == text  # no HTML was inserted again
    assert "$5 and $10" in text and text.count("\ufffc") == 2
    fraction = formula_image(view, "\\frac{a}{b}", True)
    pi_r2 = formula_image(view, "\\pi r^2", False)
    assert fraction.height() > pi_r2.height()  # a display fraction is taller than a line


def test_copying_a_selection_gives_the_latex_of_its_formulas(qtbot: Any, view: TranscriptView) -> None:
    view.show_path([Node("conv", None, [user_message("q")], output_text=ANSWER, status=NodeStatus.COMPLETED)])
    cursor = QTextCursor(view.document())
    start = view.document().find("The area").position() - len("The area")
    cursor.setPosition(start)
    cursor.setPosition(view.document().find("Done.").position(), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.copy()
    copied = QGuiApplication.clipboard().text()
    assert "The area is $\\pi r^2$ and prices stay text: $5 and $10." in copied
    assert "$$\\frac{a}{b}$$" in copied and "\ufffc" not in copied


@pytest.mark.parametrize("command", [REFUSING, DYING], ids=["refusing", "dying"])
def test_a_formula_that_cannot_be_typeset_stays_its_source(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, command: tuple[str, list[str]]
) -> None:
    """No exception reaches the user: the formula shows as its source, in the error colour."""
    failing = MathImages(command=command)
    monkeypatch.setattr(math_images, "_shared", failing)
    view = shown_transcript(qtbot, 800, 600)
    view.show_path(
        [Node("conv", None, [user_message("q")], output_text="See $x^2$.", status=NodeStatus.COMPLETED)]
    )
    qtbot.waitUntil(lambda: failing.pending() == 0, timeout=30_000)
    assert failing.typeset_count == 1
    image = formula_image(view, "x^2", False)
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert theme.current().error in colours  # drawn as its source, in the error colour
    assert "See \ufffc." in view.rendered_text()
    failing.shutdown()


def test_invalid_latex_is_code_at_once(view: TranscriptView) -> None:
    view.show_path(
        [
            Node(
                "conv",
                None,
                [user_message("q")],
                output_text="Bad $\\frac{a$ here.",
                status=NodeStatus.COMPLETED,
            )
        ]
    )
    assert "Bad $\\frac{a$ here." in view.rendered_text()
    assert view.math.images.pending() == 0
