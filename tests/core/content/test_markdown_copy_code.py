"""The "Copy code" link at the top right of each code block, and finding the block's code from its key."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from desktop_chat.core.content import markdown
from desktop_chat.core.content.markdown import code_key, find_code_block, render_blocks, render_html
from tests.core.content.test_markdown import texts

COPY_LINK = re.compile(r'<a class="code-copy" href="copy-code:([0-9a-f]{16})">Copy code</a>')

TWO_BLOCKS = """Intro.

```python
print("first")
```

Between.

```
second block
  indented line
```
"""


def keys_in(html_text: str) -> list[str]:
    return COPY_LINK.findall(html_text)


def test_each_code_block_has_a_copy_link_at_its_top() -> None:
    out = render_html(TWO_BLOCKS)
    keys = keys_in(out)
    assert keys == [code_key('print("first")\n'), code_key("second block\n  indented line\n")]
    # in its block's header row: each link comes before its block's code, after the previous block
    assert out.index(keys[0]) < out.index("<pre") < out.index("</pre>") < out.index(keys[1])
    assert out.index(keys[1]) < out.rindex("<pre")
    assert render_html("Just `inline code`, no block.").count("copy-code:") == 0


def test_the_key_is_sixteen_hex_digits_of_the_sha1_of_the_content() -> None:
    assert code_key("x = 1\n") == "e139f73e34322031"  # sha1(b"x = 1\n")[:16]
    assert code_key("x = 1\n") != code_key("x = 1")


def test_find_code_block_returns_the_code_the_block_shows() -> None:
    keys = keys_in(render_html(TWO_BLOCKS))
    assert find_code_block(TWO_BLOCKS, keys[0]) == 'print("first")'
    assert find_code_block(TWO_BLOCKS, keys[1]) == "second block\n  indented line"


def test_trailing_newlines_inside_the_block_are_kept_but_the_last_line_break_is_not() -> None:
    text = "```\nline\n\n\n```\n"
    (key,) = keys_in(render_html(text))
    assert key == code_key("line\n\n\n")
    assert find_code_block(text, key) == "line\n\n"
    # CRLF answers: markdown-it normalises line breaks, the code comes back with \n
    crlf = "```sh\r\necho a\r\necho b\r\n```\r\n"
    (key,) = keys_in(render_html(crlf))
    assert find_code_block(crlf, key) == "echo a\necho b"


def test_unicode_code_and_languages() -> None:
    text = "설명\n\n~~~python\n# 한국어 주석 — 中文 🌳\nprint('héllo')\n~~~\n"
    (key,) = keys_in(render_html(text))
    assert key == code_key("# 한국어 주석 — 中文 🌳\nprint('héllo')\n")
    assert find_code_block(text, key) == "# 한국어 주석 — 中文 🌳\nprint('héllo')"
    lone_surrogate = "```\n\ud800x\n```\n"  # can come out of a JSON string; must not crash
    (key,) = keys_in(render_html(lone_surrogate))
    assert find_code_block(lone_surrogate, key) == "\ud800x"


def test_indented_nested_and_empty_blocks() -> None:
    text = (
        "Para.\n\n    indented code\n    more\n\n"
        "- item\n\n  ```\n  in a list\n  ```\n\n"
        "> ```\n> quoted\n> ```\n"
    )
    keys = keys_in(render_html(text))
    assert [find_code_block(text, k) for k in keys] == ["indented code\nmore", "in a list", "quoted"]
    empty = "```\n```\n"
    (key,) = keys_in(render_html(empty))
    assert find_code_block(empty, key) == ""


def test_identical_blocks_share_a_key_and_copy_the_same_code() -> None:
    text = "```\nsame\n```\n\ntext\n\n```js\nsame\n```\n"
    keys = keys_in(render_html(text))
    assert len(keys) == 2 and keys[0] == keys[1] and find_code_block(text, keys[0]) == "same"


@pytest.mark.parametrize("key", ["", "0000000000000000", "not-a-key", "ef0e1a9a5ea2bf2d"])
def test_unknown_key_is_none(key: str) -> None:
    assert find_code_block(TWO_BLOCKS, key) is None
    assert find_code_block("", key) is None


def test_code_content_is_escaped_and_cannot_forge_links() -> None:
    text = '```nosuchlang\n<a href="copy-code:ffffffffffffffff">x</a><script>alert(1)</script>\n```\n'
    out = render_html(text)
    assert "<script" not in out and "&lt;script&gt;" in out
    assert keys_in(out) == [code_key('<a href="copy-code:ffffffffffffffff">x</a><script>alert(1)</script>\n')]
    # a markdown link with the scheme is not kept (only http and https are)
    assert "href" not in render_html("[copy](copy-code:ffffffffffffffff)")


def test_the_label_can_be_replaced_and_is_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(markdown, "COPY_CODE_LABEL", "Code <kopieren> & mehr")
    out = render_html("```\nx\n```\n")
    key = code_key("x\n")
    assert f'<a class="code-copy" href="copy-code:{key}">Code &lt;kopieren&gt; &amp; mehr</a>' in out


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_copy_link_finds_its_code(text: str) -> None:
    rendered = "".join(render_blocks(text))
    for key in re.findall(r'href="copy-code:([0-9a-f]{16})"', rendered):
        code = find_code_block(text, key)
        assert code is not None
        assert code_key(code + "\n") == key or code_key(code) == key
