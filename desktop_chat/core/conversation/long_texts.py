"""Long prompt texts are kept apart from their node's row (table `node_texts`).

SQLite rewrites a whole row when any column changes, so a 5 MB prompt in the row was written again
by every progress save of its answer (~50 ms and 5 MB of WAL each, twice a second). The row keeps
the text's first `PREVIEW_CHARS` characters (what search indexes and what a quick look needs) and
a reference; `join` puts the whole text back when the node is loaded.
"""

from __future__ import annotations

import uuid
from typing import Any

LONG_TEXT_CHARS = 16_000  # texts longer than this are kept apart
PREVIEW_CHARS = 8_000  # the start of a long text kept in the row
REF = "long_text"  # key of the reference, in the item (string content) or the part (text)

JSON = dict[str, Any]


def split(items: list[JSON]) -> tuple[list[JSON], list[tuple[str, str]]]:
    """Input items for the row (long texts cut to a preview, with a reference) and the texts kept
    apart as (id, text). Items without long texts are returned as they are (not copied)."""
    apart: list[tuple[str, str]] = []
    result: list[JSON] = []
    for item in items:
        result.append(_split_item(item, apart) if isinstance(item, dict) else item)
    return (result, apart) if apart else (items, [])


def _split_item(item: JSON, apart: list[tuple[str, str]]) -> JSON:
    content = item.get("content")
    if isinstance(content, str) and len(content) > LONG_TEXT_CHARS:
        ref = uuid.uuid4().hex
        apart.append((ref, content))
        return {**item, "content": content[:PREVIEW_CHARS], REF: ref}
    if not isinstance(content, list):
        return item
    parts: list[Any] = []
    changed = False
    for part in content:
        text = part.get("text") if isinstance(part, dict) else None
        if isinstance(text, str) and len(text) > LONG_TEXT_CHARS:
            ref = uuid.uuid4().hex
            apart.append((ref, text))
            parts.append({**part, "text": text[:PREVIEW_CHARS], REF: ref})
            changed = True
        else:
            parts.append(part)
    return {**item, "content": parts} if changed else item


def refs(items: list[Any]) -> list[str]:  # rows read from disk: anything
    """The references to texts kept apart in these row items."""
    found: list[str] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get(REF), str):
            found.append(item[REF])
        content = item.get("content")
        if isinstance(content, list):
            found += [p[REF] for p in content if isinstance(p, dict) and isinstance(p.get(REF), str)]
    return found


def join(items: list[Any], texts: dict[str, str]) -> list[Any]:  # rows read from disk: anything
    """Row items with their long texts put back (a missing text leaves the preview, never fails)."""
    result: list[JSON] = []
    for item in items:
        if not isinstance(item, dict):
            result.append(item)
            continue
        item = dict(item)
        ref = item.pop(REF, None)
        if isinstance(ref, str) and ref in texts and isinstance(item.get("content"), str):
            item["content"] = texts[ref]
        content = item.get("content")
        if isinstance(content, list):
            parts: list[Any] = []
            for part in content:
                if isinstance(part, dict) and REF in part:
                    part = dict(part)
                    part_ref = part.pop(REF)
                    if part_ref in texts:
                        part["text"] = texts[part_ref]
                parts.append(part)
            item["content"] = parts
        result.append(item)
    return result
