"""Syntax highlighting for code blocks: HTML with a few token classes, coloured by the view's theme.

The HTML names token families (`<span class="hl-k">` for keywords…), never colours, so a rendered block
is the same in every theme and the view's style sheet colours it (`token_styles` reads a Pygments style
for each family). Few families, few CSS rules: Qt matches every element against every rule of the
document's style sheet, so a full Pygments sheet (~70 rules) makes every insert slower.
"""

from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from typing import Any

from pygments.lexers import get_lexer_by_name
from pygments.styles import get_style_by_name
from pygments.token import Comment, Error, Generic, Keyword, Name, Number, Operator, String, Token, _TokenType
from pygments.util import ClassNotFound

# class → the token type whose style colours the family (a token belongs to its nearest listed ancestor)
FAMILIES: dict[str, _TokenType] = {
    "hl-k": Keyword,
    "hl-kc": Keyword.Constant,
    "hl-b": Name.Builtin,
    "hl-f": Name.Function,
    "hl-c": Name.Class,
    "hl-d": Name.Decorator,
    "hl-t": Name.Tag,
    "hl-a": Name.Attribute,
    "hl-s": String,
    "hl-n": Number,
    "hl-m": Comment,
    "hl-o": Operator.Word,
    "hl-gd": Generic.Deleted,
    "hl-gi": Generic.Inserted,
    "hl-gh": Generic.Heading,
    "hl-e": Error,
}
_CLASS_OF: dict[_TokenType, str] = {token: name for name, token in FAMILIES.items()}


@functools.lru_cache(maxsize=1024)
def _family(token: _TokenType) -> str:
    while token is not Token and token is not None:
        name = _CLASS_OF.get(token)
        if name is not None:
            return name
        token = token.parent
    return ""


@functools.lru_cache(maxsize=64)
def _lexer(lang: str) -> Any:
    """A Pygments lexer by name, looked up once per language (the lookup costs milliseconds)."""
    try:
        return get_lexer_by_name(lang, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def language_of(info: str) -> str:
    """The language word of a fence's info string ("python {.x}" → "python")."""
    return info.strip().split(maxsplit=1)[0] if info.strip() else ""


def highlight_html(code: str, lang: str) -> str:
    """`code` as escaped HTML with a span per run of one token family; plain text for unknown languages."""
    lexer = _lexer(lang.lower()) if lang else None
    if lexer is None:
        return html.escape(code, quote=False)
    out: list[str] = []
    run_class, run = "", list[str]()
    for token, value in lexer.get_tokens(code):
        name = _family(token)
        if name != run_class and run:
            text = html.escape("".join(run), quote=False)
            out.append(f'<span class="{run_class}">{text}</span>' if run_class else text)
            run = []
        run_class = name
        run.append(value)
    if run:
        text = html.escape("".join(run), quote=False)
        out.append(f'<span class="{run_class}">{text}</span>' if run_class else text)
    return "".join(out)


@dataclass(frozen=True)
class TokenStyle:
    color: str  # "#rrggbb", or "" for the code's text colour
    bold: bool = False
    italic: bool = False


@functools.lru_cache(maxsize=8)
def token_styles(style_name: str) -> dict[str, TokenStyle]:
    """Each family's colour and weight in a Pygments style."""
    style = get_style_by_name(style_name)
    out: dict[str, TokenStyle] = {}
    for name, token in FAMILIES.items():
        spec = style.style_for_token(token)
        color = f"#{spec['color']}" if spec.get("color") else ""
        out[name] = TokenStyle(color, bool(spec.get("bold")), bool(spec.get("italic")))
    return out
