"""Each answer stored once, and the search index's helper for short Korean, Chinese and Japanese words.

Answers: the Responses API's output items hold the answer's text again (the `output_text` parts of a
message, the `summary_text` parts of a reasoning item), next to the node's own `output_text` and
`reasoning_text`. The store keeps those texts once: `pack_output_items` replaces each part's text by
where it sits in the node's text (`"$text": ["o" or "r", start, end]`), `unpack_output_items` puts it
back on load. A part whose text is not found in order is kept as it was.

Search (migration 0006 only; since 0007 the pair index covers every script, see grams.py): `cjk_grams`
lists, for a document, the character pairs of its runs of CJK characters plus the last character of
each run (space-separated). Migration 0006's triggers call it, so it stays registered.
"""

from __future__ import annotations

import re
from typing import Any

JSON = dict[str, Any]

REF = "$text"
_SOURCES = {"message": ("content", "output_text", "o"), "reasoning": ("summary", "summary_text", "r")}

CJK_CHARS = (
    "\u1100-\u11ff"  # Hangul jamo
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3130-\u318f"  # Hangul compatibility jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\ua960-\ua97f"  # Hangul jamo extended-A
    "\uac00-\ud7af"  # Hangul syllables
    "\ud7b0-\ud7ff"  # Hangul jamo extended-B
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff66-\uffdc"  # halfwidth Katakana and Hangul
)
_CJK_ONLY = re.compile(f"[{CJK_CHARS}]+\\Z")
_CJK_ANY = re.compile(f"[{CJK_CHARS}]")
_CJK_PAIR = re.compile(f"(?=([{CJK_CHARS}]{{2}}))")
_CJK_END = re.compile(f"[{CJK_CHARS}](?![{CJK_CHARS}])")
SHORT_CJK = 2  # the longest word the pair index answers (longer ones use the trigram index)


def _source(item: Any) -> tuple[str, str, str] | None:
    kind = item.get("type") if isinstance(item, dict) else None
    return _SOURCES.get(kind) if isinstance(kind, str) else None


def pack_output_items(items: list[JSON], output_text: str, reasoning_text: str) -> list[JSON]:
    """The items with each text that the node's texts already hold replaced by a reference to it."""
    if not items:
        return items
    texts = {"o": output_text, "r": reasoning_text}
    cursors = {"o": 0, "r": 0}
    packed: list[JSON] = []
    for item in items:
        source = _source(item)
        parts = item.get(source[0]) if source else None
        if source is None or not isinstance(parts, list):
            packed.append(item)
            continue
        key, part_type, which = source
        new_parts: list[Any] = []
        for part in parts:
            text = part.get("text") if isinstance(part, dict) and part.get("type") == part_type else None
            if isinstance(text, str) and text and REF not in part:
                start = texts[which].find(text, cursors[which])
                if start >= 0:
                    end = start + len(text)
                    cursors[which] = end
                    part = {k: v for k, v in part.items() if k != "text"}
                    part[REF] = [which, start, end]
            new_parts.append(part)
        packed.append({**item, key: new_parts})
    return packed


def unpack_output_items(items: list[JSON], output_text: str, reasoning_text: str) -> list[JSON]:
    """The items as they were before pack_output_items (in place: they were just read)."""
    texts = {"o": output_text, "r": reasoning_text}
    for item in items:
        source = _source(item)
        parts = item.get(source[0]) if source else None
        if not isinstance(parts, list):
            continue
        for part in parts:
            ref = part.pop(REF, None) if isinstance(part, dict) else None
            if isinstance(ref, list) and len(ref) == 3:
                which, start, end = ref
                part["text"] = texts.get(which, "")[start:end]
    return items


def cjk_grams(*texts: str | None) -> str:
    """The CJK character pairs and run ends of the texts, distinct, sorted, space-separated."""
    grams: set[str] = set()
    for text in texts:
        if text and _CJK_ANY.search(text):
            grams.update(_CJK_PAIR.findall(text))  # overlapping pairs, found by the regex engine
            grams.update(_CJK_END.findall(text))
    return " ".join(sorted(grams))


def is_short_cjk(term: str) -> bool:
    """A term of 1-2 CJK characters: found through the pair index."""
    return 0 < len(term) <= SHORT_CJK and _CJK_ONLY.match(term) is not None
