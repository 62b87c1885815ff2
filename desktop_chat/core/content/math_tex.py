"""LaTeX math in answers: finding it in markdown, naming it for the view, and typesetting it to SVG.

Delimiters: `$…$` and `\\(…\\)` inline; `$$…$$` and `\\[…\\]` display (on lines of their own, a block;
inside a paragraph, a display formula in the line). `$` follows Pandoc's rule so prices stay text: the
opening `$` is followed by a non-space, the closing `$` follows a non-space and is not followed by a
digit ("$5 and $10" is not math). A `$$`/`\\[` line opens a block like a fence does: it runs to its
closing marker, a blank line or the end of the text, and shows as plain text while it has no closing
marker (so a block closed while streaming never changes).

A formula becomes `<img src="math:i/<source>">` (`d/` for display): the source is in the URL
(base64url), so the view needs no table to find it; the image is typeset by the view from the source
(off the GUI thread: ziamath takes 10–50 ms a formula). A formula whose braces or environments do not
balance is shown as code at once, as written.

`typeset_svg` runs in a worker process (pure Python; no network, no TeX): ziamath, black on
transparent; the view colours it for its theme.
"""

from __future__ import annotations

import base64
import html
import re
import warnings
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

MATH_SCHEME = "math"
MAX_SOURCE = 4000  # longer formulas are shown as code (typesetting time grows with length)
_ENV = re.compile(r"\\(begin|end)\s*\{([^{}]*)\}")


def math_url(source: str, display: bool) -> str:
    """`math:i/<base64url of the source>` (`d/` for display math)."""
    payload = base64.urlsafe_b64encode(source.encode("utf-8", "surrogatepass")).decode("ascii").rstrip("=")
    return f"{MATH_SCHEME}:{'d' if display else 'i'}/{payload}"


def parse_math_url(url: str) -> tuple[str, bool] | None:
    """(source, display) of a `math:` URL (or of its path), None if it is not one."""
    path = url.removeprefix(f"{MATH_SCHEME}:")
    kind, _, payload = path.partition("/")
    if kind not in ("i", "d") or not payload:
        return None
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        return raw.decode("utf-8", "surrogatepass"), kind == "d"
    except ValueError:
        return None


def looks_valid(source: str) -> bool:
    """A quick check that typesetting can work: braces and \\begin/\\end balance, no dangling ^ or _."""
    if not source.strip() or len(source) > MAX_SOURCE:
        return False
    depth, i = 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
        i += 1
    if depth:
        return False
    stripped = source.rstrip()
    if stripped.endswith(("^", "_")) and not stripped.endswith(("\\^", "\\_")):
        return False
    stack: list[str] = []
    for kind, name in _ENV.findall(source):
        if kind == "begin":
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def delimited(source: str, display: bool) -> str:
    """The formula as the user would type it back: `$…$` or `$$…$$`."""
    return f"$${source}$$" if display else f"${source}$"


def math_html(source: str, display: bool, block: bool = False) -> str:
    """A formula as an image the view typesets (a centred paragraph when `block`); as code when it
    cannot be typeset."""
    source = source.strip()
    shown = html.escape(delimited(source, display), quote=True)
    if not looks_valid(source):
        code = f'<code class="math-error">{html.escape(delimited(source, display), quote=False)}</code>'
        return f"<p>{code}</p>\n" if block else code
    img = f'<img class="math" src="{math_url(source, display)}" alt="{shown}" title="{shown}" />'
    return f'<p align="center">{img}</p>\n' if block else img


# -- markdown-it rules -------------------------------------------------------------------------------


def _escaped(src: str, pos: int) -> bool:
    backslashes = 0
    while pos > 0 and src[pos - 1] == "\\":
        backslashes += 1
        pos -= 1
    return backslashes % 2 == 1


def _closing_dollar(src: str, start: int, end: int) -> int:
    """Position of the `$` that closes inline math opened before `start`, or -1."""
    pos = start
    while True:
        pos = src.find("$", pos, end)
        if pos < 0:
            return -1
        if (
            not _escaped(src, pos)
            and not src[pos - 1].isspace()
            and not (pos + 1 < end and src[pos + 1].isdigit())
        ):
            return pos
        pos += 1


