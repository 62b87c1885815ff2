"""Generate years of chat history: N conversations of ~15 turns, 15% of them in Korean, Chinese or Japanese.

Two outputs, same conversations (seeded, so every run makes the same history):
- a ChatGPT data export's `conversations.json` (a mapping tree per conversation: a root, a hidden system
  message, user/assistant turns, now and then a regenerated answer as a sibling branch), written one
  conversation at a time so memory stays small however large the file;
- a desktop_chat store filled straight away with app-made turns (output items as the Responses API
  returns them, usage, response ids), as if the user had chatted for years.

The Korean vocabulary never holds 사과 (apple), so a search for it is the worst case: found nowhere.

    python benchmarks/make_history.py --conversations 1000 --json out/conversations.json
    python benchmarks/make_history.py --conversations 1000 --store out/data/conversations.sqlite3
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TURNS = 15
CJK_SHARE = 0.15
ANSWER_CHARS = 2400  # average; a turn's answer is 0.3-1.7x this
START = 1_500_000_000.0  # 2017: years of history up to START + N days


def _words(text: str) -> list[str]:
    return text.split()


ENGLISH = _words(
    "the model answer request context branch server window memory search index import export token "
    "stream thread document format history database transaction cursor layout pane list function value "
    "option setting result error message question example detail reason method class object module test "
    "quickly carefully simply usually because however therefore although while after before during into "
    "returns keeps builds reads writes opens closes finds shows counts sorts merges splits checks"
)
KOREAN = _words(
    "나무 하늘 바다 학교 컴퓨터 프로그램 데이터 검색 대화 질문 답변 설명 예제 함수 변수 문서 "
    "창문 기억 시간 사람 이야기 방법 결과 오류 설정 목록 파일 저장 불러오기 빠르게 천천히 정확하게"
)  # never 사과: the benchmark's absent two-syllable word
KOREAN_ENDINGS = ["입니다.", "합니다.", "있습니다.", "됩니다.", "해 주세요.", "인가요?"]
CHINESE = _words(
    "我们 你们 数据 搜索 对话 问题 回答 说明 例子 函数 变量 文件 窗口 记忆 时间 方法 结果 错误 "
    "设置 列表 保存 打开 关闭 快速 程序 电脑 学校 天空 大海 树木"
)
JAPANESE = _words(
    "私 データ 検索 会話 質問 回答 説明 例 関数 変数 文書 窓 記憶 時間 方法 結果 エラー 設定 "
    "リスト 保存 開く 閉じる 速く プログラム コンピュータ 学校 空 海 木"
)
JAPANESE_PARTICLES = ["は", "を", "に", "で", "が", "の", "と"]
LANGUAGES = ("ko", "zh", "ja")


@dataclass
class Turn:
    prompt: str
    answer: str
    model: str
    created: float
    regenerated: str | None = None  # an earlier answer to the same prompt (a sibling branch)


@dataclass
class GeneratedConversation:
    index: int
    id: str
    title: str
    language: str  # "en", "ko", "zh" or "ja"
    created: float
    turns: list[Turn]


class Writer:
    """Text in one language, from a seeded random source."""

    def __init__(self, rng: random.Random, language: str) -> None:
        self.rng = rng
        self.language = language

    def sentence(self) -> str:
        rng = self.rng
        if self.language == "ko":
            words = rng.choices(KOREAN, k=rng.randint(3, 8))
            return " ".join(words) + " " + rng.choice(KOREAN_ENDINGS)
        if self.language == "zh":
            return "".join(rng.choices(CHINESE, k=rng.randint(4, 10))) + "。"
        if self.language == "ja":
            words = rng.choices(JAPANESE, k=rng.randint(3, 7))
            return "".join(w + rng.choice(JAPANESE_PARTICLES) for w in words) + "です。"
        words = rng.choices(ENGLISH, k=rng.randint(6, 16))
        return " ".join(words).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def answer(self, size: int) -> str:
        rng = self.rng
        parts: list[str] = []
        length = 0
        while length < size:
            kind = rng.random()
            if kind < 0.6:
                part = self.paragraph()
            elif kind < 0.75:
                part = "\n".join(f"- {self.sentence()}" for _ in range(rng.randint(2, 5)))
            elif kind < 0.85:
                name = rng.choice(ENGLISH)
                body = f"def {name}_{rng.randint(1, 99)}(value):\n    return value * {rng.randint(2, 9)}"
                part = f"```python\n{body}\n```"
            elif kind < 0.92:
                part = f"## {self.sentence().rstrip('.。')}"
            else:
                part = "| a | b |\n|---|---|\n" + "\n".join(
                    f"| {rng.randint(1, 999)} | {rng.choice(ENGLISH)} |" for _ in range(3)
                )
            parts.append(part)
            length += len(part) + 2
        return "\n\n".join(parts)


def conversation(
    index: int, seed: int = 19, turns: int = TURNS, answer_chars: int = ANSWER_CHARS
) -> GeneratedConversation:
    """The index-th conversation (one a day from START), of turns-2..turns+2 turns; made from its own seed."""
    rng = random.Random(seed * 1_000_003 + index)
    language = LANGUAGES[index % len(LANGUAGES)] if rng.random() < CJK_SHARE else "en"
    writer = Writer(rng, language)
    created = START + index * 86_400 + rng.randint(0, 40_000)
    clock = created
    made: list[Turn] = []
    for _ in range(max(1, turns + rng.randint(-2, 2))):
        clock += rng.randint(20, 600)
        size = int(answer_chars * rng.uniform(0.3, 1.7))
        prompt = writer.sentence() + (" " + writer.sentence() if rng.random() < 0.5 else "")
        regenerated = writer.answer(size // 3) if rng.random() < 0.05 else None
        model = rng.choice(["gpt-4o", "gpt-4.1-mini", "o3"])
        made.append(Turn(prompt, writer.answer(size), model, clock, regenerated))
    conv_id = uuid.UUID(int=rng.getrandbits(128)).hex
    return GeneratedConversation(index, conv_id, made[0].prompt[:50], language, created, made)


def conversations(
    count: int, seed: int = 19, turns: int = TURNS, answer_chars: int = ANSWER_CHARS
) -> Iterator[GeneratedConversation]:
    """The history, oldest first."""
    for index in range(count):
        yield conversation(index, seed, turns, answer_chars)


# -- a ChatGPT export ----------------------------------------------------------------------------------
def chatgpt_conversation(conv: GeneratedConversation) -> dict[str, Any]:
    """One conversation as ChatGPT's conversations.json holds it."""
    mapping: dict[str, Any] = {}

    def add(node_id: str, parent: str | None, message: dict[str, Any] | None) -> str:
        mapping[node_id] = {"id": node_id, "message": message, "parent": parent, "children": []}
        if parent is not None:
            mapping[parent]["children"].append(node_id)
        return node_id

    def message(
        node_id: str, role: str, text: str, when: float | None, model: str = "", hidden: bool = False
    ) -> dict[str, Any]:
        metadata: dict[str, Any] = {"model_slug": model} if model else {}
        if hidden:
            metadata["is_visually_hidden_from_conversation"] = True
        return {
            "id": node_id,
            "author": {"role": role, "name": None, "metadata": {}},
            "create_time": when,
            "update_time": None,
            "content": {"content_type": "text", "parts": [text]},
            "status": "finished_successfully",
            "end_turn": True if role == "assistant" else None,
            "weight": 1.0,
            "metadata": metadata,
            "recipient": "all",
            "channel": None,
        }

    parent = add("client-created-root", None, None)
    parent = add(f"{conv.id}-sys", parent, message(f"{conv.id}-sys", "system", "", None, hidden=True))
    for number, turn in enumerate(conv.turns):
        user_id = f"{conv.id}-u{number}"
        parent = add(user_id, parent, message(user_id, "user", turn.prompt, turn.created))
        if turn.regenerated is not None:
            old = f"{conv.id}-r{number}"
            add(old, user_id, message(old, "assistant", turn.regenerated, turn.created + 5, turn.model))
        answer_id = f"{conv.id}-a{number}"
        parent = add(
            answer_id, user_id, message(answer_id, "assistant", turn.answer, turn.created + 10, turn.model)
        )
    return {
        "title": conv.title,
        "create_time": conv.created,
        "update_time": conv.turns[-1].created + 10,
        "mapping": mapping,
        "moderation_results": [],
        "current_node": parent,
        "plugin_ids": None,
        "conversation_id": conv.id,
        "conversation_template_id": None,
        "gizmo_id": None,
        "is_archived": False,
        "safe_urls": [],
        "default_model_slug": "gpt-4o",
        "id": conv.id,
    }


