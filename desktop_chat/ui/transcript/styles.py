"""The transcript's style sheet for a theme: what each class of the rendered HTML looks like.

The HTML (core.content.markdown, the transcript's own parts) names classes, never colours; this sheet
gives them colours, borders and spacing. Qt applies a document's default style sheet when HTML is
inserted, so the transcript renders afresh when the theme changes. Every rule names its element: Qt
indexes rules by element name, and tries a rule without one (".quiet") on every element inserted.
"""

from __future__ import annotations

import functools

from desktop_chat.core.content.highlight import token_styles
from desktop_chat.ui.theme import Scheme, readable


def _tokens(scheme: Scheme) -> str:
    rules = []
    for name, style in token_styles(scheme.pygments_style).items():
        parts = []
        if style.color:
            parts.append(f"color: {readable(style.color, scheme.code_bg)};")
        if style.bold:
            parts.append("font-weight: bold;")
        if style.italic:
            parts.append("font-style: italic;")
        if parts:
            rules.append(f"span.{name} {{ {' '.join(parts)} }}")
    return "\n".join(rules)


@functools.lru_cache(maxsize=4)
def document_css(scheme: Scheme) -> str:
    s = scheme
    return f"""
a {{ color: {s.link}; }}
code {{ background-color: {s.inline_code_bg}; color: {s.code_text}; }}
code.math-error {{ color: {s.error}; }}
img.math {{ vertical-align: middle; }}
pre {{ color: {s.code_text}; }}
pre.code {{ margin: 0px; white-space: pre-wrap; }}
table.code {{ margin-top: 6px; margin-bottom: 14px; }}
table.md {{ margin-top: 4px; margin-bottom: 14px; background-color: {s.table_border}; }}
table.code {{ background-color: {s.code_border}; }}
td.code-head {{ background-color: {s.code_head_bg}; }}
td.code-body {{ background-color: {s.code_bg}; padding: 10px; }}
span.code-lang {{ color: {s.muted}; font-size: small; }}
a.code-copy {{ color: {s.link}; font-size: small; text-decoration: none; }}
table.quote {{ margin-top: 6px; margin-bottom: 12px; }}
td.quote-bar {{ background-color: {s.quote_bar}; }}
td.quote {{ padding-left: 12px; color: {s.quote_text}; }}
th.md {{ background-color: {s.table_head_bg}; color: {s.text}; }}
td.md {{ background-color: {s.base}; }}
table.you {{ margin-top: 18px; margin-bottom: 6px; }}
td.you-bar {{ background-color: {s.prompt_title}; }}
td.you {{ background-color: {s.prompt_bg}; color: {s.text}; padding: 10px; }}
span.you-title {{ color: {s.prompt_title}; font-weight: bold; }}
span.role {{ font-weight: bold; }}
span.chip {{ background-color: {s.chip_bg}; color: {s.chip_text}; font-size: small; }}
span.quiet {{ color: {s.muted}; font-size: small; }}
p.quiet {{ color: {s.muted}; font-size: small; }}
span.muted {{ color: {s.muted}; }}
p.activity {{ color: {s.muted}; font-style: italic; }}
p.sources {{ color: {s.muted}; font-weight: bold; }}
p.error {{ color: {s.error}; }}
p.warning {{ color: {s.warning}; }}
p.notice {{ color: {s.notice}; }}
p.success {{ color: {s.success}; }}
a.reasoning {{ color: {s.reasoning_text}; }}
td.reasoning {{ background-color: {s.reasoning_bg}; color: {s.reasoning_text}; }}
pre.logs {{ background-color: {s.code_bg}; color: {s.code_text}; white-space: pre-wrap; }}
{_tokens(s)}
"""


def column_margin(viewport_width: int, char_width: int, chars: int) -> float:
    """The side margin that centres a column of `chars` average characters in the viewport (0 when the
    viewport is narrower than that)."""
    return max(0.0, (viewport_width - chars * char_width) / 2)
