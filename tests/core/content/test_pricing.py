"""The price table: matching model ids, cost per node and per conversation, storage."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_chat.core.content.pricing import (
    DEFAULT_PRICES,
    Price,
    conversation_cost,
    format_cost,
    load_prices,
    node_cost,
    parse_table,
    price_for,
    save_prices,
)
from desktop_chat.core.conversation.model import Node, Usage, user_message
from desktop_chat.core.conversation.store import Store


def node(model: str, usage: Usage | None) -> Node:
    return Node("c", None, [user_message("x")], model=model, usage=usage)


def test_longest_prefix_wins() -> None:
    table = {"gpt-4.1": Price(2, 0.5, 8), "gpt-4.1-mini": Price(0.4, 0.1, 1.6)}
    assert price_for("gpt-4.1-mini-2025-04-14", table) == Price(0.4, 0.1, 1.6)
    assert price_for("openai/gpt-4.1", table) == Price(2, 0.5, 8)
    assert price_for("llama3", table) is None


def test_cost_counts_cached_input_at_the_cached_price() -> None:
    table = {"m": Price(input=2.0, cached_input=0.5, output=8.0)}
    usage = Usage(input_tokens=1_000_000, cached_tokens=400_000, output_tokens=500_000, reasoning_tokens=100)
    assert node_cost(node("m", usage), table) == pytest.approx(0.6 * 2 + 0.4 * 0.5 + 0.5 * 8)
    assert node_cost(node("m", None), table) is None
    total = conversation_cost(
        [node("m", usage), node("m", usage), node("other", usage), node("m", None)], table
    )
    assert total.total == pytest.approx(2 * 5.4) and total.priced == 2 and total.unpriced_models == ("other",)


def test_table_round_trips_through_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    try:
        assert load_prices(store) == DEFAULT_PRICES
        save_prices(store, {"my-model": Price(1, 0.25, 3)})
        assert load_prices(store) == {"my-model": Price(1, 0.25, 3)}
    finally:
        store.close()


def test_malformed_rows_are_dropped() -> None:
    table = parse_table(
        {"a": {"input": 1, "output": 2}, "b": {"input": "x"}, "c": {"input": -1, "output": 1}, "": {}}
    )
    assert table == {"a": Price(1, 1, 2)}


def test_format_cost() -> None:
    assert format_cost(None) == "" and format_cost(0) == "$0"
    assert (
        format_cost(0.00123) == "$0.0012" and format_cost(0.5) == "$0.500" and format_cost(12.345) == "$12.35"
    )