def write_chatgpt_export(path: Path, count: int, seed: int = 19, answer_chars: int = ANSWER_CHARS) -> int:
    """Write conversations.json one conversation at a time (newest first, as ChatGPT does); its size."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for position, index in enumerate(reversed(range(count))):
            out.write("," if position else "")
            out.write(
                json.dumps(
                    chatgpt_conversation(conversation(index, seed, answer_chars=answer_chars)),
                    ensure_ascii=False,
                )
            )
        out.write("]")
    return path.stat().st_size


# -- a desktop_chat store ------------------------------------------------------------------------------
def app_nodes(conv: GeneratedConversation) -> tuple[Any, list[Any]]:
    """The conversation as the app makes it while chatting: a chain of turns with Responses output items."""
    from desktop_chat.core.conversation.model import (
        ContextMode,
        Conversation,
        Node,
        NodeStatus,
        Usage,
        user_message,
    )

    conversation = Conversation(
        title=conv.title, id=conv.id, created_at=conv.created, updated_at=conv.turns[-1].created + 10
    )
    nodes: list[Node] = []
    parent: str | None = None
    previous: str | None = None
    for number, turn in enumerate(conv.turns):
        node_id = uuid.uuid5(uuid.UUID(conv.id), f"turn-{number}").hex
        response_id = f"resp_{node_id}"
        output_items = [
            {
                "id": f"msg_{node_id}",
                "type": "message",
                "role": "assistant",
                "status": "completed",
                "content": [{"type": "output_text", "text": turn.answer, "annotations": [], "logprobs": []}],
            }
        ]
        words = len(turn.answer) // 4
        nodes.append(
            Node(
                id=node_id,
                conversation_id=conv.id,
                parent_id=parent,
                input_items=[user_message(turn.prompt)],
                output_items=output_items,
                output_text=turn.answer,
                response_id=response_id,
                previous_response_id=previous,
                model=turn.model,
                params={"model": turn.model},
                usage=Usage(
                    input_tokens=words * (number + 1), output_tokens=words, total_tokens=words * (number + 2)
                ),
                status=NodeStatus.COMPLETED,
                context_mode=ContextMode.CHAIN,
                created_at=turn.created,
                updated_at=turn.created + 10,
            )
        )
        parent, previous = node_id, response_id
    conversation.selected_node_id = parent
    return conversation, nodes


def fill_store(path: Path, count: int, seed: int = 19, answer_chars: int = ANSWER_CHARS) -> dict[str, int]:
    """Write the history into the store at `path` (created if missing), 100 conversations a transaction.

    Returns the characters of text it holds (prompts + answers) and the turns written."""
    from desktop_chat.core.conversation.store import Store
    from desktop_chat.core.interchange.export import ImportSummary, write_conversations

    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store(path)
    chars = turns = 0
    try:
        batch: list[Any] = []
        for conv in conversations(count, seed, answer_chars=answer_chars):
            chars += len(conv.title) + sum(len(t.prompt) + len(t.answer) for t in conv.turns)
            turns += len(conv.turns)
            batch.append(app_nodes(conv))
            if len(batch) == 100:
                write_conversations(store, batch, ImportSummary(source="generated"))
                batch = []
        write_conversations(store, batch, ImportSummary(source="generated"))
    finally:
        store.close()
    return {"text_chars": chars, "turns": turns}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--answer-chars", type=int, default=ANSWER_CHARS, help="average answer length")
    parser.add_argument("--json", type=Path, help="write a ChatGPT export's conversations.json here")
    parser.add_argument("--store", type=Path, help="fill a desktop_chat store (conversations.sqlite3) here")
    args = parser.parse_args(argv)
    if not args.json and not args.store:
        parser.error("give --json FILE and/or --store FILE")
    if args.json:
        size = write_chatgpt_export(args.json, args.conversations, args.seed, args.answer_chars)
        print(f"{args.json}: {args.conversations} conversations, {size / 1e6:.1f} MB", file=sys.stderr)
    if args.store:
        made = fill_store(args.store, args.conversations, args.seed, args.answer_chars)
        print(f"{args.store}: {made['turns']} turns, {made['text_chars']:,} characters", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
