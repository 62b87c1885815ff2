"""Search across conversations: prompts, answers and titles; any input is safe; the index follows edits."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_chat.core.conversation.model import Conversation, Node, NodeStatus, user_message
from desktop_chat.core.conversation.search import SearchHit, make_snippet, parse_terms, search
from desktop_chat.core.conversation.store import Store
from desktop_chat.core.interchange.export import ImportSummary, write_conversations


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "chats.sqlite3")
    yield s
    s.close()


def add(
    store: Store,
    conv: Conversation,
    prompt: str,
    answer: str,
    parent: Node | None = None,
    status: NodeStatus = NodeStatus.COMPLETED,
) -> Node:
    if store.get_conversation(conv.id) is None:
        store.save_conversation(conv)
    node = Node(
        conv.id, parent.id if parent else None, [user_message(prompt)], output_text=answer, status=status
    )
    store.insert_node(node)
    return node


def found(hits: list[SearchHit]) -> list[tuple[str | None, str]]:
    return [(h.node_id, h.field) for h in hits]


def test_finds_prompts_answers_and_titles_and_opens_at_the_node(store: Store) -> None:
    trees = Conversation("Binary trees")
    root = add(store, trees, "How do I balance a binary tree?", "Rotate nodes, as an AVL tree does.")
    child = add(store, trees, "And red-black trees?", "They recolour and rotate.", root)
    korean = Conversation("나무 이야기")
    tree_node = add(store, korean, "나무는 어떻게 자라나요?", "나무는 끝에서 자랍니다. 树木从顶端生长。")

    assert found(search(store, "recolour")) == [(child.id, "answer")]
    assert found(search(store, "balance")) == [(root.id, "prompt")]
    title_hit, prompt_hit = search(store, "Binary")  # the short title ranks first
    assert (prompt_hit.node_id, prompt_hit.field) == (root.id, "prompt")
    assert (title_hit.conversation_id, title_hit.node_id, title_hit.field) == (trees.id, None, "title")
    assert title_hit.title == "Binary trees"
    # Korean and Chinese: two-character words (no trigram) and longer ones
    assert {(h.conversation_id, h.node_id) for h in search(store, "나무")} == {
        (korean.id, None),
        (korean.id, tree_node.id),
    }
    assert found(search(store, "자라나요")) == [(tree_node.id, "prompt")]
    assert found(search(store, "树木")) == [(tree_node.id, "answer")]
    assert found(search(store, "顶端生长")) == [(tree_node.id, "answer")]
    # case-insensitive; every term must occur; "quoted phrases" are one term
    assert found(search(store, "AVL TREE")) == [(root.id, "answer")]
    assert search(store, "AVL recolour") == []
    assert found(search(store, '"an AVL tree"')) == [(root.id, "answer")]
    assert search(store, '"tree AVL"') == []
    assert search(store, "") == search(store, "   ") == []


def test_snippets_show_the_match_in_context(store: Store) -> None:
    conv = Conversation("Long")
    before = " ".join(f"word{i}" for i in range(80))
    after = " ".join(f"tail{i}" for i in range(80))
    add(store, conv, "q", f"{before}\n\nthe  needle\tis here {after}")
    [hit] = search(store, "needle")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "the needle is here" in hit.snippet  # whitespace collapsed
    [(start, end)] = hit.highlights
    assert hit.snippet[start:end] == "needle"
    assert len(hit.snippet) <= 170
    snippet, spans = make_snippet("Tree, tree and TREE", __import__("re").compile("tree", 2))
    assert snippet == "Tree, tree and TREE" and len(spans) == 3


def test_better_matches_rank_first(store: Store) -> None:
    conv = Conversation("Ranking")
    once = add(store, conv, "about many things", "graph " + "filler text " * 200)
    often = add(store, conv, "graph graph", "graph theory: a graph is nodes and edges")
    assert [h.node_id for h in search(store, "graph")] == [often.id, once.id]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "a OR b",
        "NEAR(x y)",
        "col:value",
        "*",
        "^start",
        "100%",
        "_",
        "\\",
        "'; DROP TABLE nodes; --",
        "(((",
        "AND",
        "-not",
        "{a b}:c",
        "🌳",
    ],
)
def test_fts_syntax_is_taken_literally(store: Store, query: str) -> None:
    conv = Conversation("Syntax")
    node = add(store, conv, f"text with {query} inside", "answer")
    hits = search(store, query)
    assert node.id in [h.node_id for h in hits]
    assert store.get_conversation(conv.id) is not None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40), st.integers(min_value=-5, max_value=100))
def test_any_input_is_safe(store: Store, query: str, limit: int) -> None:
    hits = search(store, query, limit=limit)
    assert isinstance(hits, list) and len(hits) <= max(limit, 0)


def test_parse_terms() -> None:
    assert parse_terms('tree "red black"  TREE 나무') == ["tree", "red black", "나무"]
    assert parse_terms('"unbalanced') == ['"unbalanced']
    assert parse_terms("a\x00b \x00") == ["ab"]
    assert len(parse_terms(" ".join(f"t{i}" for i in range(100)))) == 16


def test_the_index_follows_streaming_edits_renames_and_deletes(store: Store) -> None:
    conv = Conversation("Streaming")
    node = add(store, conv, "tell me", "", status=NodeStatus.STREAMING)
    node.output_text = "partial photosynthesis"
    store.update_node(node)
    assert search(store, "photosynthesis") == []  # a streaming answer is indexed when it ends
    node.output_text += " and chlorophyll"
    node.status = NodeStatus.COMPLETED
    store.update_node(node)
    assert found(search(store, "chlorophyll")) == [(node.id, "answer")]

    interrupted = add(store, conv, "more", "", node, status=NodeStatus.STREAMING)
    interrupted.output_text = "xylem carries water"
    store.update_node(interrupted)
    assert store.mark_streaming_interrupted() == 1  # at the next start: indexed with what arrived
    assert found(search(store, "xylem")) == [(interrupted.id, "answer")]

    conv.title = "Plants 🌱"
    store.save_conversation(conv)
    assert search(store, "Streaming") == []
    assert [h.field for h in search(store, "Plants")] == ["title"]

    if hasattr(store, "delete_nodes"):
        store.delete_nodes([interrupted.id])
        assert search(store, "xylem") == []
    store.delete_conversation(conv.id)
    assert search(store, "chlorophyll") == [] and search(store, "Plants") == []
    tables = store._conn.execute(
        "SELECT (SELECT count(*) FROM search_docs), (SELECT count(*) FROM search_index)"
    )
    assert tables.fetchone() == (0, 0)


def test_selecting_a_node_does_not_touch_the_index(store: Store) -> None:
    conv = Conversation("Same title")
    node = add(store, conv, "p", "a")
    changes = store._conn.total_changes
    conv.selected_node_id = node.id
    store.save_conversation(conv)  # what the window does on every selection
    assert store._conn.total_changes - changes == 1  # the conversation row only, no index writes


@pytest.mark.slow
def test_fast_with_thousands_of_conversations(store: Store) -> None:
    rng = random.Random(7)
    words = [f"{a}{b}{c}" for a in "bcdfg" for b in "aeiou" for c in "klmnprst"] + [
        "나무",
        "가지",
        "뿌리",
        "树木",
    ]
    batch = []
    for c in range(2000):
        conv = Conversation(" ".join(rng.choices(words, k=3)))
        parent = None
        nodes = []
        for i in range(3):
            parent = Node(
                conv.id,
                parent.id if parent else None,
                [user_message(" ".join(rng.choices(words, k=20)))],
                output_text=" ".join(rng.choices(words, k=200)),
                status=NodeStatus.COMPLETED,
                created_at=c * 10.0 + i,
            )
            nodes.append(parent)
        batch.append((conv, nodes))
    write_conversations(store, batch, ImportSummary("test"))
    for query in ["bak", "bak cet", "나무", "뿌리 가지", "zzzz", "q"]:
        start = time.perf_counter()
        hits = search(store, query)
        elapsed = time.perf_counter() - start
        assert elapsed < 0.5, f"{query!r} took {elapsed:.3f} s"
        assert len(hits) == (0 if query in ("zzzz", "q") else 50)


def fts_consistent(store: Store) -> bool:
    """FTS5's own check: the index holds exactly what the tables (through the view) say."""
    store._conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    return True


