"""Tokens: counting a ~10k-token draft per keystroke, and chunked counts against a full count.

The draft is markdown with prose, lists, tables, code and Korean/Chinese lines (bench_render.answer)
grown to --tokens tokens of o200k_base. Each simulated keystroke appends one character and counts the
whole draft with desktop_chat.core.content.tokens.count_tokens (what a composer would call). The encoding is
built once before timing. Chunked: the draft split into paragraphs (each keeping its trailing blank
line), counted one by one and summed, must equal the count of the whole.

    python benchmarks/bench_tokens.py [--tokens 10000] [--keystrokes 200]
Prints one JSON object (the last line of stdout).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from typing import Any

from bench_render import answer

from desktop_chat.core.content import tokens

TYPED = "and then a few more words typed at the end of the draft, one key at a time. "


def draft(target_tokens: int) -> str:
    size = target_tokens * 3
    text = answer(size)
    while tokens.count_tokens(text) < target_tokens:
        size = int(size * 1.1)
        text = answer(size)
    return text


def paragraphs(text: str) -> list[str]:
    """The text cut after each blank line (the pieces join back to the text)."""
    return [piece for piece in re.split(r"(?<=\n\n)", text) if piece]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tokens", type=int, default=10_000)
    parser.add_argument("--keystrokes", type=int, default=200)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    tokens.encoding()
    build_s = time.perf_counter() - start
    text = draft(args.tokens)
    full = tokens.count_tokens(text)

    per_key: list[float] = []
    for i in range(args.keystrokes):
        text += TYPED[i % len(TYPED)]
        start = time.perf_counter()
        tokens.count_tokens(text)
        per_key.append(time.perf_counter() - start)

    base = draft(args.tokens)
    pieces = paragraphs(base)
    chunked = sum(tokens.count_tokens(piece) for piece in pieces)
    whole = tokens.count_tokens(base)
    results = {
        "draft_tokens": full,
        "draft_chars": len(text),
        "encoding_build_s": round(build_s, 3),
        "draft_count_ms_at_10k_tokens": round(statistics.median(per_key) * 1000, 3),
        "draft_count_ms_p95_at_10k_tokens": round(sorted(per_key)[int(0.95 * (len(per_key) - 1))] * 1000, 3),
        "chunked_count_chunks": len(pieces),
        "chunked_count_diff": chunked - whole,
        "chunked_count_equals_full": int(chunked == whole),
    }
    print(json.dumps(results))
    return results


if __name__ == "__main__":
    main()
