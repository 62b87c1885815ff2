"""The database schema as an ordered, append-only list of named migrations.

Each migration runs in its own transaction and is recorded in `schema_migrations`; `PRAGMA
user_version` is set to the number applied. Never edit or reorder a migration that has shipped:
append a new one instead. A database that records more migrations than this list holds was written
by a newer desktop_chat and is refused (see store.StoreTooNewError).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    name: str
    statements: tuple[str, ...]  # run one by one (executescript would commit the transaction)


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


def apply_migrations(conn: sqlite3.Connection, upto: int | None = None) -> list[str]:
    """Apply the pending migrations (the first `upto` only, if given); returns the names applied.

    The connection must be in autocommit mode (isolation_level=None): each migration is wrapped in
    its own BEGIN IMMEDIATE ... COMMIT here. The caller checks for a too-new database first.
    """
    target = SCHEMA_VERSION if upto is None else min(upto, SCHEMA_VERSION)
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