def _inline_math(state: StateInline, silent: bool) -> bool:
    src, pos, end = state.src, state.pos, state.posMax
    if src.startswith("$$", pos):
        close = src.find("$$", pos + 2, end)
        while close >= 0 and _escaped(src, close):
            close = src.find("$$", close + 1, end)
        if close < 0 or not src[pos + 2 : close].strip():
            return False
        content, display, after = src[pos + 2 : close], True, close + 2
    elif src[pos] == "$":
        if _escaped(src, pos) or pos + 1 >= end or src[pos + 1].isspace():
            return False
        close = _closing_dollar(src, pos + 2, end)
        if close < 0:
            return False
        content, display, after = src[pos + 1 : close], False, close + 1
    elif src.startswith(("\\(", "\\["), pos):
        closer = "\\)" if src[pos + 1] == "(" else "\\]"
        close = src.find(closer, pos + 2, end)
        if close < 0 or not src[pos + 2 : close].strip():
            return False
        content, display, after = src[pos + 2 : close], closer == "\\]", close + 2
    else:
        return False
    if not silent:
        token = state.push("math_display_inline" if display else "math_inline", "img", 0)
        token.content = content
    state.pos = after
    return True


def _block_math(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A `$$`/`\\[` block, like a fence: it runs to its closing marker, a blank line or the end.

    Unclosed, it is still one block (shown as the text it is): were its lines parsed as other blocks
    until the marker arrived, the blocks before them would close and then change.
    """
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    begin = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[begin : state.eMarks[start_line]]
    if line.startswith("$$"):
        closer = "$$"
    elif line.startswith("\\["):
        closer = "\\]"
    else:
        return False
    first = line[2:].rstrip()
    closed = False
    next_line = start_line
    if first.endswith(closer) and first.strip() != closer[0]:  # "$$x$$" on one line
        parts, closed = [first[: -len(closer)]], True
    elif closer in first:  # "$$a$$ and more": a paragraph with a formula in it
        return False
    else:
        parts = [first]
        while next_line + 1 < end_line:
            text = state.src[
                state.bMarks[next_line + 1] + state.tShift[next_line + 1] : state.eMarks[next_line + 1]
            ]
            if not text.strip():
                break
            next_line += 1
            if text.rstrip().endswith(closer):
                parts.append(text.rstrip()[: -len(closer)])
                closed = True
                break
            parts.append(text)
    if silent:
        return True
    state.line = next_line + 1
    token = state.push("math_block", "img", 0)
    token.block = True
    token.content = "\n".join(parts)
    token.info = "" if closed and "".join(parts).strip() else "open"
    token.markup = closer
    token.map = [start_line, state.line]
    return True


def _render_inline(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    return math_html(tokens[idx].content, False)


def _render_display_inline(
    self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    return math_html(tokens[idx].content, True)  # typeset as display, within the line


def _render_block(self: Any, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    if token.info == "open":  # no closing marker (yet): the lines as written
        opener = "$$" if token.markup == "$$" else "\\["
        lines = [opener + token.content.split("\n", 1)[0], *token.content.split("\n")[1:]]
        return "<p>" + "<br />".join(html.escape(line, quote=False) for line in lines) + "</p>\n"
    return math_html(token.content, True, block=True)


def math_plugin(md: MarkdownIt, render: bool = True) -> None:
    """Add the math rules to a parser (and their HTML, when `render`)."""
    md.inline.ruler.before("escape", "math_inline", _inline_math)
    md.block.ruler.before(
        "fence", "math_block", _block_math, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    if render:
        md.add_render_rule("math_inline", _render_inline)
        md.add_render_rule("math_display_inline", _render_display_inline)
        md.add_render_rule("math_block", _render_block)


# -- typesetting (in a worker process) -------------------------------------------------------------


def typeset_svg(source: str, display: bool, size: float) -> str:
    """The formula as SVG (black, `size` px font), typeset by ziamath; raises ValueError if it cannot be."""
    with warnings.catch_warnings():  # ziafont still uses importlib.resources.path (deprecated)
        warnings.simplefilter("ignore", DeprecationWarning)
        import ziamath  # here: importing it takes ~0.4 s, and only the worker process needs it

        ziamath.config.svg2 = False  # plain paths: Qt's SVG renderer (SVG Tiny) draws no <symbol>/<use>
        try:
            return str(ziamath.Latex(source, size=size, inline=not display).svg())
        except Exception as exc:  # ziamath and latex2mathml raise many kinds of errors on bad input
            raise ValueError(f"{type(exc).__name__}: {exc}") from None
