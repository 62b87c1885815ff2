"""A data folder the app cannot write to, and a disk that fills up while an answer streams.

Read-only: the real app is started as a separate process (as an unprivileged user when the tests run
as root, since root ignores file permissions). It must stop with a clear message (the QMessageBox
text, captured by replacing `QMessageBox.critical`, and exit code 2) or start, and it must never move
the user's database aside as "damaged" or change a byte of it.

Disk full: SQLite's own limit (`PRAGMA max_page_count`) makes the next write that needs a new page
fail with SQLITE_FULL, exactly as a full disk does. The turn must end with a clear message, the app
keeps running, and nothing saved before is lost.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.config.paths import database_path
from desktop_chat.core.conversation.model import NodeStatus
from desktop_chat.core.conversation.store import Store
from tests.conftest import wait_until
from tests.e2e.test_app_flows import App

pytestmark = pytest.mark.e2e

# runs the app with the start-up error box replaced by a line on stderr (offscreen, nobody to click OK)
LAUNCH = (
    "import sys\n"
    "from PySide6.QtWidgets import QMessageBox\n"
    "QMessageBox.critical = staticmethod(lambda parent, title, text, *a: print('CRITICAL_BOX', title, '|', "
    "text, file=sys.stderr, flush=True))\n"
    "from desktop_chat.app import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)
NOBODY = 65534
REPO = Path(__file__).resolve().parents[2]


def _drop_privileges() -> list[str]:
    """A command prefix that runs as an unprivileged user, or [] if we are not root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be made")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp_path is private to us)."""
    folder = Path(tempfile.mkdtemp(prefix="desktop-chat-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


def run_app(data_dir: Path, base_url: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DESKTOP_CHAT_LOG": "INFO",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "OPENAI_API_KEY": "sk-read-only-test",
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(home),
        "XDG_CONFIG_HOME": str(home),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return subprocess.run(
        [
            *_drop_privileges(),
            sys.executable,
            "-c",
            LAUNCH,
            "--data-dir",
            str(data_dir),
            "--base-url",
            base_url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=REPO,
        stdin=subprocess.DEVNULL,
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("with_database", [False, True])
def test_a_read_only_data_folder_stops_with_a_clear_message_and_keeps_the_database(
    shared_dir: Path, emulator: Any, with_database: bool
) -> None:
    data = shared_dir / "data"
    home = shared_dir / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    data.mkdir()
    if with_database:
        store = Store(database_path(data))
        store.set_setting("kept", "yes")
        store.close()
        database_path(data).chmod(0o644)
        before = digest(database_path(data))
    data.chmod(0o555)
    if os.geteuid() != 0:  # make sure the folder really is read-only for the app
        with pytest.raises(PermissionError):
            (data / "probe").write_text("x")

    result = run_app(data, emulator.base_url, home)
    if result.returncode == 0:
        pytest.fail("the app exited 0 without being closed:\n" + result.stderr)
    assert result.returncode == 2, result.stderr
    assert "cannot open the store" in result.stderr
    [box] = [line for line in result.stderr.splitlines() if line.startswith("CRITICAL_BOX")]
    text = box.split("|", 1)[1]
    assert str(data) in text, box  # it says which folder
    assert "read-only" in text and "--data-dir" in text, box  # says why, and what to do
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in data.iterdir()) == (["chats.sqlite3"] if with_database else [])
    if with_database:
        assert digest(database_path(data)) == before  # not moved aside, not changed


# -- disk full ---------------------------------------------------------------------------------------
@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, memory_keyring: Any) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-disk-full-test")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def fill_the_disk(store: Store) -> None:
    """From now on any write that needs one more page fails with SQLITE_FULL."""
    conn = store._conn
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(store: Store) -> None:
    store._conn.execute("PRAGMA max_page_count = 1073741823")


def test_a_full_disk_while_streaming_ends_the_turn_with_a_message_and_keeps_what_was_saved(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        first = await app.send("Saved before the disk filled")
        assert first.status is NodeStatus.COMPLETED

        fill_the_disk(app.window.store)
        before = app.node_count()
        app.type_and_send("A long answer [[words:6000]]")
        await wait_until(lambda: app.node_count() >= before, 15, "the turn to start")
        await wait_until(lambda: app.window.active is None, 30, "the turn to end")
        shown = (app.window.banner.text() + "\n" + app.transcript()).lower()
        assert "disk is full" in shown or "could not save" in shown, shown[-500:]
        assert app.window.isVisible() and app.window.composer_pane.send_button.isEnabled()

        free_the_disk(app.window.store)
        after = await app.send("After the disk was freed")
        assert after.status is NodeStatus.COMPLETED
        await app.close()

        store = Store(database_path(tmp_path))
        assert store.integrity_ok()
        [conversation] = store.list_conversations()
        saved = {n.id: n for n in store.load_nodes(conversation.id)}
        assert saved[first.id].output_text == first.output_text
        assert saved[first.id].status is NodeStatus.COMPLETED
        assert saved[after.id].status is NodeStatus.COMPLETED
        store.close()

    arun(scenario(), timeout=90)


def test_the_answer_that_could_not_be_saved_says_why_in_the_transcript(
    env: None, emulator: Any, tmp_path: Path, qtbot: Any, arun: Any
) -> None:
    async def scenario() -> None:
        app = App(tmp_path, emulator.base_url, qtbot)
        await app.connect()
        await app.send("Saved before the disk filled")
        fill_the_disk(app.window.store)
        before = app.node_count()
        app.type_and_send("A long answer [[words:6000]]")
        await wait_until(lambda: app.node_count() > before, 15, "the turn to start")
        node = app.window.tree.get(app.window.selected_node_id())
        await wait_until(lambda: app.window.active is None, 30, "the turn to end")
        free_the_disk(app.window.store)
        try:
            assert node.status is NodeStatus.FAILED
            assert node.error and "disk is full" in node.error
            assert "disk is full" in app.transcript()
        finally:
            await app.close()

    arun(scenario(), timeout=90)
