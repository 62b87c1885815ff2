"""An editable price table (USD per million tokens, per model) and the cost of nodes and conversations.

A model id matches the longest price-table key it starts with ("gpt-4.1-mini-2025-04-14" uses
"gpt-4.1-mini"). Cached input tokens are part of `input_tokens` and cost the cached price; reasoning
tokens are part of `output_tokens` and cost the output price. The table lives in the store's settings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from desktop_chat.core.conversation.model import Node, Usage

PRICES_KEY = "price_table"


@dataclass(frozen=True)
class Price:
    """USD per million tokens."""

    input: float
    cached_input: float
    output: float

    def to_json(self) -> dict[str, float]:
        return {"input": self.input, "cached_input": self.cached_input, "output": self.output}


# list prices (USD / 1M tokens) as published; edit in the price table when they change
DEFAULT_PRICES: dict[str, Price] = {
    "gpt-4.1": Price(2.00, 0.50, 8.00),
    "gpt-4.1-mini": Price(0.40, 0.10, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.025, 0.40),
    "gpt-4o": Price(2.50, 1.25, 10.00),
    "gpt-4o-mini": Price(0.15, 0.075, 0.60),
    "gpt-5": Price(1.25, 0.125, 10.00),
    "gpt-5-mini": Price(0.25, 0.025, 2.00),
    "gpt-5-nano": Price(0.05, 0.005, 0.40),
    "o3": Price(2.00, 0.50, 8.00),
    "o4-mini": Price(1.10, 0.275, 4.40),
}


def _price_from(value: Any) -> Price | None:
    if not isinstance(value, dict):
        return None
    numbers: list[float] = []
    for key in ("input", "cached_input", "output"):
        raw = value.get(key, value.get("input") if key == "cached_input" else None)
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw) or raw < 0:
            return None
        numbers.append(float(raw))
    return Price(*numbers)


def parse_table(data: Any) -> dict[str, Price]:
    """A price table from stored JSON; malformed rows are dropped."""
    table: dict[str, Price] = {}
    if isinstance(data, dict):
        for model, value in data.items():
            price = _price_from(value)
            if isinstance(model, str) and model.strip() and price is not None:
                table[model.strip()] = price
    return table


def table_to_json(table: dict[str, Price]) -> dict[str, dict[str, float]]:
    return {model: price.to_json() for model, price in sorted(table.items())}


class SettingsStore(Protocol):
    """What pricing needs of the store (core.store.Store has it)."""

    def get_setting(self, key: str, default: Any = None) -> Any: ...
    def set_setting(self, key: str, value: Any) -> None: ...


def load_prices(store: SettingsStore) -> dict[str, Price]:
    """The stored table, or the defaults when none was saved."""
    stored = store.get_setting(PRICES_KEY)
    return parse_table(stored) if isinstance(stored, dict) else dict(DEFAULT_PRICES)


def save_prices(store: SettingsStore, table: dict[str, Price]) -> None:
    store.set_setting(PRICES_KEY, table_to_json(table))


def price_for(model: str, table: dict[str, Price]) -> Price | None:
    """The price of the longest table key the model id starts with (case-insensitive)."""
    name = model.strip().lower().rsplit("/", 1)[-1]
    best: tuple[int, Price] | None = None
    for key, price in table.items():
        if name.startswith(key.lower()) and (best is None or len(key) > best[0]):
            best = (len(key), price)
    return best[1] if best else None


def usage_cost(usage: Usage, price: Price) -> float:
    cached = min(usage.cached_tokens, usage.input_tokens)
    return (
        (usage.input_tokens - cached) * price.input
        + cached * price.cached_input
        + usage.output_tokens * price.output
    ) / 1_000_000


def _model_of(node: Node) -> str:
    return node.model or str(node.params.get("model") or "")


def node_cost(node: Node, table: dict[str, Price]) -> float | None:
    """The node's cost in USD; None when it has no usage or its model has no price."""
    if node.usage is None:
        return None
    price = price_for(_model_of(node), table)
    return usage_cost(node.usage, price) if price else None


@dataclass(frozen=True)
class ConversationCost:
    total: float  # USD over the priced nodes
    priced: int  # nodes with usage and a price
    unpriced_models: tuple[str, ...]  # models with usage but no price in the table


def conversation_cost(nodes: Iterable[Node], table: dict[str, Price]) -> ConversationCost:
    total, priced, unpriced = 0.0, 0, set()
    prices: dict[str, Price | None] = {}  # per model: a conversation has thousands of nodes, few models
    for node in nodes:
        if node.usage is None:
            continue
        model = _model_of(node)
        if model not in prices:
            prices[model] = price_for(model, table)
        price = prices[model]
        if price is not None:
            total += usage_cost(node.usage, price)
            priced += 1
        else:
            unpriced.add(model or "?")
    return ConversationCost(total, priced, tuple(sorted(unpriced)))


def format_cost(usd: float | None) -> str:
    """$0.0123 / $1.23 / "" when unknown."""
    if usd is None:
        return ""
    if usd == 0:
        return "$0"
    if usd < 0.01:
        return f"${usd:.4f}"
    return f"${usd:.2f}" if usd >= 1 else f"${usd:.3f}"
