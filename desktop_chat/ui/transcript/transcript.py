"""The transcript: the selected path of a conversation, with the last answer streaming in.

Streaming never re-renders the whole answer. Deltas are coalesced to at most one render per frame;
a render appends the markdown blocks that closed since the last one (each is rendered once) and
replaces only the open tail, at document positions kept from the previous render
(`core.markdown.IncrementalMarkdown` decides where the closed part ends).

Showing another node changes only what differs: the turns the new path shares with the shown one stay
in the document, the rest is removed and inserted again (finished turns' HTML comes from a cache), so
moving to a sibling or a child costs one or two turns whatever the path's length. A long path renders
its last turns only, with a link that renders earlier ones.

Model output is untrusted: nothing is ever fetched for the document (`loadResource` refuses all but the
thumbnails of the prompt's own attachments, read from the local attachment store by content hash, and
the formulas typeset here); links open only on click and only for http/https (see `link_routing`).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget

from desktop_chat.core.content import markdown as markdown_module
from desktop_chat.core.content.attachments import AttachmentStore
from desktop_chat.core.content.markdown import IncrementalMarkdown, render_blocks
from desktop_chat.core.content.output_items import activity_label
from desktop_chat.core.content.pricing import Price
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.session.branching import is_continuation
from desktop_chat.ui import theme
from desktop_chat.ui.composer.image_tools import stored_thumbnail
from desktop_chat.ui.transcript.image_html import (
    generated_image,
    generated_images_html,
)
from desktop_chat.ui.transcript.link_routing import LinkRoutingView
from desktop_chat.ui.transcript.math_view import MathResources
from desktop_chat.ui.transcript.message_controls import fork_html, fork_key
from desktop_chat.ui.transcript.message_html import (
    ATTACHMENT_SCHEME,
    EDITOR_SCHEME,
    THUMB_SIDE,
    _para,
    answer_head_html,
    answer_html,
    continued_html,
    earlier_link_html,
    editor_room_html,
    footer_html,
    is_json_answer,
    json_html,
    prompt_html,
    reasoning_html,
)
from desktop_chat.ui.transcript.styles import column_margin, document_css
from desktop_chat.ui.transcript.tool_calls_html import local_tools_html, opened_key

log = logging.getLogger("desktop_chat.transcript")

FRAME_MS = 16
FRESH_AFTER_INSERTS = 2000  # fragments a document takes before the next path is shown in a new one
SHOWN_TURNS = 30  # a long path renders its last turns; "Show N earlier messages" renders more
EARLIER_STEP = 50
HTML_CACHE_TURNS = 2_000  # finished turns whose HTML is kept for branch switches
ANSWER_CACHE_TURNS = 64  # last turns whose rendered answer blocks are kept (the turn shown at the bottom)

# Inserted HTML merges its first block into the block at the cursor, losing that block's format (a
# heading would become a plain paragraph). Starting every insert with an empty paragraph makes the
# merged block an empty one, so each real block keeps its format and inserting A then B gives the same
# document as inserting A+B.
_LEAD = '<p style="-qt-paragraph-type:empty;"><br /></p>'

# The reading column: at most this many average characters of body text wide, centred (code blocks and
# tables fill the column; code wraps in its frame rather than running off the page)
COLUMN_CHARS = 92
SIDE_MARGIN = 12


@dataclass
class RenderStats:
    """What the streaming renderer did since the last `show_path` (for tests and benchmarks)."""

    updates: int = 0  # update_streaming calls
    renders: int = 0  # document edits
    # per render: (characters of the answer already closed, length of the open-tail HTML inserted)
    tails: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Stream:
    """The last node of the shown path, whose answer may still grow."""

    node: Node
    answer_start: int  # document position where the answer begins
    tail_start: int  # where the open tail begins: everything after it is re-rendered
    markdown: IncrementalMarkdown = field(default_factory=IncrementalMarkdown)
    finished: bool = False
    reasoning_start: int = 0  # where the reasoning section (if any) begins, just after the prompt
    reasoning_shown: str | None = None  # the reasoning text the section shows
    activity: str = ""  # e.g. "Searching the web…", shown under the open tail while streaming
    elapsed: str = ""  # a background answer's running time, shown under it while it runs


class TranscriptView(LinkRoutingView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        markdown_module.COPY_CODE_LABEL = self.tr("Copy code")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setPlaceholderText("Type a prompt below to start a conversation.")
        self.math = MathResources(self)
        self._column = -1.0  # the side margin the reading column has now
        self._inserts = 0  # fragments inserted into the document shown now
        self._retired: QTextDocument | None = None  # the document shown before (freed by the next one)
        self._new_document()
        self.refused_resources: list[QUrl] = []  # what the document asked to load (nothing is loaded)
        self.attachment_store: AttachmentStore | None = None  # serves prompt thumbnails, nothing else
        self.stats = RenderStats()
        # a turn's siblings (itself included), for the fork switcher; None: no switcher
        self.siblings_of: Callable[[Node], list[Node]] | None = None
        self.prices: dict[str, Price] | None = None  # set: each answer's meta line shows its cost
        self._continued: set[str | None] = set()  # turns the shown path continues (a "Continue" turn follows)
        self.editing: str | None = None  # the turn whose prompt the inline editor covers
        self.editor_height = 0  # how tall the editor is (its room in the document)
        self.reasoning_open: dict[str, bool] = {}  # node id -> section expanded (default: while streaming)
        self.results_open: set[str] = set()  # local tool calls whose result is shown (by call id)
        # the calls of a node that wait for the user's decision (the session's approvals)
        self.waiting_calls: Callable[[str], Mapping[str, str]] = lambda _node_id: {}
        self.shown_from = 0  # index in the path of the first turn rendered (earlier ones: a link)
        self._html_cache: OrderedDict[str, tuple[Any, str]] = OrderedDict()  # node id -> (key, html)
        self._answer_cache: OrderedDict[str, tuple[Any, list[str]]] = OrderedDict()  # id -> (key, blocks)
        # The earlier turns in the document, in order: (turn key, position where the turn begins); None
        # when the document must be rebuilt. The last turn begins at _last_start.
        self._shown: list[tuple[Any, int]] | None = None
        self._last_start = 0
        self._nodes: list[Node] = []
        self._stream: _Stream | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._render_pending)
        self._restyle_timer = QTimer(self)  # a theme change renders the shown path again, once
        self._restyle_timer.setSingleShot(True)
        self._restyle_timer.setInterval(0)
        self._restyle_timer.timeout.connect(self._restyle)

    # -- appearance: the theme's style sheet and the reading column --------------------------------
    def _style_document(self) -> None:
        """Give the document the theme's style sheet and the reading column (before HTML goes in)."""
        self.document().setDefaultStyleSheet(document_css(theme.current()))
        self._column = -1.0
        self._apply_column()

    def _apply_column(self) -> None:
        margin = column_margin(self.viewport().width(), self.fontMetrics().averageCharWidth(), COLUMN_CHARS)
        margin = max(float(SIDE_MARGIN), margin)
        if margin == self._column:
            return
        self._column = margin
        root = self.document().rootFrame()
        frame = root.frameFormat()
        frame.setLeftMargin(margin)
        frame.setRightMargin(margin)
        root.setFrameFormat(frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_column()

    def _restyle(self) -> None:
        """The theme changed: the same path again, in the new colours, where the reader was."""
        self._style_document()
        if not self._nodes:
            return
        position = self.verticalScrollBar().value()
        self.show_path(self._nodes, scroll=False, shown_from=self.shown_from)
        self.verticalScrollBar().setValue(position)

    # -- security ---------------------------------------------------------------------------------
    def loadResource(self, type: int, name: QUrl | str) -> Any:
        """Nothing is ever fetched: model output must not be able to make the app load a URL.

        The answer is empty data rather than None: on None, QTextDocument would go on to decode data:
        URLs and read relative names from disk itself. Empty data is cached, so each name is asked once.
        """
        url = QUrl(name)
        if url.scheme() == EDITOR_SCHEME:  # the inline editor's room: transparent
            room = QImage(1, self.editor_height, QImage.Format.Format_ARGB32)
            room.fill(Qt.GlobalColor.transparent)
            return room
        formula = self.math.resource(url)
        if formula is not None:
            return formula
        image = generated_image(url, self.attachment_store, self.streaming_node())
        if image is not None:
            return image
        if url.scheme() == ATTACHMENT_SCHEME and self.attachment_store is not None:
            thumbnail = stored_thumbnail(self.attachment_store, url.path(), THUMB_SIDE * 2)
            if thumbnail is not None:
                return thumbnail
        self.refused_resources.append(url)
        log.info("refused to load a resource: %s", url.toString()[:200])
        return QByteArray()

    def _siblings(self, node: Node) -> list[Node]:
        return self.siblings_of(node) if self.siblings_of is not None else [node]

    def _opening(self, node: Node) -> str:
        """A turn's start: the switcher (for a turn with siblings), the prompt box (or the inline
        editor's room, or a continuation's marker), and the answer's header."""
        if not node.input_items:
            return prompt_html(node) + answer_head_html(node)
        fork = fork_html(node, self._siblings(node))
        if is_continuation(node):  # joined to the answer before it
            return fork + continued_html(node)
        if node.id == self.editing:
            return fork + editor_room_html(node.id, self.editor_height)
        head = "" if node.status is NodeStatus.DRAFT else answer_head_html(node)
        return fork + prompt_html(node) + head

    # -- what the view shows, for the link routing and the message actions --------------------------
    def shown_nodes(self) -> list[Node]:
        return self._nodes

    def streaming_node(self) -> Node | None:
        return self._stream.node if self._stream is not None else None

    def turn_starts(self) -> list[tuple[int, Node]]:
        """Where each rendered turn begins in the document, first to last (empty while none is shown)."""
        if self._shown is None or not self._nodes:
            return []
        starts = [position for _key, position in self._shown] + [self._last_start]
        rendered = self._nodes[self.shown_from :]
        return list(zip(starts, rendered, strict=True)) if len(starts) == len(rendered) else []

    def toggle_reasoning(self, node: Node) -> None:
        self.reasoning_open[node.id] = not self._reasoning_expanded(node)
        self.redraw_in_place()

    def toggle_result(self, call_id: str) -> None:
        self.results_open ^= {call_id}
        stream = self._stream
        if stream is not None and not stream.finished:
            if not self._timer.isActive():
                self._timer.start()
        else:
            self.redraw_in_place()

    def redraw_in_place(self) -> None:
        """Render the shown path again where the reader is (a section opened, an editor came or went)."""
        position = self.verticalScrollBar().value()
        self.show_path(self._nodes, scroll=False, shown_from=self.shown_from)
        self.verticalScrollBar().setValue(position)

    def _reasoning_expanded(self, node: Node) -> bool:
        return self.reasoning_open.get(node.id, not node.status.finished)

    def show_activity(self, node: Node, text: str) -> None:
        """A hosted tool's activity (the TurnRunner's "tool: status" text) under the streaming answer."""
        stream = self._stream
        if stream is None or stream.node.id != node.id or stream.finished:
            return
        stream.activity = activity_label(text)
        if not self._timer.isActive():
            self._timer.start()

    def show_elapsed(self, node: Node, text: str) -> None:
        """How long a background answer has been running, under it while it streams."""
        stream = self._stream
        if stream is None or stream.node.id != node.id or stream.finished or stream.elapsed == text:
            return
        stream.elapsed = text
        if not self._timer.isActive():
            self._timer.start()

    def elapsed_text(self) -> str:
        """The running-time line shown now ("" when none)."""
        return self._stream.elapsed if self._stream is not None and not self._stream.finished else ""

    def activity_text(self) -> str:
        """The activity line shown now ("" when none)."""
        return self._stream.activity if self._stream is not None and not self._stream.finished else ""

    # -- public API -------------------------------------------------------------------------------
    def rendered_text(self) -> str:
        return str(self.toPlainText())

    def show_path(self, nodes: list[Node], *, scroll: bool = True, shown_from: int | None = None) -> None:
        """Render the path from the root to the selected node; its answer stays open for streaming.

        A long path shows its last SHOWN_TURNS turns and a link that renders earlier ones; finished
        turns' HTML is cached, so moving between branches renders only the turns not seen before.
        """
        self._timer.stop()
        self._stream = None
        previous, self._nodes = self._nodes, list(nodes)
        self._continued = {node.parent_id for node in nodes if is_continuation(node)}  # (no Continue link)
        self.stats = RenderStats()
        if not nodes:
            self.clear()
            return
        start = self._window_start(previous, nodes, shown_from)
        *earlier, last = nodes[start:]
        prices = repr(self.prices)
        keys = [self._turn_key(node, prices) for node in earlier]
        shown = self._shown if start == self.shown_from and self._document_intact() else None
        self.shown_from = start
        keep = 0
        if shown is not None:  # keep the turns the new path shares with the shown one
            while keep < min(len(shown), len(keys)) and shown[keep][0] == keys[keep]:
                keep += 1
        if shown is None or keep == 0 or self._inserts > FRESH_AFTER_INSERTS:
            # rebuild in a new document: a document keeps every text format ever used in it (link
            # targets, anchors), so reusing one makes each later open slower and bigger
            self._new_document()
            self.setHtml(earlier_link_html(start))
            self._style_document()  # the column's margins are the root frame's: set again after setHtml
            cursor = QTextCursor(self.document())
            shown, keep = [], 0
        else:  # replace what follows the shared turns
            assert shown is not None
            cursor = QTextCursor(self.document())
            self._remove_from(cursor, shown[keep][1] if keep < len(shown) else self._last_start)
            del shown[keep:]
        self._shown = shown
        cursor.beginEditBlock()
        for node, key in zip(earlier[keep:], keys[keep:], strict=True):
            shown.append((key, self._end_position()))
            self._append(cursor, self._turn_html(node, key))
        self._last_start = self._end_position()
        self._append(cursor, f'<a name="turn-{last.id}"></a>' + self._opening(last))
        cursor.endEditBlock()
        end = self._end_position()
        self._stream = _Stream(node=last, answer_start=end, tail_start=end, reasoning_start=end)
        self._render(final=last.status.finished)
        if scroll:
            self.moveCursor(QTextCursor.MoveOperation.End)
            self._scroll_to_bottom()

    def _window_start(self, previous: list[Node], nodes: list[Node], shown_from: int | None) -> int:
        """The index of the first turn to render: the last SHOWN_TURNS by default, or where the shown
        window starts if the new path shares that turn and the window stays a sensible size (moving
        to a sibling, a child or a parent then renders only the turns that differ)."""
        if shown_from is not None:
            return max(0, min(shown_from, len(nodes) - 1))
        default = max(0, len(nodes) - SHOWN_TURNS)
        old = self.shown_from
        if old == default or self._shown is None or old >= min(len(nodes), len(previous)):
            return default
        if previous[old].id != nodes[old].id:
            return default
        size = len(nodes) - old
        return old if SHOWN_TURNS // 2 <= size <= max(2 * SHOWN_TURNS, len(previous) - old) else default

    def _document_intact(self) -> bool:
        """The document still holds what show_path and the stream put there."""
        return self._shown is not None and self._last_start < self.document().characterCount()

    def clear(self) -> None:
        self._shown = None
        self._new_document()

    def _new_document(self) -> None:
        """Show a new, empty document (the old one and all the formats it collected are freed)."""
        old = self.document()
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)  # edits per frame must not pile up undo history
        document.setDefaultFont(old.defaultFont())
        ours = old.parent() is self  # the first one belongs to Qt's text control, which deletes it
        self.setDocument(document)
        self._style_document()
        self.math.clear()
        retired, self._retired = self._retired, (old if ours else None)
        if retired is not None:  # the one before: no signal of it can still be on the stack
            retired.setParent(None)  # owned by its Python reference alone: freed now, not at an idle loop
            del retired
        self._inserts = 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # every message's words: rendered anew
            markdown_module.COPY_CODE_LABEL = self.tr("Copy code")
            self._html_cache.clear()
            self._answer_cache.clear()
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange, QEvent.Type.FontChange,
                            QEvent.Type.LanguageChange):  # fmt: skip
            self._shown = None  # colours and sizes taken when the HTML was inserted: render afresh
            self._restyle_timer.start()
        super().changeEvent(event)

    def show_earlier(self) -> None:
        """Render EARLIER_STEP more of the path's earlier turns, keeping the view where it was."""
        if not self._nodes or not self.shown_from:
            return
        first_shown = self._nodes[self.shown_from].id
        self.show_path(self._nodes, scroll=False, shown_from=max(0, self.shown_from - EARLIER_STEP))
        self.scrollToAnchor(f"turn-{first_shown}")

    def _turn_key(self, node: Node, prices: str) -> tuple[Any, ...]:
        """What a turn's HTML depends on: equal keys, equal HTML (values only: no mutable objects)."""
        usage = node.usage
        return (
            node.id,
            node.updated_at,
            node.status,
            len(node.output_text),
            len(node.reasoning_text),
            len(node.output_items),
            node.error,
            node.notice,
            node.model,
            None if usage is None else (usage.input_tokens, usage.cached_tokens, usage.output_tokens),
            None if usage is None else (usage.reasoning_tokens, usage.total_tokens),
            self._reasoning_expanded(node),
            opened_key(node, self.results_open),
            prices,
            fork_key(node, self._siblings(node)),
            self.editor_height if node.id == self.editing else 0,
            node.id in self._continued,
        )

    def _turn_html(self, node: Node, key: tuple[Any, ...]) -> str:
        """A finished turn's HTML (prompt, reasoning, answer, footer), cached while its key is the same."""
        cached = self._html_cache.get(node.id)
        if cached is not None and cached[0] == key:
            self._html_cache.move_to_end(node.id)
            return cached[1]
        fragment = "".join(
            [
                f'<a name="turn-{node.id}"></a>',
                self._opening(node),
                reasoning_html(node, self._reasoning_expanded(node)),
                answer_html(node),
                generated_images_html(node),
                footer_html(node, self.prices, self.results_open, continued=node.id in self._continued),
            ]
        )
        self._html_cache[node.id] = (key, fragment)
        if len(self._html_cache) > HTML_CACHE_TURNS:
            self._html_cache.popitem(last=False)
        return fragment

    def _answer_blocks(self, node: Node) -> list[str]:
        """A finished markdown answer's blocks, as a stream finishing it from nothing renders them."""
        key = (node.updated_at, node.status, node.output_text)
        cached = self._answer_cache.get(node.id)
        if cached is not None and cached[0] == key:
            self._answer_cache.move_to_end(node.id)
            return cached[1]
        blocks = render_blocks(node.output_text)
        self._answer_cache[node.id] = (key, blocks)
        if len(self._answer_cache) > ANSWER_CACHE_TURNS:
            self._answer_cache.popitem(last=False)
        return blocks

    def update_streaming(self, node: Node) -> None:
        """The shown last node's answer grew (or finished): render at most once per frame."""
        stream = self._stream
        if stream is None or stream.node.id != node.id:
            return
        stream.node = node
        self.stats.updates += 1
        if node.status.finished:
            self._timer.stop()
            self._render(final=True)
        elif not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Render a pending streaming update now instead of at the next frame."""
        if self._timer.isActive():
            self._timer.stop()
            self._render_pending()

    # -- rendering --------------------------------------------------------------------------------
    def _render_pending(self) -> None:
        stream = self._stream
        if stream is not None and not stream.finished:
            self._render(final=stream.node.status.finished)

    def _render(self, *, final: bool) -> None:
        stream = self._stream
        assert stream is not None
        node = stream.node
        text = node.output_text
        expanded = self._reasoning_expanded(node)
        reasoning_key = f"{expanded}:{node.reasoning_text}:{node.usage.reasoning_tokens if node.usage else 0}"
        if node.reasoning_text and reasoning_key != stream.reasoning_shown:
            # the reasoning summary (above the answer) grew: rewrite it, then the answer below it
            cursor = QTextCursor(self.document())
            self._remove_from(cursor, stream.reasoning_start)
            self._append(cursor, reasoning_html(node, expanded))
            stream.reasoning_shown = reasoning_key
            stream.answer_start = stream.tail_start = self._end_position()
            stream.markdown.reset()
        if not text.startswith(stream.markdown.closed_text):  # replaced, not extended: start over
            stream.markdown.reset()
            stream.tail_start = stream.answer_start
        if final and is_json_answer(node) and text.strip():
            stream.markdown.reset()
            stream.tail_start = stream.answer_start
            closed, tail_html = [json_html(node)], ""
        elif final and stream.markdown.closed_length == 0:
            # none of the answer is on screen yet (a finished turn shown at the bottom): all its blocks,
            # cached; the markdown state stays empty, so the tail starts at the answer (see below)
            closed, tail_html = self._answer_blocks(node), ""
        elif final:
            closed, tail_html = stream.markdown.finish(text), ""
        else:
            closed, tail_html = stream.markdown.feed_blocks(text)
            tail_html += generated_images_html(node)
            tail_html += local_tools_html(node, self.results_open, self.waiting_calls(node.id))
            if stream.activity:
                tail_html += _para(stream.activity, "activity")
            if stream.elapsed:
                tail_html += _para(stream.elapsed, "activity")
        scrollbar = self.verticalScrollBar()
        at_bottom = scrollbar.value() >= scrollbar.maximum() - 4
        position = scrollbar.value()

        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        self._remove_from(cursor, stream.tail_start)
        for block in closed:  # one block at a time: the same inserts however the text arrived
            self._append(cursor, block)
        # what the markdown state has not closed is the tail: re-rendered by the next render, if any
        stream.tail_start = self._end_position() if stream.markdown.closed_length else stream.answer_start
        self._append(cursor, tail_html)
        if final:
            continued = stream.node.id in self._continued
            self._append(
                cursor,
                generated_images_html(stream.node)
                + footer_html(stream.node, self.prices, self.results_open, continued=continued),
            )
        cursor.endEditBlock()
        stream.finished = final

        self.stats.renders += 1
        self.stats.tails.append((stream.markdown.closed_length, len(tail_html)))
        if at_bottom:
            self._scroll_to_bottom()
        else:
            scrollbar.setValue(position)

    @staticmethod
    def _remove_from(cursor: QTextCursor, position: int) -> None:
        """Delete from `position` to the end, keeping the format of the block `position` is in."""
        cursor.setPosition(position)
        block_format, char_format = cursor.blockFormat(), cursor.blockCharFormat()
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        if not cursor.hasSelection():
            return
        cursor.removeSelectedText()
        # Deleting from the start of a block gives the merged block the format of the last one deleted.
        if cursor.blockFormat() != block_format:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)

    def _append(self, cursor: QTextCursor, fragment: str) -> None:
        fragment = fragment.strip()
        if fragment:
            self._inserts += 1
            waiting = self.math.before_insert(fragment)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            start = cursor.position()
            cursor.insertHtml(_LEAD + fragment)
            self.math.after_insert(start, cursor.position(), waiting)

    def _end_position(self) -> int:
        # what a cursor moved to the end says, without making the document lay itself out first
        return int(self.document().characterCount()) - 1

    def _scroll_to_bottom(self) -> None:
        document = self.document()
        # Make sure the layout reaches the end, so the scroll bar's maximum is the real bottom.
        document.documentLayout().blockBoundingRect(document.lastBlock())
        scrollbar = self.verticalScrollBar()
        scrollbar.setValue(scrollbar.maximum())
