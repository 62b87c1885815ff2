"""Safe markdown → HTML for Qt's rich-text subset, and the split of a growing answer into closed blocks.

Model output is untrusted. `render_html` escapes all text, renders raw HTML as text, emits no `<img>` but
its own `math:` formulas (a markdown image becomes a link labelled "[image: alt]", so nothing is fetched
unless the user clicks), and keeps `<a href>` only for http and https; any other link is plain text.

The HTML names no colours: elements carry classes (`code`, `quote`, `md`, `hl-*` tokens, …) that the
view's style sheet colours for its theme, so one rendering serves light and dark alike. Qt's rich text
has no borders or padding on paragraphs: a code block is a framed table (a header row with the
language and the copy link at its top right, then the code), a block quote a table cell beside a bar.

Streaming: an answer grows at its end, and only its last top-level block can still change. The text
before that block (`stable_prefix_length`) renders the same on its own as inside the whole text, so
`render_html(t[:k]) + render_html(t[k:]) == render_html(t)`. `IncrementalMarkdown` uses that to render
each closed block once and re-parse only the open tail on every frame.

Link reference definitions (`[x]: http://…`) are switched off: one arriving at the end of an answer
would change links in blocks rendered long before, so no prefix could ever be final. They are shown
as text; inline links and autolinks work as usual.

Every code block (fenced or indented) has a "Copy code" link at its top right, `copy-code:<key>`, where
the key (`code_key`) is the first 16 hex digits of the SHA-1 of the block's content. The key depends on
the block alone, so the streaming invariants hold; `find_code_block(answer, key)` finds the code again
on a click.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from desktop_chat.core.content.highlight import highlight_html, language_of
from desktop_chat.core.content.math_tex import math_plugin

SAFE_LINK_SCHEMES = frozenset({"http", "https"})

# Qt's rich text: tables are the only boxes with borders and padding (see the module notes)
# Lines are the table's background showing between cells (cellspacing), a bar is a narrow coloured
# cell: Qt paints those as fills; drawn borders ("border-collapse") made a screen of tables ~10x slower.
_TABLE_OPEN = '<table class="md" cellspacing="1" cellpadding="6">\n'
_QUOTE_OPEN = (
    '<table class="quote" width="100%" cellspacing="0" cellpadding="0">'
    '<tr><td class="quote-bar" width="3"></td><td class="quote">\n'
)
_QUOTE_CLOSE = "</td></tr></table>\n"
# Quotes nested deeper than this are plain indented blocks: Qt lays out nested tables in time that grows
# steeply with depth (500 levels of quote tables did not finish in minutes; plain blocks take a second)
QUOTE_BAR_DEPTH = 2
_QUOTE_DEPTH = "quote_depth"
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")
# A line break as markdown-it counts them (it normalises \r\n and lone \r to \n before parsing).
_LINE_BREAK = re.compile(r"\r\n|\r(?!$)|\n")

COPY_CODE_SCHEME = "copy-code"
# The label of the copy link at the top right of each code block. Core has no Qt: the UI may set a
# translated label once, before anything is rendered (blocks rendered before and after a change would differ).
COPY_CODE_LABEL = "Copy code"


def is_safe_link(url: str) -> bool:
    """True for an absolute http or https URL: the only links the view will make clickable."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in SAFE_LINK_SCHEMES


def _new_parser() -> MarkdownIt:
    # commonmark's maxNesting of 20 silently drops deeper content; model output can nest deeper
    md = MarkdownIt("commonmark", {"html": False, "maxNesting": 1000}).enable(["table", "strikethrough"])
    md.disable("reference")
    math_plugin(md)
    return md


def _attr(token: Token, name: str) -> str:
    value = token.attrGet(name)
    return "" if value is None else str(value)


