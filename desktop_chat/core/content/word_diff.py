"""A word-level diff of two answers, for comparing sibling branches."""

from __future__ import annotations

import difflib
import re
from typing import Literal

Op = Literal["equal", "insert", "delete"]
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def tokens(text: str) -> list[str]:
    """Words, runs of white space and single punctuation marks; joined they give the text back."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """How to turn `old` into `new`, as runs of equal, deleted and inserted text."""
    a, b = tokens(old), tokens(new)
    runs: list[tuple[Op, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            runs.append(("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(("insert", "".join(b[j1:j2])))
    return runs


def similarity(old: str, new: str) -> float:
    """0..1, the share of words the two texts have in common."""
    return difflib.SequenceMatcher(None, tokens(old), tokens(new), autojunk=False).ratio()
