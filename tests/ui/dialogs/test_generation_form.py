"""The settings dialog's Generation tab: what it shows and what OK saves (nothing sent by default)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox

from desktop_chat.core.conversation.model import ChatParams
from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog


def test_the_generation_tab_shows_and_saves_images_verbosity_tier_and_storage(qtbot: Any) -> None:
    dialog = SettingsDialog(ChatParams(verbosity="high"), None, None)
    qtbot.addWidget(dialog)
    verbosity = dialog.findChild(QComboBox, "settings_verbosity")
    tier = dialog.findChild(QComboBox, "settings_service_tier")
    assert verbosity is not None and tier is not None
    assert verbosity.currentText() == "high" and tier.currentText() == "server default"
    assert [tier.itemText(k) for k in range(1, tier.count())] == ["auto", "default", "flex", "priority"]
    images = dialog.findChild(QCheckBox, "settings_image_generation")
    store = dialog.findChild(QCheckBox, "settings_store")
    assert images is not None and not images.isChecked() and store is not None and store.isChecked()
    images.setChecked(True)
    store.setChecked(False)
    tier.setCurrentText("flex")
    verbosity.setCurrentIndex(0)  # back to the server's default: not sent
    dialog.accept()
    saved = dialog.result_defaults()
    assert (saved.image_generation, saved.store, saved.service_tier, saved.verbosity) == (
        True,
        False,
        "flex",
        None,
    )
    assert ChatParams.from_json(saved.to_json()) == saved
