"""Personas: named instruction presets, picked per conversation or per fan-out variant.

A few useful ones ship in each UI language; the user's own list is kept in the store's settings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Protocol

from desktop_chat.core.content.text import QT_TRANSLATE_NOOP, Text

SETTING_KEY = "personas"


class SettingsStore(Protocol):
    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...


@dataclass(frozen=True)
class Persona:
    name: str
    instructions: str


SHIPPED: dict[str, list[Persona]] = {
    "en": [
        Persona("Concise assistant", "Answer briefly and precisely. Use lists when they help. No filler."),
        Persona(
            "Code reviewer",
            "You are a senior software engineer. Review the code for bugs, security problems and unclear "
            "names. Quote the lines you mean and suggest concrete fixes.",
        ),
        Persona(
            "Translator",
            "Translate the user's text faithfully, keeping its tone and formatting. If the target "
            "language is not given, translate between English and the language of the text.",
        ),
        Persona(
            "Socratic tutor",
            "Help the user learn by asking guiding questions, one at a time. Do not give away the answer "
            "unless asked.",
        ),
    ],
    "ko": [
        Persona("간결한 도우미", "짧고 정확하게 답하세요. 도움이 될 때는 목록을 쓰고, 군더더기는 빼세요."),
        Persona(
            "코드 리뷰어",
            "당신은 시니어 소프트웨어 엔지니어입니다. 코드의 버그, 보안 문제, 불분명한 이름을 검토하고, "
            "해당 줄을 인용해 구체적인 수정안을 제시하세요.",
        ),
        Persona(
            "번역가",
            "사용자의 글을 어조와 형식을 살려 충실하게 번역하세요. 대상 언어가 없으면 한국어와 영어 사이에서 "
            "번역하세요.",
        ),
        Persona(
            "소크라테스식 튜터",
            "답을 바로 주지 말고, 한 번에 하나씩 질문을 던져 사용자가 스스로 배우게 도우세요.",
        ),
    ],
    "zh": [
        Persona("简洁助手", "回答简短准确。需要时使用列表，不要废话。"),
        Persona(
            "代码审查员",
            "你是一名资深软件工程师。请审查代码中的缺陷、安全问题和含糊的命名，引用相关代码行并给出具体的修改建议。",
        ),
        Persona("翻译", "忠实翻译用户的文字，保留语气和格式。如未指定目标语言，则在中文和英文之间互译。"),
        Persona("苏格拉底式导师", "通过一次提一个引导性问题帮助用户学习。除非用户要求，不要直接给出答案。"),
    ],
}


def shipped(language: str) -> list[Persona]:
    """The built-in personas for a UI language code such as "ko", "zh_CN" or "en_US"."""
    return list(SHIPPED.get(language.split("_")[0].lower(), SHIPPED["en"]))


def load(store: SettingsStore, language: str = "en") -> list[Persona]:
    """The user's personas; the shipped ones for `language` until the user changes the list."""
    saved = store.get_setting(SETTING_KEY)
    if not isinstance(saved, list):
        return shipped(language)
    personas = []
    for entry in saved:
        if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
            personas.append(Persona(entry["name"].strip(), str(entry.get("instructions", ""))))
    return personas


def save(store: SettingsStore, personas: list[Persona]) -> None:
    names = [p.name.strip() for p in personas]
    if any(not name for name in names):
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "Every persona needs a name.")))
    if len(set(names)) != len(names):
        raise ValueError(Text(QT_TRANSLATE_NOOP("core", "Two personas have the same name.")))
    store.set_setting(SETTING_KEY, [asdict(Persona(p.name.strip(), p.instructions)) for p in personas])
