"""Full-text search across every conversation: prompts, answers and titles.

The index is the FTS5 table `search_index` (trigram tokenizer, kept in sync by triggers; see
migration 0003). Any user input is safe: it is split into terms (a "quoted phrase" is one term), each
term is matched literally as a substring — never parsed as FTS syntax. Terms of 3+ characters use the
trigram index; shorter ones (e.g. the two-syllable Korean word 나무) cannot, and are matched with
LIKE instead. Every term must occur in the same document (a node's prompt + answer, or a title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop_chat.core.conversation.store import Store

TRIGRAM = 3  # the shortest term the trigram index can find
MAX_TERMS = 16
MAX_TERM_CHARS = 200
SNIPPET_CHARS = 160
CANDIDATES = 1000  # the newest matches that are ranked

_TERM = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True)
class SearchHit:
    conversation_id: str
    node_id: str | None  # the matching node; None for a title match (open the conversation as it was)
    title: str
    snippet: str  # the matching text in context, whitespace collapsed, "…" where cut
    rank: float  # lower is better (bm25); 0.0 when only short terms were searched
    field: str = "answer"  # where it matched: "prompt", "answer" or "title"
    highlights: tuple[tuple[int, int], ...] = ()  # (start, end) of matches in snippet


def parse_terms(query: str) -> list[str]:
    """The query's terms: words, or "quoted phrases"; duplicates dropped, at most MAX_TERMS."""
    terms: list[str] = []
    for match in _TERM.finditer(query):
        # NUL ends an FTS5 query string early: never part of a term
        term = (match.group(1) or match.group(2) or "").replace("\x00", "").strip()[:MAX_TERM_CHARS]
        if term and term.casefold() not in {t.casefold() for t in terms}:
            terms.append(term)
    return terms[:MAX_TERMS]


def fts_phrase(term: str) -> str:
    """A term as an FTS5 string: a literal, whatever characters it holds."""
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(store: Store, query: str, limit: int = 50) -> list[SearchHit]:
    """The best `limit` matches for `query` across all conversations (empty query: none)."""
    terms = parse_terms(query)
    if not terms or limit <= 0:
        return []
    indexed = [t for t in terms if len(t) >= TRIGRAM]
    short = [t for t in terms if len(t) < TRIGRAM]
    where: list[str] = []
    params: list[Any] = []
    if indexed:
        where.append("search_index MATCH ?")
        params.append(" AND ".join(fts_phrase(t) for t in indexed))
    for term in short:
        where.append(
            "(s.prompt LIKE ? ESCAPE '\\' OR s.answer LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\')"
        )
        params.extend([_like_pattern(term)] * 3)
    # Rank only the CANDIDATES newest matches: the time stays bounded however large the store grows
    # (ranking every match of a common word costs ~5 ms per 1,000 matching turns).
    rank = "bm25(search_index, 1.0, 1.0, 2.0)" if indexed else "0.0"
    sql = (
        "SELECT d.conversation_id, d.node_id, c.title, s.prompt, s.answer, s.title, h.score FROM ("
        f"SELECT rowid AS doc, {rank} AS score FROM search_index AS s WHERE {' AND '.join(where)} "
        f"ORDER BY rowid DESC LIMIT {CANDIDATES:d}) AS h "
        "JOIN search_index AS s ON s.rowid = h.doc JOIN search_docs AS d ON d.id = h.doc "
        "JOIN conversations AS c ON c.id = d.conversation_id "
        "ORDER BY h.score, d.node_id <> '', h.doc DESC LIMIT ?"  # on a tie: titles, then newest
    )
    params.append(int(limit))
    rows = store._conn.execute(sql, params).fetchall()
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    hits: list[SearchHit] = []
    for conversation_id, node_id, title, prompt, answer, title_text, score in rows:
        if node_id:
            field_name, text = _best_field(pattern, prompt, answer)
        else:
            field_name, text = "title", title_text
        snippet, spans = make_snippet(text, pattern)
        hits.append(
            SearchHit(
                conversation_id=conversation_id,
                node_id=node_id or None,
                title=title,
                snippet=snippet,
                rank=float(score),
                field=field_name,
                highlights=spans,
            )
        )
    return hits


def _best_field(pattern: re.Pattern[str], prompt: str, answer: str) -> tuple[str, str]:
    """The field with the most distinct terms found (the prompt on a tie)."""

    def found(text: str) -> int:
        return len({m.group(0).casefold() for m in pattern.finditer(text)})

    return ("prompt", prompt) if found(prompt) >= found(answer) and prompt else ("answer", answer)


def make_snippet(
    text: str, pattern: re.Pattern[str], width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text around the first match, whitespace collapsed, with the matches' spans in it."""
    flat = " ".join(text.split())
    first = pattern.search(flat)
    start = 0
    if first is not None and first.start() > width // 3:
        start = first.start() - width // 3
        space = flat.find(" ", start, min(start + 12, first.start()))  # begin at a word
        start = space + 1 if space >= 0 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", end - 12, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    body = flat[start:end]
    offset = len(prefix)
    spans = tuple((m.start() + offset, m.end() + offset) for m in pattern.finditer(body))
    return prefix + body + suffix, spans
