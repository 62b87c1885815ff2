"""The database schema as an ordered, append-only list of named migrations.

Each migration runs in its own transaction and is recorded in `schema_migrations`; `PRAGMA
user_version` is set to the number applied. Never edit or reorder a migration that has shipped:
append a new one instead. A database that records more migrations than this list holds was written
by a newer desktop_chat and is refused (see store.StoreTooNewError).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass

from desktop_chat.core.conversation.grams import char_grams
from desktop_chat.core.conversation.packing import cjk_grams, pack_output_items

Progress = Callable[[int, int], None]  # (done, total) of a long migration step


def _no_progress(done: int, total: int) -> None:
    """Progress nobody watches."""


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]  # run one by one (executescript would commit the transaction)
    # then, in the same transaction: what SQL alone cannot do (e.g. rewrite rows with Python); it may
    # report how far it is (done, total) for a long one
    python: Callable[[sqlite3.Connection, Progress], None] | None = None


def prompt_text(input_items: str | None) -> str:
    """The user's prompt text held in a JSON column of input items, as `_user_text_sql` reads it (and
    model.user_text_of): robust to anything, text that is not valid JSON gives ''."""
    try:
        items = json.loads(input_items or "[]")
    except (ValueError, TypeError):
        return ""
    parts: list[str] = []
    for item in items if isinstance(items, list) else []:
        if (
            not isinstance(item, dict)
            or item.get("type", "message") != "message"
            or item.get("role") != "user"
        ):
            continue
        content = item.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):
            parts.extend(
                p["text"]
                for p in content
                if isinstance(p, dict) and p.get("type") == "input_text" and isinstance(p.get("text"), str)
            )
    return "\n".join(parts)


def register_functions(conn: sqlite3.Connection) -> None:
    """SQL functions the schema (triggers, the search view) calls: every connection needs them."""
    conn.create_function("cjk_grams", 3, cjk_grams, deterministic=True)  # migration 0006's triggers
    conn.create_function("char_grams", 3, char_grams, deterministic=True)
    conn.create_function("prompt_text", 1, prompt_text, deterministic=True)


def _user_text_sql(items: str) -> str:
    """SQL for the user's prompt text held in a JSON column of input items (as model.user_text_of).

    Robust to anything: text that is not valid JSON gives '' rather than failing the write.
    """
    message = (
        "m.type = 'object' AND coalesce(json_extract(m.value, '$.type'), 'message') = 'message' "
        "AND json_extract(m.value, '$.role') = 'user'"
    )
    return (
        f"CASE WHEN json_valid({items}) THEN coalesce((SELECT group_concat(part, char(10)) FROM ("
        f"SELECT m.key AS k1, -1 AS k2, json_extract(m.value, '$.content') AS part "
        f"FROM json_each({items}) AS m WHERE {message} AND json_type(m.value, '$.content') = 'text' "
        f"UNION ALL SELECT m.key, c.key, json_extract(c.value, '$.text') FROM json_each({items}) AS m, "
        "json_each(m.value, '$.content') AS c "
        f"WHERE {message} AND json_type(m.value, '$.content') = 'array' AND c.type = 'object' "
        "AND json_extract(c.value, '$.type') = 'input_text' ORDER BY k1, k2)), '') ELSE '' END"
    )


# Full-text search (core/search.py): one FTS5 document per node (prompt, answer) and one per
# conversation (title). `search_docs` maps a document's rowid to its node / conversation with an
# INTEGER PRIMARY KEY, which VACUUM keeps (the implicit rowids of `nodes` it may renumber). The
# trigram tokenizer finds any substring of 3+ characters, so Korean and Chinese are searchable.
# A streaming answer is indexed once, when it finishes: the ~0.5 s progress writes only evaluate the
# trigger's WHEN clause (new.status = 'streaming' -> nothing to do).
_SEARCH_INDEX: tuple[str, ...] = (
    """CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        node_id TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE UNIQUE INDEX search_docs_by_node ON search_docs (node_id, conversation_id)",
    "CREATE VIRTUAL TABLE search_index USING fts5(prompt, answer, title, tokenize = 'trigram')",
    "INSERT INTO search_docs (conversation_id, node_id) SELECT id, '' FROM conversations",
    "INSERT INTO search_docs (conversation_id, node_id) SELECT conversation_id, id FROM nodes",
    "INSERT INTO search_index (rowid, prompt, answer, title) SELECT d.id, '', '', c.title "
    "FROM search_docs AS d JOIN conversations AS c ON c.id = d.conversation_id AND d.node_id = ''",
    "INSERT INTO search_index (rowid, prompt, answer, title) "
    f"SELECT d.id, {_user_text_sql('n.input_items')}, n.output_text, '' "
    "FROM search_docs AS d JOIN nodes AS n ON n.id = d.node_id",
    """CREATE TRIGGER search_node_inserted AFTER INSERT ON nodes BEGIN
        INSERT INTO search_docs (conversation_id, node_id) VALUES (new.conversation_id, new.id);
        INSERT INTO search_index (rowid, prompt, answer, title)
            VALUES (last_insert_rowid(), """
    + _user_text_sql("new.input_items")
    + """, new.output_text, '');
    END""",
    """CREATE TRIGGER search_node_changed AFTER UPDATE OF input_items, output_text, status ON nodes
    WHEN new.status <> 'streaming' AND (old.status = 'streaming'
        OR old.output_text IS NOT new.output_text OR old.input_items IS NOT new.input_items)
    BEGIN
        UPDATE search_index SET prompt = """
    + _user_text_sql("new.input_items")
    + """, answer = new.output_text
            WHERE rowid = (SELECT id FROM search_docs WHERE node_id = new.id);
    END""",
    """CREATE TRIGGER search_node_deleted AFTER DELETE ON nodes BEGIN
        DELETE FROM search_index WHERE rowid = (SELECT id FROM search_docs WHERE node_id = old.id);
        DELETE FROM search_docs WHERE node_id = old.id;
    END""",
    """CREATE TRIGGER search_conversation_inserted AFTER INSERT ON conversations BEGIN
        INSERT INTO search_docs (conversation_id, node_id) VALUES (new.id, '');
        INSERT INTO search_index (rowid, prompt, answer, title)
            VALUES (last_insert_rowid(), '', '', new.title);
    END""",
    """CREATE TRIGGER search_conversation_renamed AFTER UPDATE OF title ON conversations
    WHEN old.title IS NOT new.title BEGIN
        UPDATE search_index SET title = new.title
            WHERE rowid = (SELECT id FROM search_docs WHERE node_id = '' AND conversation_id = new.id);
    END""",
    """CREATE TRIGGER search_conversation_deleted AFTER DELETE ON conversations BEGIN
        DELETE FROM search_index
            WHERE rowid = (SELECT id FROM search_docs WHERE node_id = '' AND conversation_id = old.id);
        DELETE FROM search_docs WHERE node_id = '' AND conversation_id = old.id;
    END""",
)


