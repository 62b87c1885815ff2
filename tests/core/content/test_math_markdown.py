"""LaTeX in answers: which text is math, how it is named for the view, and what stays text."""

from __future__ import annotations

import io
import json
import re

import pytest

from desktop_chat.core.content.markdown import IncrementalMarkdown, render_blocks, render_html
from desktop_chat.core.content.math_tex import looks_valid, math_url, parse_math_url
from desktop_chat.core.content.math_worker import serve

IMG = re.compile(r'<img class="math" src="(math:[^"]+)" alt="([^"]*)"')


def formulas(out: str) -> list[tuple[str, bool]]:
    found = []
    for url, _ in IMG.findall(out):
        parsed = parse_math_url(url)
        assert parsed is not None
        found.append(parsed)
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Energy $E=mc^2$ here.", [("E=mc^2", False)]),
        ("Inline \\(a+b\\) too.", [("a+b", False)]),
        ("A line with \\[x^2\\] display.", [("x^2", True)]),
        ("$$\\frac{a}{b}$$", [("\\frac{a}{b}", True)]),
        ("$$\n\\sum_{i=1}^n i\n$$\n", [("\\sum_{i=1}^n i", True)]),
        ("\\[\n\\int_0^1 x\\,dx\n\\]\n", [("\\int_0^1 x\\,dx", True)]),
        ("Powers like $2^{10}$ work.", [("2^{10}", False)]),
    ],
)
def test_each_delimiter_makes_a_formula(text: str, expected: list[tuple[str, bool]]) -> None:
    assert formulas(render_html(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It costs $5 and $10.",
        "Between $5 and $10 a month, or $20 a year.",
        "Prices: $5/$10.",
        "A $ sign alone, and an escaped \\$x\\$.",
        "`$x$` in code",
        "```\n$$x$$\n```\n",
    ],
)
def test_currency_escapes_and_code_are_not_math(text: str) -> None:
    out = render_html(text)
    assert "<img" not in out and "math:" not in out


def test_a_display_block_sits_in_a_centred_paragraph_of_its_own() -> None:
    out = render_html("Before.\n\n$$\nx^2\n$$\n\nAfter.")
    assert '<p align="center"><img class="math" src="' in out
    assert out.index("Before.") < out.index("math:d/") < out.index("After.")


def test_the_source_is_the_alt_text_and_tooltip_escaped() -> None:
    out = render_html('Look: $a<b & "c"$.')
    assert 'alt="$a&lt;b &amp; &quot;c&quot;$" title="$a&lt;b &amp; &quot;c&quot;$"' in out
    assert formulas(out) == [('a<b & "c"', False)]


@pytest.mark.parametrize("bad", ["$\\frac{a$ x", "$x^$ y", "$$\\begin{matrix} a$$", "$}{$ z"])
def test_invalid_latex_is_shown_as_code(bad: str) -> None:
    out = render_html(bad)
    assert "<img" not in out and '<code class="math-error">' in out


def test_math_urls_round_trip_any_text() -> None:
    for source in ["x", "\\frac{한}{中}", "a/b?c#d", "x" * 500]:
        for display in (False, True):
            url = math_url(source, display)
            assert re.fullmatch(r"math:[id]/[A-Za-z0-9_-]+", url)
            assert parse_math_url(url) == (source, display)
    assert parse_math_url("math:x/AAAA") is None and parse_math_url("https://x") is None


def test_looks_valid() -> None:
    assert looks_valid("\\frac{a}{b}") and looks_valid("\\{x\\}") and looks_valid("a^2")
    assert not looks_valid("\\frac{a") and not looks_valid("a}") and not looks_valid("x_")
    assert not looks_valid("\\begin{a}x\\end{b}") and not looks_valid("  ")


def test_an_unclosed_display_block_is_open_text_until_it_closes() -> None:
    """While `$$` waits for its end the lines are a paragraph: the open tail, never a closed block."""
    inc = IncrementalMarkdown()
    closed, tail = inc.feed("Intro.\n\n$$\n\\frac{a}{b}\n")
    assert "math:" not in closed + tail and "Intro." in closed
    closed, tail = inc.feed("Intro.\n\n$$\n\\frac{a}{b}\n$$\n\nNext\n")
    assert "math:d/" in closed
    text = "Intro.\n\n$$\n\\frac{a}{b}\n$$\n\nNext"
    assert "".join(render_blocks(text)) == render_html(text)


def test_the_worker_answers_each_request_in_order() -> None:
    requests = [
        {"id": 1, "source": "x^2", "display": False, "size": 14.0},
        {"id": 2, "source": "\\frac{1}{2}", "display": True, "size": 16.0},
        {"id": 3, "display": True},  # no source: an error, and the worker goes on
    ]
    stdin = io.BytesIO(b"".join(json.dumps(r).encode() + b"\n" for r in requests) + b"not json\n")
    stdout = io.BytesIO()
    assert serve(stdin, stdout) == 0
    replies = [json.loads(line) for line in stdout.getvalue().splitlines()]
    assert [r["id"] for r in replies] == [1, 2, 3]
    assert replies[0]["svg"].startswith("<svg") and "<symbol" not in replies[0]["svg"]  # Qt draws plain paths
    assert "error" in replies[2] and "svg" not in replies[2]
