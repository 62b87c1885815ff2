"""Each message's actions as real buttons: a bar that appears over the message under the mouse, or over
the message chosen with the keyboard.

Answer: copy as Markdown, copy as plain text, regenerate, regenerate with…, branch into a new
conversation, continue (a stopped, interrupted or cut answer), delete. Prompt: edit, copy, delete (a
draft: send now). The bar is a row of named `QToolButton`s (screen readers announce them by name; on
Linux through AT-SPI). Its actions go where the links' actions go (`LinkRoutingView.run_action`).

Keyboard, in the transcript: Ctrl+Down / Ctrl+Up choose the next / previous message (the bar shows on
it), Enter moves into its bar, Left / Right move between its buttons, Esc goes back to the text; Ctrl+C
with nothing selected copies the chosen message, Ctrl+E edits the chosen prompt. The
context menu (right click, the Menu key, Shift+F10) lists the same actions for the message it is on.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QEnterEvent,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextTable,
)
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QMenu, QToolButton

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP
from desktop_chat.core.conversation.model import Node, NodeStatus
from desktop_chat.core.session.branching import is_continuation
from desktop_chat.ui.transcript.message_controls import CONTINUABLE
from desktop_chat.ui.transcript.transcript import TranscriptView

CONTEXT = "MessageActions"
HIDE_AFTER_MS = 400  # the bar stays this long after the mouse leaves the transcript (to reach it)

# action -> (button text, accessible name and tooltip); translated when the bar is built
ANSWER_BUTTONS = (
    ("copy-markdown", QT_TRANSLATE_NOOP("MessageActions", "Copy"),
     QT_TRANSLATE_NOOP("MessageActions", "Copy answer as Markdown")),
    ("copy-text", QT_TRANSLATE_NOOP("MessageActions", "Copy text"),
     QT_TRANSLATE_NOOP("MessageActions", "Copy answer as plain text")),
    ("regenerate", QT_TRANSLATE_NOOP("MessageActions", "Regenerate"),
     QT_TRANSLATE_NOOP("MessageActions", "Regenerate: ask again, keeping this answer as a version")),
    ("regenerate-with", QT_TRANSLATE_NOOP("MessageActions", "Regenerate with…"),
     QT_TRANSLATE_NOOP("MessageActions", "Regenerate with another model, temperature or persona…")),
    ("branch", QT_TRANSLATE_NOOP("MessageActions", "Branch"),
     QT_TRANSLATE_NOOP("MessageActions", "Branch into a new conversation from this answer")),
    ("continue", QT_TRANSLATE_NOOP("MessageActions", "Continue"),
     QT_TRANSLATE_NOOP("MessageActions", "Continue: ask the model to go on from where it stopped")),
    ("delete", QT_TRANSLATE_NOOP("MessageActions", "Delete"),
     QT_TRANSLATE_NOOP("MessageActions", "Delete this turn and what follows…")),
)  # fmt: skip
PROMPT_BUTTONS = (
    ("edit", QT_TRANSLATE_NOOP("MessageActions", "Edit"),
     QT_TRANSLATE_NOOP("MessageActions", "Edit prompt (the original stays)")),
    ("send-draft", QT_TRANSLATE_NOOP("MessageActions", "Send now"),
     QT_TRANSLATE_NOOP("MessageActions", "Send this edited prompt now")),
    ("copy-prompt", QT_TRANSLATE_NOOP("MessageActions", "Copy"),
     QT_TRANSLATE_NOOP("MessageActions", "Copy prompt")),
    ("delete", QT_TRANSLATE_NOOP("MessageActions", "Delete"),
     QT_TRANSLATE_NOOP("MessageActions", "Delete this turn and what follows…")),
)  # fmt: skip
_STRINGS = (QT_TRANSLATE_NOOP("MessageActions", "Actions for this message"),)


def _tr(text: str) -> str:
    return str(QCoreApplication.translate(CONTEXT, text))


@dataclass(frozen=True)
class Message:
    """A prompt or an answer in the transcript, and the document position its first line is at."""

    node: Node
    role: str  # "prompt" or "answer"
    position: int


def actions_for(node: Node, role: str) -> list[str]:
    """The actions a message offers now (a streaming answer: only copying; a draft: no answer)."""
    if role == "prompt":
        draft = node.status is NodeStatus.DRAFT
        return [a for a, _, _ in PROMPT_BUTTONS if a != "send-draft" or draft]
    if node.status is NodeStatus.STREAMING:
        return ["copy-markdown", "copy-text"] if node.output_text else []
    shown = []
    for action, _text, _name in ANSWER_BUTTONS:
        if action.startswith("copy") and not node.output_text:
            continue
        if action == "continue" and node.status not in CONTINUABLE:
            continue
        if action == "branch" and node.status is NodeStatus.FAILED:
            continue
        shown.append(action)
    return shown


def _labels(role: str) -> dict[str, tuple[str, str]]:
    table = PROMPT_BUTTONS if role == "prompt" else ANSWER_BUTTONS
    return {action: (_tr(text), _tr(name)) for action, text, name in table}


class _BarButton(QToolButton):
    """A button of the bar: Left / Right move to its neighbours, Esc goes back to the text."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.parent()
        if isinstance(bar, ActionBar) and bar.key(event):
            return
        super().keyPressEvent(event)


