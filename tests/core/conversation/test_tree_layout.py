"""The tidy tree layout: no overlaps, parents centred over their children, depth sets the row."""

from __future__ import annotations

import time
from itertools import pairwise
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_chat.core.conversation.model import Node, NodeStatus, user_message
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.core.conversation.tree_layout import LayoutMetrics, TreeLayout, layout_tree

METRICS = LayoutMetrics(card_width=100.0, card_height=40.0, h_gap=10.0, v_gap=20.0)


def tree_from_parents(parents: list[int]) -> tuple[ConversationTree, list[Node]]:
    """Node i's parent is nodes[parents[i]], or none (a root) when that is -1 or not earlier."""
    nodes: list[Node] = []
    for i, p in enumerate(parents):
        parent = nodes[p] if 0 <= p < i else None
        nodes.append(
            Node(
                "c",
                parent.id if parent else None,
                [user_message(f"n{i}")],
                status=NodeStatus.COMPLETED,
                created_at=float(i),
            )
        )
    return ConversationTree("c", nodes), nodes


def assert_tidy(tree: ConversationTree, layout: TreeLayout) -> None:
    m = layout.metrics
    by_row: dict[float, list[float]] = {}
    for node_id, (x, y) in layout.positions.items():
        assert y == layout.depth[node_id] * (m.card_height + m.v_gap)
        assert x >= 0 and x + m.card_width <= layout.width + 1e-6
        assert y + m.card_height <= layout.height + 1e-6
        by_row.setdefault(y, []).append(x)
    for xs in by_row.values():  # no two cards on one level overlap (the gap is kept)
        xs.sort()
        for a, b in pairwise(xs):
            assert b - a >= m.card_width + m.h_gap - 1e-6
    for node_id, kids in layout.children.items():
        if kids:  # parent centred over its first and last child, children in order
            centres = [layout.centre_x(k) for k in kids]
            assert centres == sorted(centres)
            assert abs(layout.centre_x(node_id) - (centres[0] + centres[-1]) / 2) < 1e-6
            assert kids == [child.id for child in tree.children(node_id)]
    roots = [layout.centre_x(r) for r in layout.roots]
    assert roots == sorted(roots)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=60), min_size=1, max_size=80))
def test_random_trees_are_tidy(parents: list[int]) -> None:
    tree, nodes = tree_from_parents(parents)
    layout = layout_tree(tree, metrics=METRICS)
    assert set(layout.positions) == {n.id for n in nodes}
    assert_tidy(tree, layout)


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_collapsing_hides_descendants_and_counts_them(data: Any) -> None:
    parents = data.draw(st.lists(st.integers(min_value=-1, max_value=30), min_size=1, max_size=50))
    tree, nodes = tree_from_parents(parents)
    folded = data.draw(st.sets(st.sampled_from([n.id for n in nodes]), max_size=5))
    layout = layout_tree(tree, folded, METRICS)
    assert_tidy(tree, layout)

    def hidden_below(node_id: str) -> set[str]:
        out: set[str] = set()
        stack = [node_id]
        while stack:
            for kid in tree.children(stack.pop()):
                out.add(kid.id)
                stack.append(kid.id)
        return out

    invisible: set[str] = set()
    for node_id in folded:
        invisible |= hidden_below(node_id)
    assert set(layout.positions) == {n.id for n in nodes} - invisible
    for node_id in folded:
        if node_id in layout and tree.child_count(node_id):
            assert layout.hidden[node_id] == len(hidden_below(node_id))
            assert layout.children[node_id] == []
    assert all(node_id in folded for node_id in layout.hidden)


def test_small_branching_tree_is_compact_and_centred() -> None:
    # root ── a ─┬─ a1
    #            └─ a2
    tree, n = tree_from_parents([-1, 0, 1, 1])
    layout = layout_tree(tree, metrics=METRICS)
    root, a, a1, a2 = (layout.positions[node.id] for node in n)
    assert a1 == (0.0, 120.0) and a2 == (110.0, 120.0)
    assert a[0] == root[0] == 55.0 and a[1] == 60.0
    assert layout.width == 210.0 and layout.height == 160.0


def test_subtrees_interlock_where_their_levels_allow() -> None:
    # root has two children; the first is wide only two levels down, the second is a single card,
    # so they sit next to each other (leaf counting would give the second a column of its own)
    parents = [-1, 0, 1, 2, 2, 2, 0]
    tree, n = tree_from_parents(parents)
    layout = layout_tree(tree, metrics=METRICS)
    assert layout.centre_x(n[6].id) - layout.centre_x(n[1].id) == 110.0
    assert_tidy(tree, layout)


def test_empty_tree() -> None:
    layout = layout_tree(ConversationTree("c"))
    assert len(layout) == 0 and layout.width == 0 and layout.roots == []


def test_orphans_and_several_roots_are_laid_out_side_by_side() -> None:
    a = Node("c", None, [user_message("a")], created_at=1.0)
    lost = Node("c", "missing-parent", [user_message("orphan")], created_at=2.0)
    tree = ConversationTree("c", [a, lost])
    layout = layout_tree(tree, metrics=METRICS)
    assert layout.positions[a.id] == (0.0, 0.0)
    assert layout.positions[lost.id] == (110.0, 0.0)


def test_deep_and_wide_trees_are_linear_and_not_recursive() -> None:
    # a 10,000-deep chain whose first node also has 10,000 children
    parents = [i - 1 for i in range(10_000)] + [0] * 10_000
    tree, _ = tree_from_parents(parents)
    start = time.process_time()
    layout = layout_tree(tree, metrics=METRICS)
    took = time.process_time() - start
    assert len(layout) == 20_000
    assert layout.height == 10_000 * 60 - 20
    assert layout.width >= 10_000 * 110 - 10
    assert took < 5.0  # quadratic contour merging would take minutes here