def code_key(content: str) -> str:
    """The key of a code block in `copy-code:` links: 16 hex digits of the SHA-1 of its exact content."""
    return hashlib.sha1(content.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()[:16]


def code_html(content: str, info: str) -> str:
    """A framed code block: the language and the "Copy code" link at its top right, then the highlighted
    code (the key is hex digits: nothing to escape)."""
    lang = language_of(info)
    label = html.escape(COPY_CODE_LABEL, quote=False)
    code = highlight_html(content.removesuffix("\n"), lang)
    shown_lang = f'<span class="code-lang">{html.escape(lang, quote=False)}</span> &nbsp; ' if lang else ""
    return (
        '<table class="code" width="100%" cellspacing="1" cellpadding="6">'
        f'<tr><td class="code-head" align="right">{shown_lang}'
        f'<a class="code-copy" href="{COPY_CODE_SCHEME}:{code_key(content)}">{label}</a></td></tr>'
        f'<tr><td class="code-body"><pre class="code">{code}</pre></td></tr></table>\n'
    )


def _render_fence(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    return code_html(token.content, token.info)


def _render_code_block(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return code_html(tokens[idx].content, "")


def _render_image(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    label = html.escape(f"[image: {alt}]" if alt else "[image]", quote=False)
    src = _attr(token, "src")
    if is_safe_link(src):
        return f'<a href="{html.escape(src)}">{label}</a>'
    return label


def _render_link_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    href = _attr(tokens[idx], "href")
    if is_safe_link(href):
        env["link_dropped"] = False
        return f'<a href="{html.escape(href)}">'
    env["link_dropped"] = True  # links do not nest: the next link_close is this link's
    return ""


def _render_link_close(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return "" if env.pop("link_dropped", False) else "</a>"


def _render_table_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return _TABLE_OPEN


def _render_cell_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    match = _ALIGN.search(_attr(token, "style"))
    align = f' align="{match.group(1)}"' if match else ""
    return f'<{token.tag} class="md"{align}>'


def _render_quote_open(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    depth = env[_QUOTE_DEPTH] = env.get(_QUOTE_DEPTH, 0) + 1
    return _QUOTE_OPEN if depth <= QUOTE_BAR_DEPTH else '<blockquote class="quote">\n'


def _render_quote_close(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    depth = env.get(_QUOTE_DEPTH, 1)
    env[_QUOTE_DEPTH] = depth - 1
    return _QUOTE_CLOSE if depth <= QUOTE_BAR_DEPTH else "</blockquote>\n"


def _build_renderer() -> MarkdownIt:
    md = _new_parser()
    md.add_render_rule("fence", _render_fence)
    md.add_render_rule("code_block", _render_code_block)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("th_open", _render_cell_open)
    md.add_render_rule("td_open", _render_cell_open)
    md.add_render_rule("blockquote_open", _render_quote_open)
    md.add_render_rule("blockquote_close", _render_quote_close)
    return md


_md = _build_renderer()
# Block structure only (no inline parsing): enough to find where top-level blocks start.
_md_blocks = _new_parser()
_md_blocks.core.ruler.disable(["inline", "text_join"])


def render_html(text: str) -> str:
    """Markdown → HTML in Qt's rich-text subset; safe for untrusted text (see the module notes)."""
    if not text:
        return ""
    try:
        return str(_md.render(text, {}))
    except RecursionError:  # absurdly deep nesting: show the text as it is rather than lose it
        return f'<p style="white-space:pre-wrap;">{html.escape(text, quote=False)}</p>\n'


def _block_starts(text: str) -> list[int]:
    """Offsets in `text` of the lines where its top-level blocks start (all lines taken as complete)."""
    line_starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
    try:
        tokens = _md_blocks.parse(text)
    except RecursionError:  # absurdly deep nesting: one block, shown as plain text by render_html
        return [0]
    return [
        line_starts[token.map[0]]
        for token in tokens
        if token.level == 0 and token.nesting >= 0 and token.map is not None
    ]


def find_code_block(text: str, key: str) -> str | None:
    """The code of the block of `text` whose `code_key` is `key`, as the block shows it; None if none is.

    The code is the block's content without its last line break (so a pasted line does not run at
    once in a terminal), the same text the rendered block shows.
    """
    if not text or not key:
        return None
    try:
        tokens = _md_blocks.parse(text)
    except RecursionError:  # absurdly deep nesting: rendered as plain text, so no code blocks shown
        return None
    for token in tokens:
        if token.type in ("fence", "code_block") and code_key(token.content) == key:
            return token.content.removesuffix("\n")
    return None


def stable_prefix_length(text: str) -> int:
    """Length of the prefix of `text` made of closed top-level blocks (ones more text cannot change).

    Only complete lines count (the last line may still grow: "***" is a rule, "***a" is not). Of those,
    everything from the start of the last top-level block on is the open tail: it may yet become a
    setext heading, a table, a longer list or fence. The prefix before it is final.
    """
    # the end of the last line break; a \r at the very end may be the first half of \r\n
    complete = max(text.rfind("\n"), text.rfind("\r", 0, len(text) - 1)) + 1
    if complete == 0:
        return 0
    starts = _block_starts(text[:complete])
    return starts[-1] if starts else 0


def split_blocks(text: str) -> list[str]:
    """`text` cut where each top-level block starts: pieces that render alone as they do together."""
    cuts = _block_starts(text)[1:]  # leading blank lines stay with the first block
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True) if a < b]


def render_blocks(text: str) -> list[str]:
    """The HTML of each top-level block of a finished text; joined, they equal `render_html(text)`."""
    return [out for out in map(render_html, split_blocks(text)) if out]


class IncrementalMarkdown:
    """Renders a growing markdown text: closed blocks once, the open tail on every call.

    `feed(full_text)` returns `(newly_closed_html, open_tail_html)`: the HTML of blocks that closed since
    the previous call (append it after what was returned before) and the HTML of the still-open tail
    (replace the previous tail with it). Work per call is proportional to the open tail, not the text.
    `feed_blocks` returns the closed part one block at a time, and `finish` closes everything: the
    blocks a stream produced are then exactly `render_blocks(full_text)`, however the text arrived.
    """

    def __init__(self) -> None:
        self._closed = ""

    @property
    def closed_length(self) -> int:
        """How many characters of the text are rendered for good."""
        return len(self._closed)

    @property
    def closed_text(self) -> str:
        return self._closed

    def reset(self) -> None:
        self._closed = ""

    def feed(self, full_text: str) -> tuple[str, str]:
        blocks, tail = self.feed_blocks(full_text)
        return "".join(blocks), tail

    def feed_blocks(self, full_text: str) -> tuple[list[str], str]:
        tail = self._tail(full_text)
        k = stable_prefix_length(tail)
        self._closed = full_text[: len(self._closed) + k]
        return (render_blocks(tail[:k]) if k else []), render_html(tail[k:])

    def finish(self, full_text: str) -> list[str]:
        """The text is final: the HTML of every block not returned as closed before, one per block."""
        tail = self._tail(full_text)
        self._closed = full_text
        return render_blocks(tail)

    def _tail(self, full_text: str) -> str:
        if not full_text.startswith(self._closed):
            raise ValueError("the text does not extend the text fed before; call reset() first")
        return full_text[len(self._closed) :]