class ActionBar(QFrame):
    """The row of buttons laid over a message (a child of the transcript's viewport)."""

    hovered = Signal(bool)  # the mouse came onto the bar (True) or left it
    retranslated = Signal()  # the language changed (the bar's own buttons are redone already)

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("message_actions")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setAccessibleName(_tr("Actions for this message"))
        size = max(7.0, self.font().pointSizeF() * 0.9)  # compact: it lies over the text
        self.setStyleSheet(
            f"QToolButton {{ padding: 1px 3px; font-size: {size:.1f}pt; }}"
            " QFrame#message_actions { border: 1px solid palette(mid); border-radius: 4px;"
            " background: palette(window); }"
        )
        self.view = view
        self.message: Message | None = None
        self.buttons: list[QToolButton] = []
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(2, 1, 2, 1)
        self._layout.setSpacing(0)
        self.hide()

    def show_for(self, message: Message) -> None:
        """Fill the bar with the message's actions (rebuilt only when they differ)."""
        actions = actions_for(message.node, message.role)
        same = self.message is not None and (self.message.node.id, self.message.role) == (
            message.node.id,
            message.role,
        )
        self.message = message
        if same and [b.property("action") for b in self.buttons] == actions:
            return
        for button in self.buttons:
            button.deleteLater()
        labels = _labels(message.role)
        self.buttons = []
        for action in actions:
            text, name = labels[action]
            button = _BarButton(self)
            button.setObjectName(f"message_action_{action}")
            button.setProperty("action", action)
            button.setText(text)
            button.setToolTip(name)
            button.setAccessibleName(name)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, a=action: self._run(a))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.adjustSize()

    def _run(self, action: str) -> None:
        message = self.message
        if message is not None:
            self.view.run_action(action, message.node.id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(_tr("Actions for this message"))
            shown, self.message = self.message, None
            if shown is not None:
                self.show_for(shown)  # the buttons again, in the new language
            self.retranslated.emit()
        super().changeEvent(event)

    def key(self, event: QKeyEvent) -> bool:
        """Left / Right / Esc on a button of the bar (True: used)."""
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.buttons:
            focused = next((i for i, b in enumerate(self.buttons) if b.hasFocus()), 0)
            step = 1 if key == Qt.Key.Key_Right else -1
            self.buttons[(focused + step) % len(self.buttons)].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key == Qt.Key.Key_Escape:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def enterEvent(self, event: QEnterEvent) -> None:
        super().enterEvent(event)
        self.hovered.emit(True)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.hovered.emit(False)


class MessageActions(QObject):
    """Shows the bar over the hovered or keyboard-chosen message and keeps it there."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.view = view
        self.bar = ActionBar(view)
        self.current: tuple[str, str] | None = None  # (node id, role) chosen with the keyboard
        self._hider = QTimer(self)
        self._hider.setSingleShot(True)
        self._hider.setInterval(HIDE_AFTER_MS)
        self._hider.timeout.connect(self._hide_unless_used)
        view.pointer_moved.connect(self._pointer_moved)
        view.pointer_left.connect(self._hider.start)
        view.key_hook = self._key
        self.bar.hovered.connect(lambda inside: self._hider.stop() if inside else self._hider.start())
        view.verticalScrollBar().valueChanged.connect(lambda _v: self._follow())
        view.textChanged.connect(self._follow)
        view.menu_extender = self._extend_menu
        # the keys as actions too, so Help ▸ Keyboard shortcuts lists them (the key hook does the same)
        for text, keys, delta in (
            (QT_TRANSLATE_NOOP("MessageActions", "Next message in the transcript"), "Ctrl+Down", 1),
            (QT_TRANSLATE_NOOP("MessageActions", "Previous message in the transcript"), "Ctrl+Up", -1),
        ):
            action = QAction(_tr(text), view)
            action.setProperty("source_text", text)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, d=delta: self.step(d))
            view.addAction(action)
        self.bar.retranslated.connect(self._retranslate_keys)

    def _retranslate_keys(self) -> None:
        for action in self.view.actions():
            source = action.property("source_text")
            if source:
                action.setText(_tr(str(source)))

    # -- where the messages are --------------------------------------------------------------------
    def messages(self) -> list[Message]:
        """The rendered path's messages, first to last."""
        found: list[Message] = []
        for start, node in self.view.turn_starts():
            prompt_box = self._prompt_box(start, node)
            if prompt_box is not None:
                found.append(Message(node, "prompt", prompt_box[0]))
            if node.status is not NodeStatus.DRAFT and node.id != self.view.editing:
                found.append(
                    Message(node, "answer", self._text_after(prompt_box[1]) if prompt_box else start)
                )
        return found

    def _prompt_box(self, start: int, node: Node) -> tuple[int, int] | None:
        """(first, last) document positions of a turn's prompt box (None: the turn shows none)."""
        if not node.input_items or is_continuation(node) or node.id == self.view.editing:
            return None
        block = self.view.document().findBlock(start)
        for _ in range(6):  # the anchor, the switcher, then the box
            if not block.isValid():
                return None
            table: QTextTable | None = QTextCursor(block).currentTable()  # (None outside a table)
            if table is not None:
                return table.firstPosition(), table.lastPosition()
            block = block.next()
        return None

    def _text_after(self, position: int) -> int:
        """The first position of the first line with text after `position` (the answer's header, after
        the prompt box and the empty paragraph each insert starts with)."""
        block = self.view.document().findBlock(position).next()
        for _ in range(4):
            if not block.isValid():
                break
            if block.length() > 1 and QTextCursor(block).currentTable() is None:
                return int(block.position())
            block = block.next()
        return position + 1

    def message_at(self, point: QPoint) -> Message | None:
        """The message under a point of the viewport."""
        position = self.view.cursorForPosition(point).position()
        found = None
        for message in self.messages():
            if message.position > position + 1:
                break
            found = message
        return found

    def _find(self, key: tuple[str, str] | None) -> Message | None:
        if key is None:
            return None
        return next((m for m in self.messages() if (m.node.id, m.role) == key), None)

    # -- showing the bar -----------------------------------------------------------------------------
    def show_on(self, message: Message) -> None:
        self.bar.show_for(message)
        if not self.bar.buttons:
            self.bar.hide()
            return
        self._place(message)

    def _place(self, message: Message) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(min(message.position, self.view.document().characterCount() - 1))
        top = self.view.cursorRect(cursor).top() - 2
        viewport = self.view.viewport().rect()
        if top > viewport.bottom():
            self.bar.hide()
            return
        margin = self.view.document().rootFrame().frameFormat().rightMargin()
        margin += self.view.document().documentMargin()
        x = int(viewport.width() - margin - self.bar.width())
        self.bar.move(max(0, x), max(2, top))  # a message whose head scrolled away: at the top
        self.bar.raise_()
        self.bar.show()

    def _follow(self) -> None:
        """The view scrolled or its document changed: the bar goes with its message (or goes)."""
        if not self.bar.isVisible() or self.bar.message is None:
            return
        message = self._find((self.bar.message.node.id, self.bar.message.role))
        if message is None:
            self.bar.hide()
        else:
            self.show_on(message)

    def _hide_unless_used(self) -> None:
        focused = QApplication.focusWidget()
        if self.bar.underMouse() or (focused is not None and self.bar.isAncestorOf(focused)):
            return
        if self.current is not None and self.view.hasFocus():
            self._follow()  # the keyboard's message keeps its bar
            return
        self.bar.hide()

    # -- the keyboard ------------------------------------------------------------------------------
    def step(self, delta: int) -> Message | None:
        """Choose the next (+1) or previous (-1) message, scroll it into sight and show its bar."""
        messages = self.messages()
        if not messages:
            return None
        keys = [(m.node.id, m.role) for m in messages]
        if self.current in keys:
            index = max(0, min(len(messages) - 1, keys.index(self.current) + delta))
        else:
            index = len(messages) - 1 if delta < 0 else 0
        message = messages[index]
        self.current = (message.node.id, message.role)
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(message.position)
        self.view.setTextCursor(cursor)  # screen readers follow the caret to the message
        self.view.ensureCursorVisible()
        self.show_on(message)
        return message

    def enter_bar(self) -> bool:
        message = self._find(self.current)
        if message is None:
            return False
        self.show_on(message)
        if not self.bar.buttons:
            return False
        self.bar.buttons[0].setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _pointer_moved(self, point: QPoint) -> None:
        message = self.message_at(point)
        if message is not None:
            self._hider.stop()
            self.show_on(message)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if mods == Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step(1 if key == Qt.Key.Key_Down else -1)
            return True
        caret = self.view.textCursor()
        on_link = caret.hasSelection() and bool(caret.charFormat().anchorHref())  # Enter follows the link
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods and not on_link:
            return self.enter_bar()
        chosen = self._find(self.current)
        if event.matches(QKeySequence.StandardKey.Copy) and not caret.hasSelection() and chosen is not None:
            copy = (
                "copy-prompt" if chosen.role == "prompt" else "copy-markdown"
            )  # nothing selected: the message
            self.view.run_action(copy, chosen.node.id)
            return True
        return False

    # -- the context menu --------------------------------------------------------------------------
    def _extend_menu(self, menu: QMenu, event: QContextMenuEvent) -> None:
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        message = self._find(self.current) if keyboard else self.message_at(event.pos())
        if message is None:
            return
        labels = _labels(message.role)
        menu.addSeparator()
        for action in actions_for(message.node, message.role):
            item = menu.addAction(labels[action][1])
            item.setObjectName(f"menu_{action}")
            item.triggered.connect(lambda _=False, a=action, n=message.node.id: self.view.run_action(a, n))
