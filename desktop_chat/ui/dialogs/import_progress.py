"""File > Import: the import runs on a thread of its own while a progress dialog shows how far it is.

The window stays usable (the dialog is not modal); Cancel stops after the conversation being read:
what was imported stays, each conversation whole, and importing the file again adds the rest. The
thread has its own connection to the database (see core.interchange.importer); when it ends, the
window lists and searches the conversations anew and says what happened.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_chat.core.interchange.export import ImportSummary
from desktop_chat.core.interchange.importer import ImportProgress

STEPS = 1000


class ImportJob(QObject):
    """One import on its own thread; `progressed` and `finished` arrive on the GUI thread."""

    progressed = Signal(object)  # ImportProgress
    finished = Signal()  # on the GUI thread; `done` is true from then on
    _ended = Signal()  # from the thread

    def __init__(
        self, database: Path, source: Path, attachments: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.source, self.attachments = database, source, attachments
        self.summary: ImportSummary | None = None
        self.error = ""  # fit to show: why the import failed (what it imported before is said there)
        self.done = False
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None
        self._ended.connect(self._finish)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="import", daemon=True)
        self._thread.start()

    def wait(self, timeout_s: float) -> bool:
        """Block until the thread has ended (e.g. the app is closing); False if it has not in time."""
        if self._thread is not None:
            self._thread.join(timeout_s)
        return self._thread is None or not self._thread.is_alive()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    @property
    def message(self) -> str:
        """What the window says once it is done."""
        return self.error or (self.summary.text() if self.summary is not None else "")

    def _run(self) -> None:
        from desktop_chat import cli
        from desktop_chat.core.conversation.store import Store, StoreError
        from desktop_chat.core.interchange.export import ImportFailed

        try:
            store = Store(self.database, full_check=False)  # a connection of this thread's own
            try:
                self.summary = cli.import_file(
                    store,
                    self.source,
                    self.attachments,
                    progress=self.progressed.emit,
                    cancelled=self._cancel.is_set,
                )
            finally:
                store.close()
        except (ImportFailed, StoreError) as exc:
            self.error = exc.user_message
        except Exception as exc:  # never end silently: the user is waiting for it
            self.error = f"The import stopped on an unexpected error: {exc!r}."
        self._ended.emit()  # queued to the GUI thread

    def _finish(self) -> None:
        self.done = True
        self.finished.emit()  # every receiver runs now, before anyone sees `done` between events


class ImportProgressDialog(QProgressDialog):
    """How far the import is, with Cancel; it closes itself when the import ends."""

    def __init__(self, job: ImportJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_progress")
        self.job = job
        self.setWindowTitle(self.tr("Importing conversations"))
        self.setLabelText(self.tr("Reading %1…").replace("%1", job.source.name))
        self.setCancelButtonText(self.tr("Cancel"))
        self.setRange(0, STEPS)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable meanwhile
        self.canceled.connect(self._cancel)
        job.progressed.connect(self._progressed)
        job.finished.connect(self.close)

    def _progressed(self, progress: ImportProgress) -> None:
        if self.job.cancelling:
            return
        self.setValue(int(progress.fraction * STEPS))
        text = self.tr("Imported %1 conversation(s) from %2…").replace("%1", f"{progress.imported:,}")
        if progress.already_present:
            text += "\n" + self.tr("%1 already here (skipped)").replace("%1", f"{progress.already_present:,}")
        self.setLabelText(text.replace("%2", self.job.source.name))

    def _cancel(self) -> None:
        self.job.cancel()
        self.setLabelText(self.tr("Cancelling… (the conversation being read is finished first)"))
        self.show()  # QProgressDialog hides itself on Cancel: it stays until the import has stopped