# Migration 0006: the search index reads its text from the tables (FTS5 external content over the view
# `search_content`) instead of keeping a copy; a contentless pair index (`search_cjk`) finds 1-2
# character Korean/Chinese/Japanese words; output items stop repeating the answer (packing.py). A node
# is indexed once it has finished (a streaming one is not in the view): the triggers remove a document
# with the values it was indexed with, as external content requires, and add it again.
# (the view calls prompt_text: SQLite refuses json_each in a view that an FTS5 table reads)
_PROMPT_OLD, _PROMPT_NEW = "prompt_text(old.input_items)", "prompt_text(new.input_items)"
_NODE_DOC = "(SELECT id FROM search_docs WHERE node_id = {0}.id)"
_TITLE_DOC = "(SELECT id FROM search_docs WHERE node_id = '' AND conversation_id = {0}.id)"


def _index_sql(
    which: str,
    doc: str,
    prompt: str,
    answer: str,
    title: str,
    when: str,
    pairs: str = "search_cjk",
    grams_of: str = "cjk_grams",
) -> tuple[str, str]:
    """Two statements adding (which='') or removing (which='delete') one document in both indexes
    (the trigram index and the pair index `pairs`, whose tokens the SQL function `grams_of` lists)."""
    if which:
        fts = (
            f"INSERT INTO search_index (search_index, rowid, prompt, answer, title) SELECT 'delete', {doc}, "
        )
        grams = f"INSERT INTO {pairs} ({pairs}, rowid, grams) SELECT 'delete', d, g FROM "
    else:
        fts = f"INSERT INTO search_index (rowid, prompt, answer, title) SELECT {doc}, "
        grams = f"INSERT INTO {pairs} (rowid, grams) SELECT d, g FROM "
    return (
        f"{fts}{prompt}, {answer}, {title} WHERE {when};",
        f"{grams}(SELECT {doc} AS d, {grams_of}({prompt}, {answer}, {title}) AS g) WHERE {when} AND g <> '';",
    )