SHORT_TEXTS = [
    ("과일", "사과와 배를 샀어요. 사과는 빨갛습니다.", "Korean with 사과"),
    ("요리", "배추김치를 만들었습니다", "no apple in Korean"),
    ("水果", "我喜欢苹果和梨。树很高。", "Chinese"),
    ("日本語", "りんごを食べました。木の下で。", "Japanese"),
    ("mixed", "The word 사 alone, then 과 alone, and an apple 사과!", "mixed scripts"),
    ("ㅋㅋ", "ㅋㅋ 웃겨요", "compatibility jamo"),
]


def test_short_korean_chinese_and_japanese_words_find_exactly_what_a_substring_search_finds(
    store: Store,
) -> None:
    conv = Conversation("Short words 短词")
    parent = None
    nodes = []
    for prompt, answer, _ in SHORT_TEXTS:
        parent = add(store, conv, prompt, answer, parent)
        nodes.append(parent)
    streaming = add(store, conv, "사과 주세요", "사과", parent, status=NodeStatus.STREAMING)
    queries = ["사과", "사", "과", "배", "苹果", "树", "梨", "りんご", "木", "の", "ㅋ", "ㅋㅋ", "短词", "短",
               "사과 과일", "사과 apple", "과 word", "苹果 喜欢", "없는", "词 短",
               "e", "ap", "Th", "사과 ap", "apple 사과 an", "qz"]  # fmt: skip
    for query in queries:
        terms = query.split()
        expected = set()
        for node in nodes:
            text = node.user_text + "\n" + node.output_text
            if all(t.casefold() in text.casefold() for t in terms):
                expected.add(node.id)
        if all(t.casefold() in conv.title.casefold() for t in terms):
            expected.add(None)
        got = {hit.node_id for hit in search(store, query)}
        assert got == expected, query
        assert streaming.id not in got  # indexed when its answer ends
    assert fts_consistent(store)


