"""Validators for the vendored OpenAPI schemas (openai_schemas.json, see extract.py for its source).

Three quirks of the official spec are allowed for here, and only these:
- it still uses the OpenAPI 3.0 keyword `nullable: true` although the file says 3.1: such a schema
  is read as "this, or null";
- its `oneOf` for input items (`InputItem`) overlaps — a plain message matches both
  `EasyInputMessage` and `Item` — so that union is read as `anyOf`;
- the MCP approval response schemas (`MCPApprovalResponse`, `…Resource`) require a `request_id` they
  do not describe (the API and its SDKs know only `approval_request_id`): that name is not required.

One check is stricter than the spec: it leaves objects open to keys it does not name, so by default
`problems()` refuses them (a misspelt or invented field is caught; see `closed_document`).
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
UNDESCRIBED_REQUIRED = {"MCPApprovalResponse": "request_id", "MCPApprovalResponseResource": "request_id"}
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
    for name, key in UNDESCRIBED_REQUIRED.items():
        schemas[name]["required"] = [k for k in schemas[name]["required"] if k != key]
    return {"x-source": raw["x-source"], "components": {"schemas": _allow_nullable(schemas)}}


def _close(schema: Any, in_all_of: bool) -> Any:
    """Objects with listed properties refuse others (not allOf parts, which only see some of them)."""
    if isinstance(schema, list):
        return [_close(s, in_all_of) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {name: _close(sub, False) for name, sub in value.items()}
        elif key in ("enum", "const", "default", "required", "discriminator"):
            out[key] = value
        else:
            out[key] = _close(value, key == "allOf")
    plain = "properties" in out and not {"allOf", "anyOf", "oneOf", "$ref"} & set(out)
    if plain and not in_all_of and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


@functools.cache
def closed_document() -> dict[str, Any]:
    """The schemas with every plain object closed to unknown keys (see `problems(closed=True)`)."""
    schemas = document()["components"]["schemas"]
    in_all_of = {
        ref["$ref"].rsplit("/", 1)[-1]
        for schema in _walk(schemas)
        for ref in schema.get("allOf", [])
        if isinstance(ref, dict) and "$ref" in ref
    }
    closed = {name: _close(s, name in in_all_of) for name, s in schemas.items()}
    return {"x-source": document()["x-source"], "components": {"schemas": closed}}


def _walk(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_walk(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_walk(value))
    return found


@functools.cache
def validator(name: str, closed: bool = False) -> Draft202012Validator:
    root = copy.copy(closed_document() if closed else document())
    root["$ref"] = f"#/components/schemas/{name}"
    if closed:  # the top level too, across the allOf parts a request schema is made of
        root["unevaluatedProperties"] = False
    Draft202012Validator.check_schema(root)
    return Draft202012Validator(root)


def problems(name: str, instance: Any, closed: bool = True) -> list[str]:
    """What in `instance` breaks schema `name` (empty when it is valid), one line each.

    `closed`: keys the spec does not name are refused too (in objects that list their properties),
    so a misspelt or invented field is caught although the spec leaves objects open."""
    found = []
    for error in validator(name, closed).iter_errors(instance):
        best = jsonschema.exceptions.best_match([error])
        where = "/".join(str(p) for p in best.absolute_path) or "(top)"
        found.append(f"{name} at {where}: {best.message[:300]}")
    return found


def source() -> dict[str, Any]:
    return dict(document()["x-source"])
