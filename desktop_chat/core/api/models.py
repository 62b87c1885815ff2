"""What the app knows about model families before asking a server: which ones reason.

Reasoning models (the o-series, the gpt-5 family) refuse `temperature` and `top_p` with a 400
"Unsupported parameter"; requests leave them out and the settings say so. Anything else a server
refuses is learnt from its answer (see `core.api.capabilities`).
"""

from __future__ import annotations

import re

SAMPLING_PARAMS = ("temperature", "top_p")
_REASONING = re.compile(r"^(o\d|gpt-5)")


def bare_name(model: str) -> str:
    """The model id without a gateway's provider prefix ("openai/o3" -> "o3"), lower case."""
    return model.strip().lower().rsplit("/", 1)[-1]


def is_reasoning_model(model: str) -> bool:
    """o1, o3, o4-mini, gpt-5, gpt-5-mini…; not the gpt-5 chat models, which sample like gpt-4."""
    name = bare_name(model)
    return bool(_REASONING.match(name)) and "chat" not in name


def sampling_allowed(model: str) -> bool:
    """Whether the model takes `temperature` and `top_p`."""
    return not is_reasoning_model(model)
