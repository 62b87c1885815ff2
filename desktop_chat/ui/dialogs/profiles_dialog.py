"""Provider profiles: list, add, edit, delete, pick, and "Test connection".

objectNames — list dialog: `profiles_dialog`, `profiles_list`, `profiles_add`, `profiles_edit`,
`profiles_delete`, `profiles_use` (make the selected profile the active one), `profiles_test`,
`profiles_test_result`, `profiles_close`. Editor: `profile_editor`, `profile_name`, `profile_kind`,
`profile_base_url`, `profile_api_version`, `profile_organization`, `profile_project`, `profile_model`
(editable: the server's models, or any deployment name), `profile_key` (password echo; empty keeps the
saved key), `profile_forget_key`, `profile_problem`, `profile_ok`.

Keys go straight from the key field to the keyring under the profile's own entry; they are never shown,
stored in settings or passed anywhere else.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_chat.core.api import capabilities
from desktop_chat.core.api.capabilities import Capabilities
from desktop_chat.core.api.client import MissingKeyError
from desktop_chat.core.api.providers.select import mode_label
from desktop_chat.core.config import keys, profiles
from desktop_chat.core.config.profiles import KIND_LABELS, ApiChoice, Profile, ProviderKind
from desktop_chat.core.conversation.store import Store
from desktop_chat.ui import i18n, theme

log = logging.getLogger(__name__)


class ProfileEditor(QDialog):
    """Add or edit one profile; `result_profile()` and `result_key()` after it is accepted."""

    def __init__(
        self, profile: Profile, *, has_key: bool, models: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profile_editor")
        self.setWindowTitle(
            self.tr("Edit profile") if has_key or profile.base_url else self.tr("Add profile")
        )
        self.setMinimumWidth(520)
        self.profile = profile
        self.name = self._line("profile_name", profile.name)
        self.kind = QComboBox()
        self.kind.setObjectName("profile_kind")
        shown_labels = {ProviderKind.COMPATIBLE: self.tr("OpenAI-compatible")}
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(shown_labels.get(kind, label), kind)
        self.kind.setCurrentIndex(self.kind.findData(profile.kind))
        self.kind.setEnabled(not profile.is_default)  # the default profile stays OpenAI-style
        self.base_url = self._line("profile_base_url", profile.base_url)
        self.api_version = self._line("profile_api_version", profile.api_version)
        self.api_version.setPlaceholderText(self.tr("e.g. 2025-04-01-preview; empty = the /openai/v1/ form"))
        self.organization = self._line("profile_organization", profile.organization)
        self.project = self._line("profile_project", profile.project)
        self.model = QComboBox()
        self.model.setObjectName("profile_model")
        self.model.setEditable(True)
        self.model.addItems(models)
        self.model.setEditText(profile.default_model or "")
        line = self.model.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("a listed model, or type any name (Azure: the deployment)"))
        self.key = QLineEdit()
        self.key.setObjectName("profile_key")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(
            self.tr("saved in the keyring — leave empty to keep it")
            if has_key
            else self.tr("sk-… (stored in the keyring)")
        )
        self.forget_key = QCheckBox(self.tr("Forget the saved key"))
        self.forget_key.setObjectName("profile_forget_key")
        self.forget_key.setVisible(has_key)
        self.problem = QLabel()
        self.problem.setObjectName("profile_problem")
        self.problem.setWordWrap(True)
        theme.set_tone(self.problem, "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("profile_ok")

        self.form = QFormLayout()
        self.form.addRow(self.tr("&Name:"), self.name)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&URL / endpoint:"), self.base_url)
        self.form.addRow(self.tr("API &version:"), self.api_version)
        self.form.addRow(self.tr("&Organization:"), self.organization)
        self.form.addRow(self.tr("&Project:"), self.project)
        self.form.addRow(self.tr("&Model:"), self.model)
        self.api = QComboBox()
        self.api.setObjectName("profile_api")
        for choice, label in (
            (ApiChoice.AUTO, self.tr("Automatic (Responses; Chat Completions where the server has none)")),
            (ApiChoice.RESPONSES, self.tr("Responses API")),
            (ApiChoice.CHAT, self.tr("Chat Completions")),
        ):
            self.api.addItem(label, choice)
        self.api.setCurrentIndex(max(0, self.api.findData(profile.api)))
        self.form.addRow(self.tr("A&PI:"), self.api)
        self.streaming = QCheckBox(self.tr("&Stream answers as they are written"))
        self.streaming.setObjectName("profile_streaming")
        self.streaming.setChecked(profile.streaming)
        self.streaming.setToolTip(
            self.tr(
                "Off: each answer is asked for whole and shown when ready (for servers that fail to stream)."
            )
        )
        self.form.addRow("", self.streaming)
        self.form.addRow(self.tr("API &key:"), self.key)
        self.form.addRow("", self.forget_key)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        for edit in (self.name, self.base_url, self.api_version, self.key):
            edit.textChanged.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self._update()
        self.name.setFocus()

    def _line(self, name: str, value: str | None) -> QLineEdit:
        edit = QLineEdit(value or "")
        edit.setObjectName(name)
        return edit

    def _kind(self) -> ProviderKind:
        return ProviderKind(self.kind.currentData())

    def result_profile(self) -> Profile:
        return replace(
            self.profile,
            name=self.name.text().strip(),
            kind=self._kind(),
            base_url=self.base_url.text().strip().rstrip("/") or None,
            api_version=self.api_version.text().strip() or None
            if self._kind() is ProviderKind.AZURE
            else None,
            organization=self.organization.text().strip() or None,
            project=self.project.text().strip() or None,
            default_model=self.model.currentText().strip() or None,
            api=ApiChoice(self.api.currentData() or ApiChoice.AUTO),
            streaming=self.streaming.isChecked(),
        )

    def result_key(self) -> str | None:
        """The new key typed in (None: keep what the keyring holds)."""
        return self.key.text().strip() or None

    def _update(self) -> None:
        kind = self._kind()
        azure = kind is ProviderKind.AZURE
        self.form.setRowVisible(self.api_version, azure)
        self.form.setRowVisible(self.organization, not azure)
        self.form.setRowVisible(self.project, not azure)
        self.base_url.setPlaceholderText(self._url_hint(kind))
        problems = [i18n.core_text(problem) for problem in self.result_profile().validate()]
        if any(ch.isspace() for ch in self.key.text().strip()):
            problems.append(self.tr("The key must not contain spaces or line breaks."))
        self.problem.setText("\n".join(problems))
        self.problem.setVisible(bool(problems))
        self.ok_button.setEnabled(not problems)

    def _url_hint(self, kind: ProviderKind) -> str:
        if kind is ProviderKind.AZURE:
            return self.tr("https://NAME.openai.azure.com (or …/openai/v1)")
        if kind is ProviderKind.COMPATIBLE:
            return self.tr("e.g. http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio)")
        return self.tr("optional: empty = https://api.openai.com/v1")

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter in a field must not bypass the rules
            super().accept()


class ProfilesDialog(QDialog):
    """The list of profiles. `profiles_changed` fires after any change (the window reconnects)."""

    profiles_changed = Signal()
    tested = Signal(str, object)  # profile id, Capabilities

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profiles_dialog")
        self.setWindowTitle(self.tr("Providers"))
        self.setMinimumSize(640, 360)
        self.store = store
        self.editor: ProfileEditor | None = None  # the open editor (for tests and accessibility)
        self.confirm: Callable[[str], bool] = self._ask
        self._test_task: asyncio.Task[None] | None = None
        self.list = QListWidget()
        self.list.setObjectName("profiles_list")
        self.test_result = QLabel(
            self.tr("Select a profile and press Test connection to see what its server supports.")
        )
        self.test_result.setObjectName("profiles_test_result")
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("add", self.tr("&Add…"), self.add),
            ("edit", self.tr("&Edit…"), self.edit),
            ("delete", self.tr("&Delete"), self.delete),
            ("use", self.tr("&Use for new chats"), self.use),
            ("test", self.tr("&Test connection"), self.test),
        ):
            button = QPushButton(text)
            button.setObjectName(f"profiles_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("profiles_close")
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.test_result)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        self.reload()

    # -- the list --------------------------------------------------------------------------------
    def reload(self, select_id: str | None = None) -> None:
        current = select_id or self.selected_id() or profiles.active_profile(self.store).id
        active = profiles.active_profile(self.store).id
        self.list.clear()
        for profile in profiles.list_profiles(self.store):
            caps = capabilities.cached(self.store, profiles.server_of(profile), profile.default_model)
            text = profiles.describe(profile) + (" · " + mode_label(caps) if caps else "")
            if profile.id == active:
                text = "★ " + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            self.list.addItem(item)
            if profile.id == current:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def selected(self) -> Profile | None:
        return profiles.get_profile(self.store, self.selected_id()) if self.selected_id() else None

    def _update_buttons(self) -> None:
        profile = self.selected()
        for name in ("edit", "use", "test"):
            self.buttons[name].setEnabled(profile is not None)
        self.buttons["delete"].setEnabled(profile is not None and not profile.is_default)

    # -- actions ---------------------------------------------------------------------------------
    def add(self) -> None:
        self._open_editor(profiles.new_profile(""), has_key=False)

    def edit(self) -> None:
        profile = self.selected()
        if profile is not None:
            self._open_editor(profile, has_key=self._has_key(profile))

    def _has_key(self, profile: Profile) -> bool:
        try:
            return keys.get_api_key(profile.id) is not None
        except keys.KeyringUnavailable:
            return False

    def _open_editor(self, profile: Profile, *, has_key: bool) -> None:
        caps = capabilities.cached(self.store, profiles.server_of(profile))
        self.editor = ProfileEditor(profile, has_key=has_key, models=caps.models if caps else [], parent=self)
        self.editor.finished.connect(self._editor_done)
        self.editor.open()

    def _editor_done(self, result: int) -> None:
        editor, self.editor = self.editor, None
        if editor is None or result != QDialog.DialogCode.Accepted:
            return
        editor.deleteLater()
        try:
            saved = profiles.save_profile(self.store, editor.result_profile())
            key = editor.result_key()
            if key:
                profiles.set_key(saved, key)
            elif editor.forget_key.isChecked():
                profiles.delete_key(saved)
        except keys.KeyringUnavailable as exc:
            self.test_result.setText(exc.user_message)
            saved = editor.result_profile()
        except ValueError as exc:
            self.test_result.setText(i18n.error_text(exc))
            return
        self.reload(saved.id)
        self.profiles_changed.emit()

    def delete(self) -> None:
        profile = self.selected()
        if profile is None or profile.is_default:
            return
        if not self.confirm(
            self.tr("Delete the profile “%1” and its saved key?").replace("%1", profile.name)
        ):
            return
        profiles.delete_profile(self.store, profile.id)
        self.reload()
        self.profiles_changed.emit()

    def use(self) -> None:
        profile = self.selected()
        if profile is not None:
            profiles.set_active_profile(self.store, profile.id)
            self.reload(profile.id)
            self.profiles_changed.emit()

    def test(self) -> None:
        profile = self.selected()
        if profile is None or (self._test_task is not None and not self._test_task.done()):
            return
        self.buttons["test"].setEnabled(False)
        self.test_result.setText(self.tr("Testing “%1”…").replace("%1", profile.name))
        self._test_task = asyncio.ensure_future(self._test(profile))

    async def _test(self, profile: Profile) -> None:
        caps: Capabilities | None = None
        try:
            key, _source = profiles.get_key(profile)
            client = profiles.make_client(profile, key, max_retries=0)
        except MissingKeyError as exc:
            self.test_result.setText(exc.user_message)
        else:
            try:
                caps = await capabilities.ensure(
                    self.store, profiles.server_of(profile), client, profile.default_model, recheck=True
                )
            finally:
                await client.close()
            self.test_result.setText(f"{profile.name}:\n{caps.summary()}")
        finally:
            self.buttons["test"].setEnabled(True)
        if caps is not None:
            self.reload(profile.id)
            self.tested.emit(profile.id, caps)

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete profile"), text)
        return answer == QMessageBox.StandardButton.Yes

    def done(self, result: int) -> None:
        if self._test_task is not None and not self._test_task.done():
            self._test_task.cancel()
        super().done(result)
