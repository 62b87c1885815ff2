"""Full-text search across every conversation: prompts, answers and titles.

Two FTS5 indexes over the tables' text (kept in step by triggers; migrations 0006-0007) say which
documents (a node's prompt + answer, or a title) may hold a term: `search_index` (trigram tokenizer,
external content, `detail=none`) for terms of 3+ characters, looked up as all their trigrams, and the
pair index `search_pairs` (grams.py: every character and in-word character pair, any script) for terms
of 1-2 characters. Each hit is then checked against the text itself. Any user input is safe: it is
split into terms (a "quoted phrase" is one term), each matched literally as a case-folded substring,
never parsed as FTS syntax. Every term must occur in the same document.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_chat.core.conversation.grams import TRIGRAM, fold, pair_tokens, trigrams
from desktop_chat.core.conversation.migrations import prompt_text, register_functions
from desktop_chat.core.conversation.store import Store

MAX_TERMS = 16
MAX_TERM_CHARS = 200
SNIPPET_CHARS = 160
CANDIDATES = 1000  # the newest documents the indexes name that are read (and checked) at most
RANKED = 250  # the newest matches that are ranked (more when fewer than the limit were found)

_TERM = re.compile(r'"([^"]+)"|(\S+)')


@dataclass(frozen=True)
class SearchHit:
    conversation_id: str
    node_id: str | None  # the matching node; None for a title match (open the conversation as it was)
    title: str
    snippet: str  # the matching text in context, whitespace collapsed, "…" where cut
    rank: float  # lower is better (BM25 over the terms' occurrences)
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


def search(store: Store | sqlite3.Connection, query: str, limit: int = 50) -> list[SearchHit]:
    """The best `limit` matches for `query` across all conversations (empty query: none).

    `store` may be a Store or a connection of its own to the same file (see `open_reader`), e.g. on
    a thread that searches while the window goes on."""
    terms = parse_terms(query)
    if not terms or limit <= 0:
        return []
    conn = store if isinstance(store, sqlite3.Connection) else store._conn
    docs = _candidates(conn, terms)
    folded = [fold(t) for t in terms]
    found: list[_Found] = []
    # The candidates' texts are read newest first, a page at a time, and checked (the indexes say which
    # documents hold a term's trigrams or characters, the text whether they hold the term); the first
    # RANKED candidates (or more, until `limit` are found) are ranked.
    for start in range(0, len(docs), RANKED):
        for row in conn.execute(_TEXTS, (json.dumps(docs[start : start + RANKED]),)):
            match = _check(row, folded)
            if match is not None:
                found.append(match)
        if len(found) >= limit:
            break
    if not found:
        return []
    average = sum(f.length for f in found) / len(found)
    found.sort(key=lambda f: (f.score(average), f.node_id != "", -f.doc))  # on a tie: titles, then newest
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    hits: list[SearchHit] = []
    for match in found[:limit]:
        if match.node_id:
            field_name, text = _best_field(pattern, match.prompt, match.answer)
        else:
            field_name, text = "title", match.title_text
        snippet, spans = make_snippet(text, pattern)
        hits.append(
            SearchHit(
                conversation_id=match.conversation_id,
                node_id=match.node_id or None,
                title=match.title,
                snippet=snippet,
                rank=match.score(average),
                field=field_name,
                highlights=spans,
            )
        )
    return hits


# the candidates' texts, read from the tables (the search view would be evaluated whole for a join)
_TEXTS = (
    "SELECT d.id, d.conversation_id, d.node_id, c.title, n.input_items, n.output_text "
    "FROM json_each(?) AS j JOIN search_docs AS d ON d.id = j.value "
    "JOIN conversations AS c ON c.id = d.conversation_id "
    "LEFT JOIN nodes AS n ON n.id = d.node_id AND d.node_id <> '' AND n.status <> 'streaming'"
)

_K1, _B = 1.2, 0.75  # BM25's usual constants
_WEIGHTS = (1.0, 1.0, 2.0)  # prompt, answer, title


@dataclass
class _Found:
    doc: int
    conversation_id: str
    node_id: str
    title: str
    prompt: str
    answer: str
    title_text: str
    counts: list[float]  # per term: its weighted number of occurrences
    length: int

    def score(self, average: float) -> float:
        """BM25 over the terms' occurrences (lower is better), the length against the average hit's."""
        norm = _K1 * (1 - _B + _B * self.length / max(average, 1.0))
        return -sum(count * (_K1 + 1) / (count + norm) for count in self.counts)


def _check(row: tuple[Any, ...], folded: list[str]) -> _Found | None:
    """The document of this row if every (folded) term is in one of its texts."""
    doc, conversation_id, node_id, title, input_items, answer = row
    if node_id and answer is None:
        return None  # streaming, or deleted meanwhile
    prompt = prompt_text(input_items) if node_id else ""
    texts = (fold(prompt), fold(answer), "") if node_id else ("", "", fold(title))
    counts = []
    for term in folded:
        count = sum(weight * text.count(term) for weight, text in zip(_WEIGHTS, texts, strict=True) if text)
        if not count:
            return None
        counts.append(count)
    return _Found(
        doc=doc,
        conversation_id=conversation_id,
        node_id=node_id,
        title=title,
        prompt=prompt,
        answer=answer or "",
        title_text="" if node_id else title,
        counts=counts,
        length=sum(len(t) for t in texts),
    )


def _candidates(conn: sqlite3.Connection, terms: list[str]) -> list[int]:
    """The newest CANDIDATES documents that may hold every term, newest first (not read: the indexes
    say which documents hold all of a term's trigrams, or a short term's characters).

    Terms of 3+ characters are looked up as all their trigrams, shorter ones as their token in the
    pair index. The time stays bounded however large the store grows."""
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    short_terms = [t for t in terms if len(t) < TRIGRAM]
    trigram_query = _all_of(g for t in long_terms for g in trigrams(t))
    pair_query = _all_of(g for t in short_terms for g in pair_tokens(t))
    if long_terms and short_terms:  # both indexes, their matches merged newest first (by SQLite)
        sql = (
            "SELECT rowid FROM search_index WHERE search_index MATCH ? INTERSECT "
            "SELECT rowid FROM search_pairs WHERE search_pairs MATCH ? "
            f"ORDER BY 1 DESC LIMIT {CANDIDATES:d}"
        )
        rows = conn.execute(sql, (trigram_query, pair_query))
    else:
        table, match = ("search_index", trigram_query) if long_terms else ("search_pairs", pair_query)
        rows = conn.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT {CANDIDATES:d}",
            (match,),
        )
    return [int(doc) for (doc,) in rows]


def _all_of(tokens: Iterable[str]) -> str:
    """An FTS5 query for documents holding every token (each taken literally)."""
    return " AND ".join(fts_phrase(t) for t in dict.fromkeys(tokens))


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
