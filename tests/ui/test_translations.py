"""Korean and Simplified Chinese beyond the main window: dialogs and panels speak the chosen language,
and every source string in the UI has a translation (the .ts files are complete and the .qm files built)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton, QTabWidget

from desktop_chat.core.config import profiles
from desktop_chat.core.conversation.model import ChatParams, Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.store import Store, open_store
from desktop_chat.ui import i18n
from desktop_chat.ui.conversations.search_panel import SearchPanel
from desktop_chat.ui.dialogs.profiles_dialog import ProfileEditor, ProfilesDialog
from desktop_chat.ui.dialogs.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("desktop_chat_*.ts"))

# what a user sees in each language: window titles, tabs, buttons, labels, search results
EXPECTED: dict[str, dict[str, Any]] = {
    "ko": {
        "settings_title": "설정",
        "tabs": ["기본값(&D)", "이 대화(&C)", "도구 및 출력(&O)", "생성(&G)", "가격(&P)", "연결(&N)"],
        "refresh": "새로 고침",
        "temperature_hint": "서버 기본값 (0~2)",
        "conversation_hint": "기본값: 0.7",
        "search_hint": "모든 대화 검색",
        "one_match": "1개 일치",
        "answer_label": "답변:",
        "no_matches": "일치하는 항목 없음",
        "providers_title": "제공자",
        "test_button": "연결 테스트(&T)",
        "close_button": "닫기",
        "test_hint": "연결 테스트를 누르면",
        "you": "나",
        "meta": "입력 1,234 / 출력 56 토큰 (캐시 7)",
        "stopped": "중지됨 — 받은 부분 답변은 보관됨",
        "temperature_problem": "Temperature는 0에서 2 사이여야 합니다(입력값: 5.0).",
        "profile_name_problem": "프로필 이름을 입력하세요.",
    },
    "zh_CN": {
        "settings_title": "设置",
        "tabs": ["默认值(&D)", "此对话(&C)", "工具和输出(&O)", "生成(&G)", "价格(&P)", "连接(&N)"],
        "refresh": "刷新",
        "temperature_hint": "服务器默认值（0 到 2）",
        "conversation_hint": "默认：0.7",
        "search_hint": "搜索所有对话",
        "one_match": "1 个匹配",
        "answer_label": "回答：",
        "no_matches": "无匹配结果",
        "providers_title": "提供商",
        "test_button": "测试连接(&T)",
        "close_button": "关闭",
        "test_hint": "测试连接",
        "you": "你",
        "meta": "输入 1,234 / 输出 56 个令牌 (缓存 7)",
        "stopped": "已停止 — 已保留部分回答",
        "temperature_problem": "Temperature 必须介于 0 和 2 之间（当前为 5.0）。",
        "profile_name_problem": "请为配置命名。",
    },
}


@pytest.fixture
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    """Install the app's (and Qt's) translators for the language, as the app does at start-up."""
    code = str(request.param)
    translators = i18n.install(qapp, code)
    assert translators, f"no translation loaded for {code}"
    yield code
    for translator in translators:
        qapp.removeTranslator(translator)
    from desktop_chat.core.content import markdown

    markdown.COPY_CODE_LABEL = "Copy code"  # a translated view set it; later tests expect English


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened, _ = open_store(tmp_path / "chat.sqlite3")
    yield opened
    opened.close()


@pytest.mark.parametrize("language", ["ko", "zh_CN"], indirect=True)
def test_settings_dialog_speaks_the_language(language: str, qtbot: Any) -> None:
    expected = EXPECTED[language]
    dialog = SettingsDialog(
        ChatParams(model="gpt-4.1-mini", temperature=0.7), {}, None, conversation_title="t"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == expected["settings_title"]
    tabs = dialog.findChild(QTabWidget, "settings_tabs")
    assert tabs is not None
    assert [tabs.tabText(i) for i in range(tabs.count())] == expected["tabs"]
    refresh = dialog.findChild(QPushButton, "settings_refresh_models")
    assert refresh is not None and refresh.text() == expected["refresh"]
    temperature = dialog.findChild(QLineEdit, "settings_temperature")
    assert temperature is not None and temperature.placeholderText() == expected["temperature_hint"]
    override = dialog.findChild(QLineEdit, "settings_conversation_temperature")
    assert override is not None and override.placeholderText() == expected["conversation_hint"]
    # the standard buttons come from Qt's own translation
    assert dialog.ok_button.text() not in ("OK", "&OK")
    # a value out of range: the rule is core's (ChatParams.validate), the message the user's language
    temperature.setText("5")
    dialog.ok_button.click()
    errors = dialog.findChild(QLabel, "settings_errors")
    assert errors is not None and expected["temperature_problem"] in errors.text()
    assert "must be between" not in errors.text()


@pytest.mark.parametrize("language", ["ko", "zh_CN"], indirect=True)
def test_search_panel_speaks_the_language(language: str, tmp_path: Path, qtbot: Any) -> None:
    expected = EXPECTED[language]
    chats = Store(tmp_path / "chats.sqlite3")
    conversation = Conversation(title="Trip")
    chats.save_conversation(conversation)
    chats.insert_node(
        Node(
            conversation.id,
            None,
            [user_message("Plan a trip")],
            output_text="Day one: Gyeongbokgung palace.",
            status=NodeStatus.COMPLETED,
        )
    )
    panel = SearchPanel(chats, delay_ms=0)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    box = panel.findChild(QLineEdit, "search_input")
    status = panel.findChild(QLabel, "search_status")
    results = panel.findChild(QListWidget, "search_results")
    assert box is not None and status is not None and results is not None
    assert box.placeholderText() == expected["search_hint"]
    QTest.keyClicks(box, "Gyeongbokgung")
    with qtbot.waitSignal(panel.searched):
        panel.search_now()
    assert status.text() == expected["one_match"]
    assert expected["answer_label"] in results.item(0).text()
    box.clear()
    QTest.keyClicks(box, "zzzqqq")
    with qtbot.waitSignal(panel.searched):
        panel.search_now()
    assert status.text() == expected["no_matches"]
    panel.close()
    chats.close()


@pytest.mark.parametrize("language", ["ko", "zh_CN"], indirect=True)
def test_transcript_speaks_the_language(language: str, qtbot: Any) -> None:
    from desktop_chat.core.conversation.model import Usage
    from desktop_chat.ui.transcript.transcript import TranscriptView

    view = TranscriptView()
    qtbot.addWidget(view)
    done = Node(
        "c",
        None,
        [user_message("안녕")],
        output_text="answer",
        status=NodeStatus.COMPLETED,
        model="m",
        usage=Usage(input_tokens=1234, output_tokens=56, cached_tokens=7),
    )
    stopped = Node("c", done.id, [user_message("more")], output_text="half", status=NodeStatus.STOPPED)
    view.show_path([done, stopped])
    text = view.rendered_text()
    expected = EXPECTED[language]
    assert expected["you"] in text and expected["meta"] in text and expected["stopped"] in text


@pytest.mark.parametrize("language", ["ko", "zh_CN"], indirect=True)
def test_outline_marks_speak_the_language(language: str) -> None:
    from desktop_chat.ui.tree.tree_model import node_label

    stopped = Node("c", None, [user_message("more")], output_text="half", status=NodeStatus.STOPPED)
    failed = Node("c", None, [user_message("again")], status=NodeStatus.FAILED)
    expected = {"ko": ("■ 중지됨", "⚠ 실패"), "zh_CN": ("■ 已停止", "⚠ 失败")}[language]
    assert node_label(stopped) == f"more  {expected[0]}" and node_label(failed) == f"again  {expected[1]}"


@pytest.mark.parametrize("language", ["ko", "zh_CN"], indirect=True)
def test_profiles_dialog_speaks_the_language(
    language: str, store: Store, qtbot: Any, memory_keyring: Any
) -> None:
    expected = EXPECTED[language]
    dialog = ProfilesDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == expected["providers_title"]
    assert dialog.buttons["test"].text() == expected["test_button"]
    close = dialog.findChild(QPushButton, "profiles_close")
    assert close is not None and close.text() == expected["close_button"]
    result = dialog.findChild(QLabel, "profiles_test_result")
    assert result is not None and expected["test_hint"] in result.text()
    editor = ProfileEditor(
        profiles.new_profile("", base_url="http://localhost:8000/v1"), has_key=False, models=[]
    )
    qtbot.addWidget(editor)
    problem = editor.findChild(QLabel, "profile_problem")
    assert problem is not None and problem.text() == expected["profile_name_problem"]


# -- the translation files ------------------------------------------------------------------------
def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def unfinished(ts: Path) -> list[str]:
    return [
        f"{context}: {source!r}"
        for context, source, translation in messages(ts)
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]


def test_both_languages_are_shipped() -> None:
    assert [ts.name for ts in TS_FILES] == ["desktop_chat_ko.ts", "desktop_chat_zh_CN.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_string_is_translated(ts: Path) -> None:
    """A string added without a translation fails here: run scripts/update_translations.sh and translate."""
    assert unfinished(ts) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_translations_keep_placeholders_and_mnemonics(ts: Path) -> None:
    problems = []
    for context, source, translation in messages(ts):
        text = translation.text or ""
        if set(re.findall(r"%\d|%s", source)) != set(re.findall(r"%\d|%s", text)):
            problems.append(f"{context}: {source!r} -> {text!r} (placeholders)")
        if re.search(r"(?<!&)&[^&\s]", source.replace("&&", "")) and "&" not in text.replace("&&", ""):
            problems.append(f"{context}: {source!r} -> {text!r} (no mnemonic)")
    assert problems == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_compiled_translations_match_the_sources(ts: Path, qapp: Any) -> None:
    """The shipped .qm is built from the current .ts (scripts/update_translations.sh was run)."""
    translator = QTranslator()
    assert translator.load(str(ts.with_suffix(".qm")))
    stale = [
        f"{context}: {source!r}"
        for context, source, translation in messages(ts)
        if translator.translate(context, source) != (translation.text or "")
    ]
    assert stale == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_token_is_one_word_in_each_language(ts: Path) -> None:
    """Korean says 토큰 and Chinese 令牌 throughout, never the English word (API names such as
    responses/input_tokens stay as they are)."""
    english = [
        f"{context}: {text!r}"
        for context, _, translation in messages(ts)
        if re.search(r"token", re.sub(r"\w*_tokens?\w*", "", text := translation.text or ""), re.I)
    ]
    assert english == []


def lupdate() -> str | None:
    here = Path(sys.executable).parent / "pyside6-lupdate"
    return str(here) if here.exists() else shutil.which("pyside6-lupdate")


@pytest.mark.skipif(lupdate() is None, reason="pyside6-lupdate is not installed")
@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_no_ui_string_is_missing_from_the_translations(ts: Path, tmp_path: Path) -> None:
    """Every tr()/translate() string in desktop_chat/ui (every subfolder) and every core message marked with
    QT_TRANSLATE_NOOP in desktop_chat/core is in the .ts file with a translation."""
    copy = tmp_path / ts.name
    copy.write_bytes(ts.read_bytes())
    sources = sorted(
        str(p) for folder in ("ui", "core") for p in (ROOT / "desktop_chat" / folder).rglob("*.py")
    )
    assert any("/ui/composer/" in s for s in sources) and any("/core/content/" in s for s in sources)
    tool = lupdate()
    assert tool is not None
    subprocess.run([tool, *sources, "-ts", str(copy), "-no-obsolete"], check=True, capture_output=True)
    assert unfinished(copy) == []