def _trigger(name: str, event: str, body: list[str]) -> str:
    return f"CREATE TRIGGER {name} {event} BEGIN\n" + "\n".join(body) + "\nEND"


def _search_triggers(pairs: str, grams_of: str) -> tuple[str, ...]:
    """The triggers keeping the trigram index and the pair index `pairs` (tokens by `grams_of`) in step
    with nodes and conversations."""
    old_node = _index_sql(
        "delete",
        _NODE_DOC.format("old"),
        _PROMPT_OLD,
        "old.output_text",
        "''",
        "old.status <> 'streaming'",
        pairs,
        grams_of,
    )
    new_node = _index_sql(
        "",
        _NODE_DOC.format("new"),
        _PROMPT_NEW,
        "new.output_text",
        "''",
        "new.status <> 'streaming'",
        pairs,
        grams_of,
    )
    old_title = _index_sql("delete", _TITLE_DOC.format("old"), "''", "''", "old.title", "1", pairs, grams_of)
    new_title = _index_sql("", _TITLE_DOC.format("new"), "''", "''", "new.title", "1", pairs, grams_of)
    return (
        _trigger(
            "search_node_inserted",
            "AFTER INSERT ON nodes",
            [
                "INSERT INTO search_docs (conversation_id, node_id) VALUES (new.conversation_id, new.id);",
                *new_node,
            ],
        ),
        _trigger(
            "search_node_changed",
            "AFTER UPDATE OF input_items, output_text, status ON nodes WHEN (old.status <> 'streaming' OR "
            "new.status <> 'streaming') AND (old.status IS NOT new.status OR old.output_text IS NOT "
            "new.output_text OR old.input_items IS NOT new.input_items)",
            [*old_node, *new_node],
        ),
        _trigger(
            "search_node_deleted",
            "AFTER DELETE ON nodes",
            [*old_node, "DELETE FROM search_docs WHERE node_id = old.id;"],
        ),
        _trigger(
            "search_conversation_inserted",
            "AFTER INSERT ON conversations",
            ["INSERT INTO search_docs (conversation_id, node_id) VALUES (new.id, '');", *new_title],
        ),
        _trigger(
            "search_conversation_renamed",
            "AFTER UPDATE OF title ON conversations WHEN old.title IS NOT new.title",
            [*old_title, *new_title],
        ),
        _trigger(
            "search_conversation_deleted",
            "AFTER DELETE ON conversations",
            [*old_title, "DELETE FROM search_docs WHERE node_id = '' AND conversation_id = old.id;"],
        ),
    )


_DROP_SEARCH_TRIGGERS = tuple(
    f"DROP TRIGGER {name}"
    for name in (
        "search_node_inserted",
        "search_node_changed",
        "search_node_deleted",
        "search_conversation_inserted",
        "search_conversation_renamed",
        "search_conversation_deleted",
    )
)

_SEARCH_WITHOUT_COPIES: tuple[str, ...] = (
    *_DROP_SEARCH_TRIGGERS,
    "DROP TABLE search_index",
    """CREATE VIEW search_content AS
        SELECT d.id AS id, prompt_text(n.input_items) AS prompt, n.output_text AS answer, '' AS title
        FROM search_docs AS d JOIN nodes AS n ON n.id = d.node_id WHERE n.status <> 'streaming'
        UNION ALL
        SELECT d.id, '', '', c.title FROM search_docs AS d JOIN conversations AS c
        ON c.id = d.conversation_id WHERE d.node_id = ''""",
    "CREATE VIRTUAL TABLE search_index USING fts5(prompt, answer, title, tokenize = 'trigram', "
    "content = 'search_content', content_rowid = 'id')",
    "CREATE VIRTUAL TABLE search_cjk USING fts5(grams, tokenize = 'ascii', content = '', detail = 'none')",
    "INSERT INTO search_index (search_index) VALUES ('rebuild')",
    "INSERT INTO search_cjk (rowid, grams) SELECT id, g FROM "
    "(SELECT id, cjk_grams(prompt, answer, title) AS g FROM search_content) WHERE g <> ''",
    *_search_triggers("search_cjk", "cjk_grams"),
)

