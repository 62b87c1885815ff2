"""Vendor the schemas the tests need from the official OpenAI OpenAPI specification.

Source: the GitHub repository openai/openai-openapi, file `openapi.json` (the JSON twin of
`openapi.yaml`), spec version 2.3.0, commit f85dbe223d40e1a31cba812ab2d755c7e98a92a3 of 2026-08-21.

Refresh: clone that repository (or download its `openapi.json`), then run from the project root

    python tests/spec/extract.py path/to/openapi.json --commit <sha> --date <YYYY-MM-DD>

and update the version, commit and date above. It writes `tests/spec/openai_schemas.json`: the
schemas named in ROOTS and every schema they reference, as `components.schemas` (so the spec's own
`$ref`s resolve unchanged), with a `x-source` block saying where they came from. Only annotations
that never affect validation are dropped (descriptions, titles, examples, `x-oai…`/`x-stainless…`
vendor keys); the spec's quirks are kept as they are and allowed for when the tests load them
(tests/spec/schemas.py).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SOURCE_REPO = "openai/openai-openapi"
SOURCE_FILE = "openapi.json"
OUT = Path(__file__).with_name("openai_schemas.json")

ROOTS = [
    # Responses API: requests, the response object, its stream events, the stored-response endpoints
    "CreateResponse",
    "Response",
    "ResponseStreamEvent",
    "ResponseItemList",
    "TokenCountsBody",
    "TokenCountsResource",
    "CompactResponseMethodPublicBody",
    "CompactResource",
    # Chat Completions: request, whole answer, stream chunk
    "CreateChatCompletionRequest",
    "CreateChatCompletionResponse",
    "CreateChatCompletionStreamResponse",
    # models and errors
    "ListModelsResponse",
    "Model",
    "Error",
]
ANNOTATIONS = {"description", "title", "example", "examples", "externalDocs"}
SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
PREFIX = "#/components/schemas/"


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _strip(schema: Any) -> Any:
    """The schema without annotations (names inside `properties` and the like are kept)."""
    if isinstance(schema, list):
        return [_strip(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ANNOTATIONS or key.startswith(("x-oai", "x-stainless")):
            continue
        if key in SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: _strip(sub) for name, sub in value.items()}
        elif key in ("enum", "const", "default", "required", "discriminator"):
            out[key] = value
        else:
            out[key] = _strip(value)
    return out


def extract(spec: dict[str, Any], roots: list[str]) -> dict[str, Any]:
    schemas = spec["components"]["schemas"]
    needed: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        for ref in _refs(schemas[name]):
            if not ref.startswith(PREFIX):
                raise ValueError(f"{name}: reference outside components.schemas: {ref}")
            todo.append(ref[len(PREFIX) :])
    return {name: _strip(schemas[name]) for name in sorted(needed)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("spec", type=Path, help=f"{SOURCE_FILE} from a checkout of {SOURCE_REPO}")
    parser.add_argument("--commit", required=True, help="the commit the file was taken from")
    parser.add_argument("--date", required=True, help="that commit's date (YYYY-MM-DD)")
    args = parser.parse_args()
    spec = json.loads(args.spec.read_text(encoding="utf-8"))
    vendored = {
        "x-source": {
            "repository": f"{SOURCE_REPO} (GitHub)",
            "file": SOURCE_FILE,
            "openapi": spec["openapi"],
            "version": spec["info"]["version"],
            "commit": args.commit,
            "date": args.date,
            "extracted_by": "tests/spec/extract.py",
            "roots": ROOTS,
        },
        "components": {"schemas": extract(spec, ROOTS)},
    }
    OUT.write_text(json.dumps(vendored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(vendored['components']['schemas'])} schemas -> {OUT}")


if __name__ == "__main__":
    main()
