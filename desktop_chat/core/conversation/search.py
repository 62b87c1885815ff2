"""Full-text search across every conversation: prompts, answers and titles.

The index is the FTS5 table `search_index` (trigram tokenizer, kept in sync by triggers; see
migration 0003). Any user input is safe: it is split into terms (a "quoted phrase" is one term), each
term is matched literally as a substring — never parsed as FTS syntax. Terms of 3+ characters use the
trigram index; shorter ones of Korean, Chinese or Japanese characters (e.g. the two-syllable Korean
word 나무) use the pair index `search_cjk` (migration 0006), other short ones are matched with LIKE.
Every term must occur in the same document (a node's prompt + answer, or a title).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_chat.core.conversation.migrations import register_functions
from desktop_chat.core.conversation.packing import is_short_cjk
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


def open_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection of its own to the store's file, usable from one other thread at a time."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    register_functions(conn)
    return conn


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


def search(store: Store | sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """The best `limit` matches for `query` across all conversations (empty query: none).

    `store` may be a Store or a connection of its own to the same file (see `open_reader`), e.g. on
    a thread that searches while the window goes on."""
    terms = parse_terms(query)
    if not terms or limit <= 0:
        return []
    conn = store if isinstance(store, sqlite3.Connection) else store._conn
    indexed = [t for t in terms if len(t) >= TRIGRAM]
    paired = [t for t in terms if len(t) < TRIGRAM and is_short_cjk(t)]
    short = [t for t in terms if len(t) < TRIGRAM and not is_short_cjk(t)]
    where: list[str] = []
    params: list[Any] = []
    pairs = " AND ".join(f"{fts_phrase(t)}*" if len(t) == 1 else fts_phrase(t) for t in paired)
    trigrams = " AND ".join(fts_phrase(t) for t in indexed)
    if indexed and paired:
        # Both indexes: their matches are intersected here (FTS5 would run the trigram query once per
        # pair match), newest first; these candidates are not ranked (bm25 needs the trigram query).
        docs = _both(conn, trigrams, pairs)
        if not docs:
            return []
        params.append(json.dumps(docs))
        source, rowid = "json_each(?) AS j JOIN search_index AS s ON s.rowid = j.value", "j.value"
        where.append("1")
        indexed = []
    elif indexed:
        where.append("search_index MATCH ?")
        params.append(trigrams)
        source, rowid = "search_index AS s", "s.rowid"
    elif paired:  # the pair index drives: newest first, without reading every document
        where.append("search_cjk MATCH ?")
        params.append(pairs)
        source = "search_cjk AS k JOIN search_index AS s ON s.rowid = k.rowid" if short else "search_cjk AS s"
        rowid = "k.rowid" if short else "s.rowid"
    else:  # short terms alone: the tables' own columns are scanned (cheap), then the matches checked
        source, rowid = f"({_RAW_MATCHES}) AS r JOIN search_index AS s ON s.rowid = r.doc", "r.doc"
        raw = json.dumps(short[0], ensure_ascii=False)[1:-1]  # as the term looks inside the JSON column
        params.extend([_like_pattern(short[0]), _like_pattern(raw), _like_pattern(short[0])])
    for term in short:
        where.append(
            "(s.prompt LIKE ? ESCAPE '\\' OR s.answer LIKE ? ESCAPE '\\' OR s.title LIKE ? ESCAPE '\\')"
        )
        params.extend([_like_pattern(term)] * 3)
    # Rank only the CANDIDATES newest matches: the time stays bounded however large the store grows
    # (ranking every match of a common word costs ~5 ms per 1,000 matching turns).
    rank = "bm25(search_index, 1.0, 1.0, 2.0)" if indexed else "0.0"
    # The best `limit` are chosen before any text is read: the text comes from the tables (through
    # the view), so it is fetched for the hits shown only.
    sql = (
        "SELECT d.conversation_id, d.node_id, c.title, s.prompt, s.answer, s.title, h.score FROM ("
        "SELECT h.doc, h.score, k.node_id <> '' AS is_turn FROM ("
        f"SELECT {rowid} AS doc, {rank} AS score FROM {source} WHERE {' AND '.join(where)} "
        f"ORDER BY {rowid} DESC LIMIT {CANDIDATES:d}) AS h JOIN search_docs AS k ON k.id = h.doc "
        "ORDER BY h.score, is_turn, h.doc DESC LIMIT ?) AS h "  # on a tie: titles, then newest
        "JOIN search_index AS s ON s.rowid = h.doc JOIN search_docs AS d ON d.id = h.doc "
        "JOIN conversations AS c ON c.id = d.conversation_id "
        "ORDER BY h.score, h.is_turn, h.doc DESC"
    )
    params.append(int(limit))
    rows = conn.execute(sql, params).fetchall()
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


# The documents whose stored columns hold a short term: what a short-terms-only search checks. The
# prompt is looked for in the raw JSON of the input items (the check that follows is exact).
_RAW_MATCHES = (
    "SELECT d.id AS doc FROM search_docs AS d JOIN nodes AS n ON n.id = d.node_id "
    "WHERE n.status <> 'streaming' "
    "AND (n.output_text LIKE ? ESCAPE '\\' OR n.input_items LIKE ? ESCAPE '\\') "
    "UNION ALL SELECT d.id FROM search_docs AS d JOIN conversations AS c ON c.id = d.conversation_id "
    "WHERE d.node_id = '' AND c.title LIKE ? ESCAPE '\\'"
)


def _both(conn: sqlite3.Connection, trigrams: str, pairs: str) -> list[int]:
    """The newest CANDIDATES documents matching both the trigram and the pair query."""
    paired = {
        row[0] for row in conn.execute("SELECT rowid FROM search_cjk WHERE search_cjk MATCH ?", (pairs,))
    }
    docs: list[int] = []
    if paired:
        rows = conn.execute(
            "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC", (trigrams,)
        )
        for (doc,) in rows:
            if doc in paired:
                docs.append(doc)
                if len(docs) >= CANDIDATES:
                    break
    return docs


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
