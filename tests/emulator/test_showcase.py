"""The app's demo answers show what the app renders (a table, math, code, a citation, a branch hint)
and still prove the context the emulator saw, in a line tests can parse."""

from __future__ import annotations

from desktop_chat.emulator.answers import compose, parse_context


def user(text: str) -> dict[str, object]:
    return {"type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]}


def test_the_showcase_answer_shows_the_app_and_keeps_the_context_line() -> None:
    context = [user("first"), {"type": "message", "role": "assistant", "content": []}, user("second")]
    text = compose(context, None, showcase=True)
    for part in ("| Feature |", "$e^{i\\pi}+1=0$", "```python", "[1]", "Regenerate"):
        assert part in text, part
    assert parse_context(text) == ["first", "second"]
    plain = compose(context, None)
    assert "| Feature |" not in plain and parse_context(plain) == ["first", "second"]  # tests' default
