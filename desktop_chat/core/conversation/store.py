"""Conversations, nodes and settings in one SQLite file.

WAL journal, synchronous=NORMAL and a commit per write: a crash or SIGKILL loses at most the write in
flight, never the file. One connection, used from the UI thread only. Every write is one short
transaction; `update_node` (called every ~0.5 s while an answer streams) is a single UPDATE.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from desktop_chat.core.conversation import long_texts
from desktop_chat.core.conversation.migrations import (
    SCHEMA_VERSION,
    Progress,
    apply_migrations,
    recorded_version,
)
from desktop_chat.core.conversation.model import ContextMode, Conversation, Node, NodeStatus
from desktop_chat.core.conversation.rows import (
    CONVERSATION_COLUMNS,
    NODE_ANSWER,
    NODE_COLUMNS,
    NODE_FIELDS,
    background_value,
    conversation_of,
    dumps,
    node_of,
    node_values,
)

_CORRUPT_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}

RESTORED_TITLE = "Recovered answer"  # a conversation deleted while an answer streamed into it
log = logging.getLogger("desktop_chat")


class StoreError(Exception):
    """A problem with the conversation database; `user_message` is fit to show in the UI."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class StoreTooNewError(StoreError):
    """The database was written by a newer desktop_chat: refused, and the file is left untouched."""


class StoreCorruptError(StoreError):
    """The file is not a database, or SQLite's integrity check fails."""


