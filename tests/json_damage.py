"""Open-ended damage to JSON documents, for the importers' all-or-nothing property tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st


def json_values(max_size: int = 4, max_leaves: int = 12, nan: bool = False) -> st.SearchStrategy[Any]:
    """Any JSON-like value (what a damaged file might hold in place of the right one)."""
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=nan) | st.text(max_size=max_size * 2),
        lambda children: (
            st.lists(children, max_size=max_size)
            | st.dictionaries(st.text(max_size=max_size * 2), children, max_size=max_size)
        ),
        max_leaves=max_leaves,
    )


def slots(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) in a JSON value, depth first: the places a test can damage."""
    found: list[tuple[Any, Any]] = []
    stack = [value]
    while stack:
        current = stack.pop()
        keys = (
            list(current)
            if isinstance(current, dict)
            else range(len(current))
            if isinstance(current, list)
            else []
        )
        for key in keys:
            found.append((current, key))
            stack.append(current[key])
    return found
