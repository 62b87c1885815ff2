"""A tidy top-down layout of a conversation tree (no Qt): where each visible turn's card goes.

A node's depth sets its row (y). Siblings are packed left to right as close as their whole subtrees
allow (Reingold–Tilford: the contours of two subtrees are compared depth by depth), and every parent
is centred over its first and last child. Several roots (orphans, or a second root) are laid out as
siblings of one another. The children of a collapsed node are not laid out; the layout says how many
turns each collapsed node hides.

All cards have one size, so a subtree's contour is just its leftmost and rightmost card centre per
depth. A contour is kept bottom-up (deepest level first): adding the parent's level is an append, and
merging two subtrees rewrites only the levels they share, so the whole layout is linear in the number
of visible nodes. It is iterative: a 10,000-turn chain does not hit Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop_chat.core.conversation.tree import ConversationTree


@dataclass(frozen=True)
class LayoutMetrics:
    card_width: float = 196.0
    card_height: float = 54.0
    h_gap: float = 16.0  # between neighbouring cards on one level
    v_gap: float = 30.0  # between levels (the edges run here)


@dataclass
class TreeLayout:
    """Top-left corners of the visible cards, in pre-order, and the structure that is shown."""

    metrics: LayoutMetrics
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)  # visible children, in order
    depth: dict[str, int] = field(default_factory=dict)
    hidden: dict[str, int] = field(default_factory=dict)  # collapsed node -> descendants it hides
    roots: list[str] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0

    def __len__(self) -> int:
        return len(self.positions)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.positions

    def centre_x(self, node_id: str) -> float:
        return self.positions[node_id][0] + self.metrics.card_width / 2


@dataclass
class _Contour:
    """Card centres per level, deepest level first; the real x is value + shift."""

    left: list[float]
    lshift: float
    right: list[float]
    rshift: float


def layout_tree(
    tree: ConversationTree, collapsed: Iterable[str] = (), metrics: LayoutMetrics | None = None
) -> TreeLayout:
    metrics = metrics or LayoutMetrics()
    folded = set(collapsed)
    result = TreeLayout(metrics)
    step = metrics.card_width + metrics.h_gap

    # 1. the visible nodes in pre-order, with their depth and visible children
    order: list[str] = []
    parent: dict[str, str | None] = {}
    result.roots = [root.id for root in tree.roots()]
    stack: list[tuple[str, str | None, int]] = [(r, None, 0) for r in reversed(result.roots)]
    while stack:
        node_id, parent_id, depth = stack.pop()
        order.append(node_id)
        parent[node_id] = parent_id
        result.depth[node_id] = depth
        kids = [child.id for child in tree.children(node_id)]
        if kids and node_id in folded:
            result.hidden[node_id] = _descendant_count(tree, node_id)
            kids = []
        result.children[node_id] = kids
        stack.extend((kid, node_id, depth + 1) for kid in reversed(kids))

    # 2. bottom-up: each child's centre relative to its parent's centre
    offset: dict[str, float] = {}
    contours: dict[str, _Contour] = {}
    for node_id in reversed(order):  # every node comes after all of its descendants
        kids = result.children[node_id]
        if not kids:
            contours[node_id] = _Contour([0.0], 0.0, [0.0], 0.0)
            continue
        merged, places = _pack([contours.pop(kid) for kid in kids], step)
        centre = (places[0] + places[-1]) / 2
        for kid, place in zip(kids, places, strict=True):
            offset[kid] = place - centre
        merged.lshift -= centre
        merged.rshift -= centre
        merged.left.append(-merged.lshift)  # this node's own centre, at 0
        merged.right.append(-merged.rshift)
        contours[node_id] = merged
    if result.roots:
        _, places = _pack([contours.pop(root) for root in result.roots], step)
        offset.update(zip(result.roots, places, strict=True))

    # 3. top-down: absolute centres, then top-left corners from 0
    centres: dict[str, float] = {}
    for node_id in order:
        parent_id = parent[node_id]
        centres[node_id] = offset[node_id] + (centres[parent_id] if parent_id is not None else 0.0)
    if not centres:
        return result
    left = min(centres.values()) - metrics.card_width / 2
    row = metrics.card_height + metrics.v_gap
    result.positions = {n: (centres[n] - left - metrics.card_width / 2, result.depth[n] * row) for n in order}
    result.width = max(centres.values()) - left + metrics.card_width / 2
    result.height = (max(result.depth.values()) + 1) * row - metrics.v_gap
    return result


def _pack(contours: list[_Contour], step: float) -> tuple[_Contour, list[float]]:
    """Place sibling subtrees left to right, each as far left as the ones before allow.

    Returns their merged contour and each one's centre, relative to the first one's centre.
    """
    merged = contours[0]
    places = [0.0]
    for contour in contours[1:]:
        na, nc = len(merged.right), len(contour.left)
        shared = min(na, nc)
        place = max(
            merged.right[na - 1 - d] + merged.rshift - contour.left[nc - 1 - d] - contour.lshift + step
            for d in range(shared)
        )
        places.append(place)
        contour.lshift += place
        contour.rshift += place
        # right edge: the new subtree wherever it reaches, the older ones below it
        if nc >= na:
            merged.right, merged.rshift = contour.right, contour.rshift
        else:
            delta = contour.rshift - merged.rshift
            merged.right[na - nc :] = [v + delta for v in contour.right]
        # left edge: the older subtrees wherever they reach, the new one below them
        if nc > na:
            delta = merged.lshift - contour.lshift
            contour.left[nc - na :] = [v + delta for v in merged.left]
            merged.left, merged.lshift = contour.left, contour.lshift
    return merged, places


def _descendant_count(tree: ConversationTree, node_id: str) -> int:
    count = 0
    stack = [node_id]
    while stack:
        kids = tree.children(stack.pop())
        count += len(kids)
        stack.extend(kid.id for kid in kids)
    return count
