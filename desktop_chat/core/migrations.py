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