# Migration 0007: the trigram index keeps which documents hold each trigram, not where (`detail=none`:
# a tenth of the size; a term is looked up as all its trigrams and each hit checked against the text,
# see search.py), and the pair index covers every script (grams.py: each character and in-word pair),
# so 1-2 character terms of any language are looked up instead of scanned. Both are filled in batches
# (progress for a long upgrade); store.upgrade then VACUUMs the space freed.
_SMALLER_SEARCH_INDEX: tuple[str, ...] = (
    *_DROP_SEARCH_TRIGGERS,
    "DROP TABLE search_index",
    "DROP TABLE search_cjk",
    "CREATE VIRTUAL TABLE search_index USING fts5(prompt, answer, title, tokenize = 'trigram', "
    "detail = 'none', content = 'search_content', content_rowid = 'id')",
    "CREATE VIRTUAL TABLE search_pairs USING fts5(grams, tokenize = 'ascii', content = '', detail = 'none')",
    *_search_triggers("search_pairs", "char_grams"),
)


def _fill_search_indexes(conn: sqlite3.Connection, progress: Progress) -> None:
    """Index every document (through the view: finished nodes and titles), 1,000 at a time."""
    total = int(conn.execute("SELECT count(*) FROM search_docs").fetchone()[0])
    done = last = 0
    progress(done, total)
    while True:
        ids = conn.execute(
            "SELECT id FROM search_docs WHERE id > ? ORDER BY id LIMIT 1000", (last,)
        ).fetchall()
        if not ids:
            return
        rows = conn.execute(
            "SELECT id, prompt, answer, title FROM search_content WHERE id BETWEEN ? AND ?",
            (ids[0][0], ids[-1][0]),
        ).fetchall()
        conn.executemany("INSERT INTO search_index (rowid, prompt, answer, title) VALUES (?, ?, ?, ?)", rows)
        grams = ((doc, char_grams(prompt, answer, title)) for doc, prompt, answer, title in rows)
        conn.executemany("INSERT INTO search_pairs (rowid, grams) VALUES (?, ?)", (g for g in grams if g[1]))
        last = ids[-1][0]
        done += len(ids)
        progress(done, total)


