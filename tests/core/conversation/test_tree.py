"""ConversationTree: navigation, ordering and the insert/change notifications."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_chat.core.conversation.model import Node, user_message
from desktop_chat.core.conversation.tree import ConversationTree

CONV = "conv"


def node(name: str, parent: str | None, at: float) -> Node:
    return Node(
        conversation_id=CONV, parent_id=parent, input_items=[user_message(name)], id=name, created_at=at
    )


class Recorder:
    def __init__(self, tree: ConversationTree) -> None:
        self.tree = tree
        self.events: list[tuple[object, ...]] = []

    def node_inserting(self, parent_id: str | None, row: int) -> None:
        # the model sees the row before the node exists (beginInsertRows)
        self.events.append(("inserting", parent_id, row, self.tree.child_count(parent_id)))

    def node_inserted(self, n: Node) -> None:
        self.events.append(("inserted", n.id, self.tree.row_of(n.id)))

    def node_changed(self, n: Node) -> None:
        self.events.append(("changed", n.id))


@pytest.fixture
def tree() -> ConversationTree:
    """r1 ─┬─ a ─┬─ a1          r2
           │     └─ a2
           └─ b
    given out of order: children are ordered by creation time."""
    nodes = [
        node("a2", "a", 5),
        node("b", "r1", 3),
        node("r2", None, 6),
        node("a1", "a", 4),
        node("r1", None, 1),
        node("a", "r1", 2),
    ]
    return ConversationTree(CONV, nodes)


def ids(nodes: list[Node]) -> list[str]:
    return [n.id for n in nodes]


def test_navigation(tree: ConversationTree) -> None:
    assert len(tree) == 6 and "a1" in tree and "zz" not in tree
    assert ids(tree.roots()) == ["r1", "r2"]
    assert ids(tree.children("r1")) == ["a", "b"]
    assert ids(tree.children("a")) == ["a1", "a2"]
    assert tree.children("b") == [] and tree.children("unknown") == []
    assert tree.child_count(None) == 2 and tree.child_count("a") == 2 and tree.child_count("a1") == 0
    assert tree.row_of("b") == 1 and tree.row_of("r2") == 1 and tree.row_of("a1") == 0
    assert tree.child_at("a", 1).id == "a2" and tree.child_at(None, 0).id == "r1"
    assert ids(tree.siblings("a2")) == ["a1", "a2"]
    assert ids(tree.path_to("a2")) == ["r1", "a", "a2"]
    assert tree.path_to(None) == []
    assert tree.first_child("r1") is tree.get("a") and tree.first_child("b") is None
    assert tree.first_child(None) is tree.get("r1")
    assert tree.sibling("a1", +1) is tree.get("a2") and tree.sibling("a1", -1) is None
    assert tree.sibling("a2", +1) is None and tree.sibling("b", -1) is tree.get("a")
    assert sorted(ids(tree.nodes())) == ["a", "a1", "a2", "b", "r1", "r2"]


def test_ancestors_and_last_children(tree: ConversationTree) -> None:
    assert tree.ancestor_ids("a2") == ["a", "r1"] and tree.ancestor_ids("r2") == []
    assert [tree.is_last_child(n) for n in ("a", "b", "a1", "a2", "r1", "r2")] == [
        False,
        True,
        False,
        True,
        False,
        True,
    ]
    tree.insert(node("c", "r1", 7))  # b has a later sibling now
    assert not tree.is_last_child("b") and tree.is_last_child("c")


def test_deepest_leaf_follows_the_newest_child(tree: ConversationTree) -> None:
    assert tree.deepest_leaf("r1") is tree.get("b")
    assert tree.deepest_leaf("a") is tree.get("a2")
    assert tree.deepest_leaf("a1") is tree.get("a1")
    assert tree.deepest_leaf(None) is tree.get("r2")
    assert ConversationTree(CONV).deepest_leaf(None) is None


def test_insert_notifies_before_and_after(tree: ConversationTree) -> None:
    rec = Recorder(tree)
    tree.add_listener(rec)
    tree.insert(node("a3", "a", 7))
    tree.insert(node("r3", None, 8))
    tree.insert(node("b1", "b", 9))
    assert rec.events == [
        ("inserting", "a", 2, 2),
        ("inserted", "a3", 2),
        ("inserting", None, 2, 2),
        ("inserted", "r3", 2),
        ("inserting", "b", 0, 0),
        ("inserted", "b1", 0),
    ]
    assert ids(tree.children("a")) == ["a1", "a2", "a3"]
    assert ids(tree.path_to("b1")) == ["r1", "b", "b1"]


def test_bad_inserts_change_nothing_and_notify_no_one(tree: ConversationTree) -> None:
    rec = Recorder(tree)
    tree.add_listener(rec)
    with pytest.raises(ValueError):
        tree.insert(node("a", "r2", 10))  # the id is taken
    with pytest.raises(KeyError):
        tree.insert(node("orphan", "missing", 10))
    assert rec.events == [] and len(tree) == 6 and "orphan" not in tree
    assert ids(tree.children("r2")) == []


def test_changed_and_listener_removal(tree: ConversationTree) -> None:
    first, second = Recorder(tree), Recorder(tree)
    tree.add_listener(first)
    tree.add_listener(second)
    tree.changed(tree.get("a1"))
    tree.remove_listener(first)
    tree.remove_listener(first)  # removing twice is harmless
    tree.changed(tree.get("b"))
    assert first.events == [("changed", "a1")]
    assert second.events == [("changed", "a1"), ("changed", "b")]


def test_a_listener_may_remove_itself_while_being_notified(tree: ConversationTree) -> None:
    calls: list[str] = []

    class OneShot(Recorder):
        def node_changed(self, n: Node) -> None:
            calls.append("one-shot")
            tree.remove_listener(self)

    tree.add_listener(OneShot(tree))
    after = Recorder(tree)
    tree.add_listener(after)
    tree.changed(tree.get("a"))
    tree.changed(tree.get("a"))
    assert calls == ["one-shot"]
    assert after.events == [("changed", "a"), ("changed", "a")]


@given(st.lists(st.integers(min_value=0, max_value=1_000), min_size=1, max_size=40), st.randoms())
def test_inserting_one_by_one_equals_loading_in_any_order(picks: list[int], rnd: random.Random) -> None:
    """A tree grown turn by turn has the same shape when reloaded from the store in any order."""
    grown = ConversationTree(CONV)
    made: list[Node] = []
    for i, pick in enumerate(picks):
        parent = None if not made or pick % 5 == 0 else made[pick % len(made)].id
        n = node(f"n{i}", parent, float(i))
        grown.insert(n)
        made.append(n)
    shuffled = made[:]
    rnd.shuffle(shuffled)
    loaded = ConversationTree(CONV, shuffled)
    for key in [None, *(n.id for n in made)]:
        assert ids(loaded.children(key)) == ids(grown.children(key))
    for n in made:
        assert ids(loaded.path_to(n.id)) == ids(grown.path_to(n.id))
        assert loaded.row_of(n.id) == grown.row_of(n.id)


def test_orphans_and_duplicates_from_a_damaged_store_are_shown_not_lost() -> None:
    from desktop_chat.core.conversation.model import Node, user_message
    from desktop_chat.core.conversation.tree import ConversationTree

    root = Node("c", None, [user_message("root")], created_at=1)
    orphan = Node("c", "missing-parent", [user_message("orphan")], created_at=2)
    child = Node("c", orphan.id, [user_message("child")], created_at=3)
    tree = ConversationTree("c", [root, orphan, child, root])
    assert [n.user_text for n in tree.roots()] == ["root", "orphan"]
    assert [n.user_text for n in tree.path_to(child.id)] == ["orphan", "child"]
    assert tree.row_of(orphan.id) == 1 and tree.sibling(orphan.id, -1) is root
    assert len(tree) == 3 and tree.child_count(None) == 2