def _is_corruption(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in _CORRUPT_CODES


class Store:
    def __init__(self, path: Path, *, full_check: bool = True, progress: Progress | None = None) -> None:
        """Open (and migrate) the database. `full_check`: run SQLite's quick_check over the whole file
        first (time grows with the file; the app runs it in the background after start-up instead, see
        `quick_check_file`). A file shorter than its header says is refused either way. `progress`
        hears (done, total) from long migration steps."""
        self.path = Path(path)
        self._nesting = 0  # > 0 inside transaction(): writes join it
        if self.path.is_dir():
            raise StoreError(
                f"{self.path} is a folder, but desktop_chat keeps its conversations in a file of that name. "
                "Move or rename the folder, or start with --data-dir pointing to another data folder."
            )
        self._refuse_truncated()
        self._probe_version()
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, timeout=5.0)
        except sqlite3.Error as exc:
            raise StoreError(self._unusable_message("cannot be opened", exc)) from exc
        try:
            self._refuse_too_new(recorded_version(self._conn))
            if full_check and not self.integrity_ok(quick=True):  # before anything writes to a damaged file
                raise StoreCorruptError(self._corrupt_message())
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if progress is None:
                apply_migrations(self._conn)
            else:
                apply_migrations(self._conn, progress=progress)
        except StoreError:
            self._conn.close()
            raise
        except sqlite3.Error as exc:
            self._conn.close()
            if _is_corruption(exc):
                raise StoreCorruptError(self._corrupt_message()) from exc
            raise StoreError(self._unusable_message("cannot be used", exc)) from exc

    def _unusable_message(self, what: str, exc: sqlite3.Error) -> str:
        message = f"The conversation database {self.path} {what}: {exc}."
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        folder = self.path.parent
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM) and not (
            os.access(folder, os.W_OK) and (not self.path.exists() or os.access(self.path, os.W_OK))
        ):
            message += (
                f" The data folder {folder} is read-only for this user: desktop_chat needs to write there. "
                "Make it writable, or start with --data-dir pointing to another folder."
            )
        return message

    def _probe_version(self) -> None:
        """Refuse a damaged file or one from a newer app through a read-only connection, before a
        read-write one could change a byte (WAL switch, checkpoint on close)."""
        if not self.path.is_file() or self.path.stat().st_size == 0:
            return
        try:
            probe = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error:
            return  # the read-write open below reports it
        try:
            version = recorded_version(probe)
        except sqlite3.Error as exc:
            if _is_corruption(exc):
                raise StoreCorruptError(self._corrupt_message()) from exc
            return  # e.g. a WAL file a read-only connection cannot use: checked again read-write
        finally:
            probe.close()
        self._refuse_too_new(version)

    def _refuse_truncated(self) -> None:
        """The header says how many pages the file holds: a shorter file was cut off (cheap to tell)."""
        try:
            with self.path.open("rb") as handle:
                header = handle.read(100)
            size = self.path.stat().st_size
        except OSError:
            return  # missing (a new database) or unreadable: the open below reports it
        if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
            return  # not a database at all: the version probe reports it
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        valid = header[24:28] == header[92:96]  # the page count is valid for this change counter
        if valid and pages and size < pages * page_size:
            raise StoreCorruptError(self._corrupt_message())

    def _refuse_too_new(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreTooNewError(
                f"The conversation database {self.path} was written by a newer desktop_chat "
                f"(schema version {version}; this version knows up to {SCHEMA_VERSION}). "
                "Update desktop_chat to open it; the file was not changed."
            )

    def _corrupt_message(self) -> str:
        return f"The conversation database {self.path} is damaged and cannot be read."

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Several writes as one: every write inside joins this transaction, committed when the block
        ends, rolled back (all of them) when it raises. A write that fails inside raises StoreError;
        let it leave the block (catching it inside would commit the other writes)."""
        with self._write():
            self._nesting += 1
            try:
                yield
            finally:
                self._nesting -= 1

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short transaction, committed on success, rolled back on error (inside `transaction()`:
        part of that one)."""
        if self._nesting:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise StoreError(f"Could not save to the conversation database {self.path}: {exc}") from exc
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"Could not save to the conversation database {self.path}: {exc}") from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                kind = StoreCorruptError if _is_corruption(exc) else StoreError
                raise kind(f"Could not save to the conversation database {self.path}: {exc}") from exc
            raise

    # -- conversations -----------------------------------------------------------------------------
    def list_conversations(self, limit: int | None = None, offset: int = 0) -> list[Conversation]:
        """Most recently updated first; a page of `limit` from `offset` when a limit is given."""
        page = "" if limit is None else f" LIMIT {int(limit):d} OFFSET {max(0, int(offset)):d}"
        rows = self._conn.execute(
            f"SELECT {CONVERSATION_COLUMNS} FROM conversations ORDER BY updated_at DESC, rowid DESC{page}"
        )
        return [conversation_of(row) for row in rows]

    def get_conversation(self, conversation_id: str) -> Conversation | None:
        row = self._conn.execute(
            f"SELECT {CONVERSATION_COLUMNS} FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
        return conversation_of(row) if row else None

    def save_conversation(self, conv: Conversation) -> None:
        """Insert, or update title, selected node, overrides and updated_at (which never goes back)."""
        with self._write() as db:
            db.execute(
                f"INSERT INTO conversations ({CONVERSATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                "selected_node_id = excluded.selected_node_id, params_override = excluded.params_override, "
                "updated_at = max(updated_at, excluded.updated_at)",
                (
                    conv.id,
                    conv.title,
                    conv.selected_node_id,
                    dumps(conv.params_override or {}),
                    conv.created_at,
                    conv.updated_at,
                ),
            )

    def delete_conversation(self, conversation_id: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM nodes WHERE conversation_id = ?", (conversation_id,))
            db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))

    # -- nodes ---------------------------------------------------------------------------------------
    def load_nodes(self, conversation_id: str) -> list[Node]:
        """The conversation's nodes, oldest first."""
        rows = self._conn.execute(
            f"SELECT {NODE_COLUMNS} FROM nodes WHERE conversation_id = ? ORDER BY created_at, rowid",
            (conversation_id,),
        )
        nodes = [node_of(row) for row in rows]
        with_long = [n for n in nodes if long_texts.refs(n.input_items)]
        if with_long:
            texts = self._long_texts([n.id for n in with_long])
            for node in with_long:
                node.input_items = long_texts.join(node.input_items, texts)
        return nodes

    def _long_texts(self, node_ids: list[str]) -> dict[str, str]:
        texts: dict[str, str] = {}
        for start in range(0, len(node_ids), 500):  # below SQLite's bound-parameter limit
            chunk = node_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT id, text FROM node_texts WHERE node_id IN ({marks})", chunk)
            texts.update(dict(rows.fetchall()))
        return texts

    @staticmethod
    def _insert_rows(db: sqlite3.Connection, nodes: list[Node]) -> None:
        """INSERT the nodes, their long prompt texts apart (see long_texts.py)."""
        rows, apart = [], []
        for node in nodes:
            items, texts = long_texts.split(node.input_items)
            apart += [(ref, node.id, text) for ref, text in texts]
            rows.append(node_values(node, items))
        db.executemany(
            f"INSERT INTO nodes ({NODE_COLUMNS}) VALUES ({', '.join('?' * len(NODE_FIELDS))})", rows
        )
        if apart:
            db.executemany("INSERT INTO node_texts (id, node_id, text) VALUES (?, ?, ?)", apart)

    def insert_node(self, node: Node) -> None:
        """Add a node (its conversation must be saved) and bump the conversation's updated_at."""
        with self._write() as db:
            self._insert_rows(db, [node])
            db.execute(
                "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?",
                (node.updated_at, node.conversation_id),
            )

    def insert_nodes(self, nodes: list[Node]) -> None:
        """Add several nodes (e.g. a conversation rebuilt from the server) in one transaction."""
        if not nodes:
            return
        with self._write() as db:
            self._insert_rows(db, nodes)
            for conversation_id in {node.conversation_id for node in nodes}:
                newest = max(n.updated_at for n in nodes if n.conversation_id == conversation_id)
                db.execute(
                    "UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?",
                    (newest, conversation_id),
                )

    def delete_nodes(self, node_ids: list[str]) -> int:
        """Delete these nodes in one transaction (the caller passes a whole subtree); returns how many
        were deleted. A conversation whose selected node goes forgets the selection."""
        ids = list(dict.fromkeys(node_ids))
        if not ids:
            return 0
        deleted = 0
        with self._write() as db:
            for start in range(0, len(ids), 500):  # below SQLite's bound-parameter limit
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                db.execute(
                    f"UPDATE conversations SET selected_node_id = NULL WHERE selected_node_id IN ({marks})",
                    chunk,
                )
                deleted += db.execute(f"DELETE FROM nodes WHERE id IN ({marks})", chunk).rowcount
        return deleted

    def update_node(self, node: Node) -> None:
        """Write the answer's fields of a node (one UPDATE, one commit); its prompt and parameters were
        written when it was inserted and never change."""
        values = (
            dumps(node.output_items),
            node.output_text,
            node.reasoning_text,
            node.response_id,
            node.previous_response_id,
            node.model,
            dumps(node.usage.to_json()) if node.usage is not None else None,
            NodeStatus(node.status).value,
            node.error,
            node.notice,
            ContextMode(node.context_mode).value,
            node.updated_at,
            background_value(node),
            node.error_kind,
            node.id,
        )
        with self._write() as db:
            if db.execute(f"UPDATE nodes SET {NODE_ANSWER} WHERE id = ?", values).rowcount == 0:
                self._restore(db, node)

    def _restore(self, db: sqlite3.Connection, node: Node) -> None:
        """The node was deleted while it streamed (by another process on this database): write it again,
        with its conversation if that went too, rather than lose the answer."""
        log.warning("node %s was deleted while it was being saved: written again", node.id)
        db.execute(
            f"INSERT OR IGNORE INTO conversations ({CONVERSATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            (node.conversation_id, RESTORED_TITLE, node.id, "{}", node.created_at, node.updated_at),
        )
        self._insert_rows(db, [node])

    def mark_streaming_interrupted(self) -> int:
        """At start-up: answers still 'streaming' were cut off by a crash or kill."""
        with self._write() as db:
            # the literal lets SQLite use the partial index `nodes_streaming` (with a bound value it
            # cannot prove the index covers the rows, and reads the whole table at every start)
            assert NodeStatus.STREAMING.value == "streaming"
            # (a background answer goes on without the app: it is picked up when its conversation opens)
            cursor = db.execute(
                "UPDATE nodes SET status = ? WHERE status = 'streaming' AND background IS NULL",
                (NodeStatus.INTERRUPTED.value,),
            )
        return cursor.rowcount

    # -- settings ------------------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set_setting(self, key: str, value: Any) -> None:
        text = dumps(value)
        with self._write() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

    # -- what servers can do (core/api/capabilities.py) ----------------------------------------------
    def server_facts(self, server: str) -> dict[str, Any]:
        """model -> the facts stored for it on `server` (model '' holds the server-wide ones)."""
        rows = self._conn.execute("SELECT model, facts FROM server_facts WHERE server = ?", (server,))
        found: dict[str, Any] = {}
        for model, text in rows.fetchall():
            try:
                found[model] = json.loads(text)
            except ValueError:
                continue  # a damaged row is learnt again
        return found

    def save_server_facts(self, server: str, model: str, facts: dict[str, Any]) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO server_facts (server, model, facts, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (server, model) DO UPDATE SET facts = excluded.facts, "
                "updated_at = excluded.updated_at",
                (server, model, dumps(facts), time.time()),
            )

    def forget_server_facts(self, server: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM server_facts WHERE server = ?", (server,))

    # -- health --------------------------------------------------------------------------------------
    def integrity_ok(self, quick: bool = False) -> bool:
        """PRAGMA integrity_check (or the faster quick_check) reports "ok"."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            rows = self._conn.execute(f"PRAGMA {pragma}").fetchall()
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                return False
            raise
        return [tuple(row) for row in rows] == [("ok",)]


def needs_upgrade(path: Path) -> bool:
    """The database exists and has migrations to apply (read-only look; False when it cannot tell)."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return recorded_version(probe) < SCHEMA_VERSION
        finally:
            probe.close()
    except sqlite3.Error:
        return False


def upgrade(
    path: Path, free_share: float = 0.25, free_bytes: int = 8 << 20, progress: Progress | None = None
) -> bool:
    """Apply pending migrations, then VACUUM when they left much free space (at least `free_share` of
    the file and `free_bytes`): the file shrinks. Runs on any thread, with a connection of its own,
    before the app opens the store. Returns whether it vacuumed. StoreErrors propagate. `progress`
    hears (done, total) from long migration steps."""
    store = Store(Path(path), full_check=False, progress=progress)
    try:
        conn = store._conn
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        if pages and free / pages >= free_share and free * size >= free_bytes:
            try:  # needs room for a copy of the file: without it, the file just stays as large
                conn.execute("VACUUM")
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as exc:
                log.warning("could not shrink the database after its upgrade: %s", exc)
                return False
            return True
        return False
    finally:
        store.close()


def check_marker(path: Path) -> Path:
    """A file beside the database saying a background check found it damaged (see quick_check_file)."""
    return Path(f"{path}.check-failed")


def quick_check_file(path: Path) -> bool:
    """SQLite's quick_check over the whole file, through a read-only connection of its own (any thread).

    When it fails, `check_marker(path)` is written: the next start checks the file before using it and
    sets it aside if it is damaged. A file that cannot be opened or read is reported as damaged."""
    path = Path(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        try:
            ok = [tuple(row) for row in conn.execute("PRAGMA quick_check").fetchall()] == [("ok",)]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        ok = not _is_corruption(exc)
    if not ok:
        with suppress(OSError):
            check_marker(path).write_text("quick_check failed\n", encoding="utf-8")
    return ok


def open_store(path: Path, *, full_check: bool = True) -> tuple[Store, str | None]:
    """Open the store; a damaged file is moved aside and a fresh one started.

    Returns the store and, when the file was moved aside, a notice saying where the copy is.
    StoreTooNewError and other StoreErrors propagate. With `full_check=False` the whole-file check is
    skipped unless an earlier background check left its marker (see quick_check_file).
    """
    path = Path(path)
    marker = check_marker(path)
    try:
        store = Store(path, full_check=full_check or marker.exists())
        marker.unlink(missing_ok=True)
        return store, None
    except StoreCorruptError:
        marker.unlink(missing_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{aside}{suffix}"))
    store = Store(path)
    notice = (
        f"The conversation database was damaged and could not be read. A copy was kept at {aside}; "
        "a new, empty database was started."
    )
    return store, notice