def test_the_pair_index_follows_edits_and_deletes(store: Store) -> None:
    conv = Conversation("과수원")
    node = add(store, conv, "질문", "", status=NodeStatus.STREAMING)
    node.output_text = "사과"
    store.update_node(node)
    assert search(store, "사과") == []
    node.status = NodeStatus.COMPLETED
    store.update_node(node)
    assert found(search(store, "사과")) == [(node.id, "answer")]
    node.output_text = "배"
    store.update_node(node)  # e.g. a retry that replaced the answer
    assert search(store, "사과") == [] and found(search(store, "배")) == [(node.id, "answer")]
    conv.title = "과일 가게"
    store.save_conversation(conv)
    assert [h.field for h in search(store, "가게")] == ["title"] and search(store, "수원") == []
    assert fts_consistent(store)
    store.delete_conversation(conv.id)
    assert search(store, "배") == [] and search(store, "가게") == []
    pairs = store._conn.execute("SELECT count(*) FROM search_pairs WHERE search_pairs MATCH '배'")
    assert pairs.fetchone() == (0,)
    assert fts_consistent(store)


def test_a_reader_of_its_own_searches_from_another_thread(store: Store) -> None:
    import threading

    from desktop_chat.core.conversation.search import open_reader

    add(store, Conversation("Thread"), "사과나무", "An apple tree")
    results: list[list[SearchHit]] = []

    def run() -> None:
        reader = open_reader(store.path)
        try:
            results.append(search(reader, "사과"))
        finally:
            reader.close()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(10)
    assert [h.field for h in results[0]] == ["prompt"]


ALPHABET = "abcxyzABCXYZ019.,#-_%'\"사과나무배树木苹果の木りんご "


def test_every_search_finds_exactly_what_a_brute_force_like_search_finds(store: Store) -> None:
    """Random texts in Latin, Korean, Chinese and Japanese with punctuation; random terms of 1-4
    characters (present and absent, one or two at once): the indexes find what LIKE over the texts finds."""
    rng = random.Random(19)

    def text(size: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(size))

    docs: dict[str | None, tuple[str, ...]] = {}  # node id (a conversation id for a title) -> texts
    batch = []
    for _ in range(40):
        conv = Conversation(text(rng.randint(1, 12)).strip() or "t")
        docs[conv.id] = (conv.title,)
        nodes, parent = [], None
        for _ in range(rng.randint(1, 4)):
            parent = Node(
                conv.id,
                parent.id if parent else None,
                [user_message(text(rng.randint(0, 30)))],
                output_text=text(rng.randint(0, 80)),
                status=NodeStatus.COMPLETED,
            )
            nodes.append(parent)
            docs[parent.id] = (parent.user_text, parent.output_text)
        batch.append((conv, nodes))
    write_conversations(store, batch, ImportSummary("test"))
    like = sqlite3.connect(":memory:")

    def holds(texts: tuple[str, ...], term: str) -> bool:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return any(
            like.execute("SELECT ? LIKE ? ESCAPE '\\'", (t, f"%{escaped}%")).fetchone()[0] for t in texts
        )

    queries = []
    for _ in range(300):
        source = " ".join(rng.choice(list(docs.values())))
        size = rng.randint(1, 4)
        at = rng.randrange(max(1, len(source) - size))
        term = source[at : at + size] if rng.random() < 0.8 else text(size)
        queries.append([t for t in term.split() if '"' not in t])
    queries += [[a[0], b[0]] for a, b in zip(queries[::2], queries[1::2], strict=False) if a and b]
    checked = 0
    for terms in queries:
        if not terms:
            continue
        expected = {key for key, texts in docs.items() if all(holds(texts, t) for t in terms)}
        got = {hit.node_id or hit.conversation_id for hit in search(store, " ".join(terms), limit=10_000)}
        assert got == expected, terms
        checked += bool(expected)
    assert checked > 100  # most searches found something
