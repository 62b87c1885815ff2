"""The settings dialog's "Generation" tab (the defaults): generated images, how long answers are, the
processing tier, and whether answers are kept on the server.

Object names: `settings_image_generation` (the image_generation tool, partial images streamed),
`settings_verbosity` (server default, low, medium, high: `text.verbosity`; the default is not sent),
`settings_service_tier` (server default, auto, default, flex, priority; the default is not sent),
`settings_store` (keep answers on the server; off: zero data retention — every turn is replayed and
reasoning travels encrypted).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from desktop_chat.core.conversation.model import SERVICE_TIERS, VERBOSITIES, ChatParams


class GenerationForm(QWidget):
    def __init__(self, params: ChatParams) -> None:
        super().__init__()
        self.image_generation = QCheckBox(self.tr("&Generate images (the image_generation tool)"))
        self.image_generation.setObjectName("settings_image_generation")
        self.image_generation.setChecked(params.image_generation)
        self.verbosity = self._choice("settings_verbosity", VERBOSITIES, params.verbosity)
        self.verbosity.setToolTip(self.tr("How long and detailed answers are (gpt-5 models)"))
        self.service_tier = self._choice("settings_service_tier", SERVICE_TIERS, params.service_tier)
        self.service_tier.setToolTip(self.tr("flex: slower and cheaper; priority: faster and dearer"))
        self.store = QCheckBox(self.tr("&Keep answers on the server (previous_response_id)"))
        self.store.setObjectName("settings_store")
        self.store.setChecked(params.store)
        note = QLabel(
            self.tr(
                "Without keeping answers on the server (zero data retention), every turn sends the "
                "conversation from this computer, and reasoning models get their earlier reasoning back "
                "encrypted."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.image_generation)
        form.addRow(self.tr("&Verbosity:"), self.verbosity)
        form.addRow(self.tr("Service &tier:"), self.service_tier)
        form.addRow(self.store)
        form.addRow(note)
        for label, box in (
            (self.tr("Verbosity"), self.verbosity),
            (self.tr("Service tier"), self.service_tier),
        ):
            box.setAccessibleName(label)

    def _choice(self, name: str, values: tuple[str, ...], current: str | None) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(self.tr("server default"), "")
        labels = {  # flex and priority are OpenAI's names for its tiers
            "low": self.tr("low"),
            "medium": self.tr("medium"),
            "high": self.tr("high"),
            "auto": self.tr("auto"),
            "default": self.tr("default", "the standard service tier"),
        }
        for value in values:
            box.addItem(labels.get(value, value), value)
        box.setCurrentIndex(max(0, box.findData(current or "")))
        return box

    def parse(self) -> dict[str, Any]:
        """The tab's values as ChatParams fields (nothing here can be wrong: every choice is valid)."""
        return {
            "image_generation": self.image_generation.isChecked(),
            "verbosity": self.verbosity.currentData() or None,
            "service_tier": self.service_tier.currentData() or None,
            "store": self.store.isChecked(),
        }