def _store_answers_once(conn: sqlite3.Connection, progress: Progress) -> None:
    """Rewrite every node's output items without the texts its output/reasoning text already hold."""
    last = ""
    while True:
        rows = conn.execute(
            "SELECT id, output_items, output_text, reasoning_text FROM nodes "
            "WHERE id > ? AND output_items <> '[]' ORDER BY id LIMIT 500",
            (last,),
        ).fetchall()
        if not rows:
            return
        for node_id, items_text, output_text, reasoning_text in rows:
            try:
                items = json.loads(items_text)
            except ValueError:
                continue  # left as it is: the store reports a damaged column when it is read
            if not isinstance(items, list):
                continue
            packed = pack_output_items(items, output_text or "", reasoning_text or "")
            if packed != items:
                conn.execute(
                    "UPDATE nodes SET output_items = ? WHERE id = ?",
                    (json.dumps(packed, ensure_ascii=False, separators=(",", ":")), node_id),
                )
        last = rows[-1][0]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_conversations_and_nodes",
        (
            """CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                selected_node_id TEXT,
                params_override TEXT NOT NULL DEFAULT '{}',
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            )""",
            """CREATE TABLE nodes (
                id TEXT PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
                parent_id TEXT,
                input_items TEXT NOT NULL,
                output_items TEXT NOT NULL DEFAULT '[]',
                output_text TEXT NOT NULL DEFAULT '',
                reasoning_text TEXT NOT NULL DEFAULT '',
                response_id TEXT,
                previous_response_id TEXT,
                model TEXT NOT NULL DEFAULT '',
                params TEXT NOT NULL DEFAULT '{}',
                usage TEXT,
                status TEXT NOT NULL,
                error TEXT,
                notice TEXT,
                context_mode TEXT NOT NULL,
                created_at REAL NOT NULL,
                updated_at REAL NOT NULL
            )""",
        ),
    ),
    Migration(
        "0002_settings_and_indexes",
        (
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE INDEX nodes_by_conversation ON nodes (conversation_id, created_at)",
            "CREATE INDEX nodes_streaming ON nodes (status) WHERE status = 'streaming'",
            "CREATE INDEX conversations_by_updated ON conversations (updated_at)",
        ),
    ),
    Migration("0003_search_index", _SEARCH_INDEX),
    # What each server (by base URL) and model is known to do (core/api/capabilities.py): model '' holds
    # the server-wide facts. Replaces the per-profile cache kept in settings, which is dropped (it is
    # learnt again on first use).
    Migration(
        "0004_server_facts",
        (
            """CREATE TABLE server_facts (
                server TEXT NOT NULL,
                model TEXT NOT NULL,
                facts TEXT NOT NULL,
                updated_at REAL NOT NULL,
                PRIMARY KEY (server, model)
            )""",
            "DELETE FROM settings WHERE key LIKE 'capabilities:%'",
        ),
    ),
    # long prompt texts apart from their node's row, which every progress save rewrites (long_texts.py)
    Migration(
        "0005_long_texts_apart",
        (
            """CREATE TABLE node_texts (
                id TEXT PRIMARY KEY,
                node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
                text TEXT NOT NULL
            )""",
            "CREATE INDEX node_texts_by_node ON node_texts (node_id)",
        ),
    ),
    Migration("0006_search_without_copies_and_short_cjk_words", _SEARCH_WITHOUT_COPIES, _store_answers_once),
    Migration(
        "0007_smaller_search_index_and_short_words_of_any_script", _SMALLER_SEARCH_INDEX, _fill_search_indexes
    ),
    # a turn answered in background mode: the server's status and the last stream event read (JSON),
    # so a dropped stream resumes and an answer still running when the app closed is picked up
    Migration("0008_background_answers", ("ALTER TABLE nodes ADD COLUMN background TEXT",)),
    # the kind of a turn's failure beside its message, so the message can be shown in any UI language
    Migration("0009_error_kind", ("ALTER TABLE nodes ADD COLUMN error_kind TEXT",)),
)

SCHEMA_VERSION = len(MIGRATIONS)

_CREATE_LOG = """CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    applied_at REAL NOT NULL
)"""


def recorded_version(conn: sqlite3.Connection) -> int:
    """How many migrations the database says it has: the larger of user_version and the log."""
    user_version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    has_log = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    logged = 0
    if has_log:
        logged = int(conn.execute("SELECT coalesce(max(id), 0) FROM schema_migrations").fetchone()[0])
    return max(user_version, logged)


def apply_migrations(
    conn: sqlite3.Connection, upto: int | None = None, progress: Progress = _no_progress
) -> list[str]:
    """Apply the pending migrations (the first `upto` only, if given); returns the names applied.
    `progress` hears (done, total) from the long steps (e.g. re-indexing every document).

    The connection must be in autocommit mode (isolation_level=None): each migration is wrapped in
    its own BEGIN IMMEDIATE ... COMMIT here. The caller checks for a too-new database first.
    """
    target = SCHEMA_VERSION if upto is None else min(upto, SCHEMA_VERSION)
    register_functions(conn)
    conn.execute(_CREATE_LOG)
    done = {int(row[0]) for row in conn.execute("SELECT id FROM schema_migrations")}
    applied: list[str] = []
    for number, migration in enumerate(MIGRATIONS[:target], start=1):
        if number in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migration.statements:
                conn.execute(statement)
            if migration.python is not None:
                migration.python(conn, progress)
            conn.execute(
                "INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)",
                (number, migration.name, time.time()),
            )
            conn.execute(f"PRAGMA user_version = {number:d}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        applied.append(migration.name)
    return applied
