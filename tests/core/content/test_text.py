"""Messages made in core carry their template so the UI can show them in the user's language."""

from __future__ import annotations

import copy
import pickle

import pytest

from desktop_chat.core.config import settings
from desktop_chat.core.content.text import Text, error_text, fill
from desktop_chat.core.conversation.model import ChatParams


def test_a_text_is_its_english_message_and_keeps_template_and_values() -> None:
    text = Text("Between %1 and %2 (got %3).", 0, 2, 3.5)
    assert text == "Between 0 and 2 (got 3.5)." and isinstance(text, str)
    assert (text.template, text.values) == ("Between %1 and %2 (got %3).", ("0", "2", "3.5"))
    for same in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert same == text and same.template == text.template and same.values == text.values


def test_values_are_filled_once_and_missing_ones_stay_visible() -> None:
    assert fill("“%1” then %2", ("%2", "x")) == "“%2” then x"  # a value is never filled again
    assert fill("%1 and %3", ("a",)) == "a and %3"


def test_validation_messages_are_texts() -> None:
    problems = ChatParams(model="", temperature=3.0, top_p=2.0).validate()
    assert problems and all(isinstance(p, Text) for p in problems)
    assert "Temperature must be between 0 and 2 (got 3.0)." in problems
    with pytest.raises(ValueError) as raised:
        settings.parse_optional_float("abc")
    message = error_text(raised.value)
    assert isinstance(message, Text) and message == "“abc” is not a number."
    assert error_text(ValueError("plain")) == "plain"
