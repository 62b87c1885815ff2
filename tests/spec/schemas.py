"""Validators for the vendored OpenAPI schemas (openai_schemas.json, see extract.py for its source).

Two quirks of the official spec are allowed for here, and only these:
- it still uses the OpenAPI 3.0 keyword `nullable: true` although the file says 3.1: such a schema
  is read as "this, or null";
- its `oneOf` for input items (`InputItem`) overlaps — a plain message matches both
  `EasyInputMessage` and `Item` — so that union is read as `anyOf`.
"""

from __future__ import annotations

import copy
import functools
import json
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator

VENDORED = Path(__file__).with_name("openai_schemas.json")
OVERLAPPING_ONE_OF = {"InputItem"}
SCHEMA_MAPS = {"properties", "patternProperties", "$defs", "dependentSchemas"}


def _allow_nullable(schema: Any) -> Any:
    if isinstance(schema, list):
        return [_allow_nullable(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: _allow_nullable(sub) for name, sub in value.items()}
        elif key in ("enum", "const", "default", "required", "discriminator"):
            out[key] = value
        else:
            out[key] = _allow_nullable(value)
    if out.pop("nullable", False) is True:
        return {"anyOf": [out, {"type": "null"}]}
    return out


@functools.cache
def document() -> dict[str, Any]:
    """The vendored schemas with the spec's quirks allowed for."""
    raw = json.loads(VENDORED.read_text(encoding="utf-8"))
    schemas = raw["components"]["schemas"]
    for name in OVERLAPPING_ONE_OF:
        schema = schemas[name]
        schema["anyOf"] = schema.pop("oneOf")
    return {"x-source": raw["x-source"], "components": {"schemas": _allow_nullable(schemas)}}


@functools.cache
def validator(name: str) -> Draft202012Validator:
    root = copy.copy(document())
    root["$ref"] = f"#/components/schemas/{name}"
    Draft202012Validator.check_schema(root)
    return Draft202012Validator(root)


def problems(name: str, instance: Any) -> list[str]:
    """What in `instance` breaks schema `name` (empty when it is valid), one line each."""
    found = []
    for error in validator(name).iter_errors(instance):
        best = jsonschema.exceptions.best_match([error])
        where = "/".join(str(p) for p in best.absolute_path) or "(top)"
        found.append(f"{name} at {where}: {best.message[:300]}")
    return found


def source() -> dict[str, Any]:
    return dict(document()["x-source"])
