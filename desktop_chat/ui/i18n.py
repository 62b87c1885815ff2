"""UI languages: English, Korean and Simplified Chinese through Qt's translation system.

The language follows the system unless the user picks one (View > Language). A switch is live:
`switch` replaces the installed translators and Qt sends every widget a LanguageChange event, which
each widget with text answers by setting its texts again (`retranslate`); what is not a widget (menus'
actions, the transcript's HTML, graph cards) is redone by the window. Translations are compiled .qm
files shipped in `desktop_chat.resources/translations`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop_chat.core.content import text as core_messages
from desktop_chat.core.content.text import QT_TRANSLATE_NOOP

SETTING_KEY = "language"
LANGUAGE_PROPERTY = "desktop_chat_language"  # on the application: the code in use
TRANSLATORS_ATTRIBUTE = "_desktop_chat_translators"  # on the application: the translators installed
LANGUAGES = {"system": "System", "en": "English", "ko": "한국어", "zh_CN": "简体中文"}


def _translate_core(source: str) -> str:
    return QCoreApplication.translate(core_messages.CONTEXT, source)


core_messages.set_translator(_translate_core)  # core's labels (core.text.tr) in the UI's language


def resolve(setting: str | None, system: str | None = None) -> str:
    """The language code to use for a stored choice ("system" follows the system locale)."""
    if setting in LANGUAGES and setting != "system":
        return str(setting)
    name = system or QLocale.system().name()
    if name.startswith("ko"):
        return "ko"
    if name.startswith("zh"):
        return "zh_CN"
    return "en"


def status_name(status: str) -> str:
    """A turn's status (a `NodeStatus` value such as "failed") in the UI's language."""
    value = str(status)
    if value == "streaming":
        return QCoreApplication.translate("NodeStatus", "streaming")
    if value == "completed":
        return QCoreApplication.translate("NodeStatus", "completed")
    if value == "incomplete":
        return QCoreApplication.translate("NodeStatus", "incomplete")
    if value == "failed":
        return QCoreApplication.translate("NodeStatus", "failed")
    if value == "stopped":
        return QCoreApplication.translate("NodeStatus", "stopped")
    if value == "interrupted":
        return QCoreApplication.translate("NodeStatus", "interrupted")
    if value == "draft":
        return QCoreApplication.translate("NodeStatus", "not sent")
    return value


_EFFORTS = {  # translated when shown (context "ReasoningEffort"); None: the server's default
    None: QT_TRANSLATE_NOOP("ReasoningEffort", "default"),
    "none": QT_TRANSLATE_NOOP("ReasoningEffort", "none"),
    "minimal": QT_TRANSLATE_NOOP("ReasoningEffort", "minimal"),
    "low": QT_TRANSLATE_NOOP("ReasoningEffort", "low"),
    "medium": QT_TRANSLATE_NOOP("ReasoningEffort", "medium"),
    "high": QT_TRANSLATE_NOOP("ReasoningEffort", "high"),
    "xhigh": QT_TRANSLATE_NOOP("ReasoningEffort", "xhigh"),
}


def effort_name(effort: str | None) -> str:
    """A reasoning effort (None: the server's default) in the UI's language, as the model picker and
    the settings list it."""
    source = _EFFORTS.get(effort)
    return QCoreApplication.translate("ReasoningEffort", source) if source else str(effort)


def core_text(message: str) -> str:
    """A message made in core (`core.text.Text`) in the UI's language; other strings as they are."""
    if isinstance(message, core_messages.Text):
        translated = QCoreApplication.translate(core_messages.CONTEXT, message.template)
        return core_messages.fill(translated, message.values)
    return message


def stored_core_text(message: str) -> str:
    """A core message kept in the store (its template is lost there): each line translated when it is
    a message without values (a notice read back from the database), else as it is."""
    if isinstance(message, core_messages.Text):
        return core_text(message)
    return "\n".join(QCoreApplication.translate(core_messages.CONTEXT, line) for line in message.split("\n"))


def error_text(exc: BaseException) -> str:
    """An exception's message (one raised in core with a Text) in the UI's language."""
    return core_text(core_messages.error_text(exc))


def join_sentences(sentences: list[str]) -> str:
    """Sentences in one line: a space after each, except after a full-width stop (Chinese)."""
    text = ""
    for sentence in sentences:
        if text and not text.endswith(("。", "！", "？")):
            text += " "
        text += sentence
    return text


def install(app: QCoreApplication, code: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations for `code`; keep the returned objects alive."""
    loaded: list[QTranslator] = []
    if code == "en":
        return loaded
    from importlib.resources import files  # ~1.5 ms, on the start-up path of translated UIs only

    own = files("desktop_chat.resources").joinpath("translations", f"desktop_chat_{code}.qm")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for translator_file, folder in ((str(own), ""), (f"qtbase_{code}", qt_dir)):
        translator = QTranslator(app)
        ok = translator.load(translator_file, folder) if folder else translator.load(translator_file)
        if ok:
            app.installTranslator(translator)
            loaded.append(translator)
    return loaded


def current() -> str:
    """The language the UI speaks now ("en", "ko" or "zh_CN")."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return value if isinstance(value, str) and value in LANGUAGES else "en"


def switch(app: QCoreApplication, code: str) -> None:
    """Speak `code` from now on: the old translators out, the new ones in, and every widget told at once
    (its LanguageChange event is delivered before this returns)."""
    for old in getattr(app, TRANSLATORS_ATTRIBUTE, []):
        app.removeTranslator(old)
    setattr(app, TRANSLATORS_ATTRIBUTE, install(app, code))
    app.setProperty(LANGUAGE_PROPERTY, code)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def is_language_change(event: QEvent) -> bool:
    """True for the event a widget gets when the UI's language changed (it sets its texts again)."""
    return event.type() == QEvent.Type.LanguageChange
