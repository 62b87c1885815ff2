"""The translations keep to docs/GLOSSARY.md: no translation uses a word the glossary says to avoid
(Chinese always "令牌" for token, never "词元" or "token"; Korean "토큰")."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "GLOSSARY.md"
LANGUAGES = {"ko": "desktop_chat_ko.ts", "zh": "desktop_chat_zh_CN.ts"}


def avoid_rules() -> list[tuple[str, str, str]]:
    """(language, pattern, English term) from the glossary's "avoid" column."""
    rules = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 4 or cells[0] in ("English", "---"):
            continue
        for rule in filter(None, (part.strip() for part in cells[3].split(", "))):
            language, _, pattern = rule.partition(":")
            rules.append((language, pattern, cells[0]))
    return rules


def translations(language: str) -> list[tuple[str, str]]:
    root = ET.parse(ROOT / "resources" / "translations" / LANGUAGES[language]).getroot()
    return [
        (message.findtext("source") or "", message.findtext("translation") or "")
        for message in root.iter("message")
    ]


def test_the_glossary_has_rules_for_the_token_word() -> None:
    rules = avoid_rules()
    assert ("zh", "词元", "token") in rules
    assert any(language == "zh" and re.search(pattern, "3 tokens") for language, pattern, _ in rules)


def test_translations_keep_to_the_glossary() -> None:
    found = [
        f"{language}: {term!r} as {pattern!r} in {text!r} (for {source!r})"
        for language, pattern, term in avoid_rules()
        for source, text in translations(language)
        if re.search(pattern, text)
    ]
    assert found == []
    for language, word in (("zh", "令牌"), ("ko", "토큰")):
        about_tokens = [(s, t) for s, t in translations(language) if re.search(r"(?<![/_])\btokens?\b", s)]
        assert about_tokens and [s for s, t in about_tokens if word not in t] == []
