"""Safe markdown rendering and the closed-prefix split used for streaming."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop_chat.core.content.markdown import (
    IncrementalMarkdown,
    is_safe_link,
    render_blocks,
    render_html,
    split_blocks,
    stable_prefix_length,
)

# -- safety ------------------------------------------------------------------------------------


def test_raw_html_is_shown_as_text() -> None:
    out = render_html('<script>alert(1)</script> <img src="https://evil.example/x.png"> <b>hi</b>')
    assert "<script" not in out and "<img" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;hi&lt;/b&gt;" in out


def test_images_become_links_and_are_never_embedded() -> None:
    out = render_html("See ![a *chart*](https://evil.example/leak?q=secret) here.")
    assert "<img" not in out
    assert '<a href="https://evil.example/leak?q=secret">[image: a chart]</a>' in out


def test_image_with_unsafe_scheme_is_plain_text() -> None:
    out = render_html("![x](foo:bar) ![](data:image/png;base64,AAAA)")
    assert "<img" not in out and "<a" not in out
    assert "[image: x]" in out


@pytest.mark.parametrize(
    "link",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](file:///etc/passwd)",
        "[click](data:text/html,<b>x</b>)",
        "[click](vbscript:msgbox)",
        "[click](myapp://do-something)",
        "[click](/relative/path)",
        "<foo:bar>",
    ],
)
def test_links_with_other_schemes_are_plain_text(link: str) -> None:
    out = render_html(f"before {link} after")
    assert "<a" not in out and "href" not in out
    assert "before" in out and "after" in out


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("[x](https://example.com/a?b=1&c=2)", "https://example.com/a?b=1&amp;c=2"),
        ("[x](http://example.com)", "http://example.com"),
        ("<https://example.com/auto>", "https://example.com/auto"),
    ],
)
def test_http_https_links_are_kept(source: str, href: str) -> None:
    assert f'<a href="{href}">' in render_html(source)


def test_mailto_and_other_schemes_are_plain_text() -> None:
    out = render_html("[mail me](mailto:someone@example.com) [run](javascript:alert(1))")
    assert "<a" not in out and "mail me" in out and "run" in out


def test_unsafe_link_then_safe_link_in_one_paragraph() -> None:
    out = render_html("[a](myapp:x) and [b](https://ok.example)")
    assert out == '<p>a and <a href="https://ok.example">b</a></p>\n'


def test_is_safe_link() -> None:
    assert is_safe_link("https://a.example") and is_safe_link("HTTP://a.example")
    assert not is_safe_link("javascript:alert(1)") and not is_safe_link("file:///x")
    assert not is_safe_link("") and not is_safe_link("//host/x")


def test_reference_definitions_are_text() -> None:
    # A definition arriving later would change links rendered long before: not supported.
    out = render_html("[site]\n\n[site]: https://example.com")
    assert "<a" not in out and "[site]: https://example.com" in out


# -- structure ---------------------------------------------------------------------------------


def test_code_fence_is_a_frame_with_language_copy_link_and_token_classes() -> None:
    out = render_html("```python\ndef f(x):\n    return x < 2\n```\n")
    assert out.startswith('<table class="code"') and out.rstrip().endswith("</pre></td></tr></table>")
    # the header row, at the top right: the language, then the copy link; the code below it
    head = out[: out.index("<pre")]
    assert '<td class="code-head" align="right"><span class="code-lang">python</span>' in head
    assert '<a class="code-copy" href="copy-code:57fc69846b1befb1">' in head
    # token families as classes, no colours: the view's theme colours them
    assert '<span class="hl-k">def</span>' in out and '<span class="hl-k">return</span>' in out
    assert "color" not in out and "&lt;" in out and "<code" not in out
    assert "border-collapse" not in out  # drawn borders made painting ~10x slower


def test_unknown_language_is_plain_escaped() -> None:
    out = render_html("```nosuchlang\na <b> & c\n```\n")
    assert '<pre class="code">a &lt;b&gt; &amp; c</pre>' in out


def test_tables_use_attributes_qt_understands() -> None:
    out = render_html("| a | b |\n|:--|--:|\n| 1 | 2 |\n")
    assert '<table class="md" cellspacing="1" cellpadding="6">' in out
    assert '<th class="md" align="left">a</th>' in out and '<td class="md" align="right">2</td>' in out
    assert "text-align" not in out


def test_block_quote_is_a_cell_with_a_bar() -> None:
    out = render_html("> quoted **text**\n> more\n")
    assert out.startswith('<table class="quote" width="100%"')
    assert '<td class="quote-bar" width="3"></td><td class="quote">' in out
    assert "<strong>text</strong>" in out and out.rstrip().endswith("</td></tr></table>")
    assert "<blockquote" not in out


def test_strikethrough_and_cjk() -> None:
    out = render_html("~~old~~ 새 답변 — 中文 **粗体**")
    assert "<s>old</s>" in out and "새 답변" in out and "<strong>粗体</strong>" in out


def test_empty_text() -> None:
    assert render_html("") == "" and stable_prefix_length("") == 0


# -- the closed prefix -------------------------------------------------------------------------


def test_last_block_of_complete_lines_is_open() -> None:
    text = "# Title\n\nFirst paragraph.\n\nSecond paragraph"
    # The unfinished last line could still turn out to continue "First paragraph." (say, in a list).
    assert text[stable_prefix_length(text) :] == "First paragraph.\n\nSecond paragraph"
    text += " ends.\n"
    assert text[stable_prefix_length(text) :] == "Second paragraph ends.\n"


def test_incomplete_last_line_does_not_close_a_block() -> None:
    # "***" after a paragraph is a rule and closes it, but "***a" is paragraph text: wait for the newline.
    assert stable_prefix_length("foo\n***") == 0
    assert stable_prefix_length("foo\n***\n") == 4
    assert render_html("foo\n***a") == "<p>foo\n***a</p>\n"


def test_unclosed_fence_stays_open_until_closed() -> None:
    text = "Intro\n\n```python\nx = 1\n\n# not a heading\n"
    assert text[stable_prefix_length(text) :].startswith("```python")
    closed = text + "```\nAfter.\n"
    assert closed[stable_prefix_length(closed) :] == "After.\n"


def test_crlf_line_breaks() -> None:
    text = "a\r\n\r\nb\r\n\r\nc\r"
    k = stable_prefix_length(text)
    assert text[k:] == "b\r\n\r\nc\r"  # a lone \r at the end may yet be the start of \r\n
    assert render_html(text[:k]) + render_html(text[k:]) == render_html(text)


LINES = [
    "",
    "",
    "   ",
    "# Heading",
    "## 제목 둘",
    "### 标题",
    "Plain paragraph text.",
    "More *emphasis* and **strong** and `code`.",
    "한국어 문장입니다. 中文句子。",
    "A [link](https://example.com) and ![img](https://example.com/i.png).",
    "- item",
    "* star item",
    "+ plus",
    "  - nested item",
    "    deeper continuation",
    "1. first",
    "2. second",
    "3) paren",
    "10. ten",
    "```",
    "```python",
    "~~~",
    "def f(): return 1",
    "| a | b |",
    "|---|---|",
    "| 1 | 2 |",
    "a | b",
    "> quoted",
    "> - quoted item",
    ">",
    "---",
    "***",
    "===",
    "    indented code",
    "\tTabbed",
    "<div>raw</div>",
    "[ref]: https://example.com",
    "~~strike~~",
    # lines whose meaning changes as they grow: a rule, a heading, a list item, a fence
    "***not a rule",
    "---x",
    "#hashtag",
    "-dash",
    "1.5 litres",
    "```js and more ``` inline",
    # math: inline, display blocks that may or may not close, prices that are not math
    "Energy $E=mc^2$ and \\(a+b\\) inline",
    "$$",
    "\\frac{a}{b}",
    "$$x^2$$",
    "\\[",
    "\\]",
    "It costs $5 and $10.",
    "$$ a = b $$ in a line",
]

texts = st.builds(
    lambda lines, newline, tail: newline.join(lines) + tail,
    st.lists(st.sampled_from(LINES), max_size=25),
    st.sampled_from(["\n", "\n", "\n", "\r\n"]),
    st.sampled_from(["", "", "\n", "\n\n", " partial", "\n- ", "\n``", "\n|-", "\r"]),
)


def split_render(text: str, k: int) -> str:
    return render_html(text[:k]) + render_html(text[k:])


@settings(max_examples=400, deadline=None)
@given(texts)
def test_closed_prefix_renders_the_same_alone(text: str) -> None:
    k = stable_prefix_length(text)
    assert 0 <= k <= len(text)
    assert split_render(text, k) == render_html(text)


@settings(max_examples=600, deadline=None)
@given(texts, st.data())
@example("foo\n***a", None)
def test_closed_prefix_never_shrinks_and_stays_closed(text: str, data: st.DataObject | None) -> None:
    cut = 7 if data is None else data.draw(st.integers(0, len(text)))
    earlier = text[:cut]
    k_earlier = stable_prefix_length(earlier)
    assert k_earlier <= stable_prefix_length(text)
    # What was closed in the shorter text renders the same inside the longer one.
    assert split_render(text, k_earlier) == render_html(text)


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.integers(1, 12), max_size=40))
def test_incremental_feed_matches_a_full_render(text: str, steps: list[int]) -> None:
    inc = IncrementalMarkdown()
    closed_html = ""
    end = 0
    for step in [*steps, len(text)]:
        end = min(len(text), end + step)
        newly_closed, tail = inc.feed(text[:end])
        closed_html += newly_closed
        assert closed_html + tail == render_html(text[:end])


@settings(max_examples=300, deadline=None)
@given(texts)
def test_blocks_render_alone_as_they_do_together(text: str) -> None:
    pieces = split_blocks(text)
    assert "".join(pieces) == text
    assert "".join(render_blocks(text)) == render_html(text)


@settings(max_examples=300, deadline=None)
@given(texts, st.lists(st.integers(1, 12), max_size=40))
def test_a_stream_yields_the_same_blocks_however_it_arrives(text: str, steps: list[int]) -> None:
    inc = IncrementalMarkdown()
    blocks: list[str] = []
    end = 0
    for step in steps:
        end = min(len(text), end + step)
        closed, _tail = inc.feed_blocks(text[:end])
        blocks += closed
    blocks += inc.finish(text)
    assert blocks == render_blocks(text)
    assert inc.finish(text) == []


def test_split_blocks() -> None:
    text = "# a\n\npara\n\n- x\n- y\n\n| a |\n|-|\n| 1 |\nfoo"
    assert split_blocks(text) == ["# a\n\n", "para\n\n", "- x\n- y\n\n", "| a |\n|-|\n| 1 |\nfoo"]
    assert split_blocks("\n\nlead blank lines") == ["\n\nlead blank lines"]


def test_incremental_rejects_text_that_did_not_grow() -> None:
    inc = IncrementalMarkdown()
    inc.feed("# a\n\nb\n\nc")
    with pytest.raises(ValueError):
        inc.feed("# x\n\nb")
    inc.reset()
    assert inc.feed("# x\n\nb\n\nc") == ("<h1>x</h1>\n", "<p>b</p>\n<p>c</p>\n")


def big_answer(size: int) -> str:
    parts = [
        "## Section\n\nProse with **bold**, `code` and a [link](https://example.com). 한국어 문장.\n\n",
        "- one\n- two\n  - nested\n\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n",
        "```python\nfor i in range(3):\n    print(i)\n```\n\n",
    ]
    out = ""
    while len(out) < size:
        out += "".join(parts)
    return out


def test_incremental_cost_follows_the_tail_not_the_text() -> None:
    text = big_answer(40_000) + "A growing last paragraph that is still"
    inc = IncrementalMarkdown()
    inc.feed(text)  # the closed part is rendered once here
    best = float("inf")
    for i in range(5):  # the best of a few runs: robust against a busy machine
        start = time.perf_counter()
        closed, tail = inc.feed(text + " more" * (i + 1))
        best = min(best, time.perf_counter() - start)
        assert closed == "" and tail.startswith('<table class="code"') and tail.endswith("</p>\n")
    assert best < 0.002


def test_quotes_deeper_than_the_bar_depth_are_plain_blocks() -> None:
    # nested quote tables cost Qt time that grows steeply with depth: past the bar depth, plain blocks
    from desktop_chat.core.content.markdown import QUOTE_BAR_DEPTH, render_html

    deep = "".join("> " * d + f"level {d}\n" for d in range(1, 8))
    html = render_html(deep)
    assert html.count('<table class="quote"') == QUOTE_BAR_DEPTH
    assert html.count("<blockquote") == 7 - QUOTE_BAR_DEPTH
    assert html.count("<table") == html.count("</table>")
    assert html.count("<blockquote") == html.count("</blockquote>")
    assert "level 7" in html
