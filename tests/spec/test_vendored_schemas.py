"""The vendored spec says where it came from, holds what the tests use, and its two quirks are handled."""

from __future__ import annotations

import json

from tests.spec.extract import ROOTS
from tests.spec.schemas import VENDORED, document, problems, source


def test_the_vendored_schemas_name_their_source_and_hold_every_root() -> None:
    origin = source()
    assert origin["repository"].startswith("openai/openai-openapi") and origin["file"] == "openapi.json"
    assert (origin["version"], origin["date"]) == ("2.3.0", "2026-08-21") and len(origin["commit"]) == 40
    schemas = document()["components"]["schemas"]
    assert set(ROOTS) <= set(schemas) and origin["roots"] == ROOTS
    for name, schema in schemas.items():  # every reference resolves inside the vendored file
        for ref in json.dumps(schema).split('"$ref": "')[1:]:
            assert ref.split('"', 1)[0].rsplit("/", 1)[-1] in schemas, name


def test_a_plain_message_is_one_input_item_although_the_spec_overlaps() -> None:
    raw = json.loads(VENDORED.read_text(encoding="utf-8"))["components"]["schemas"]
    assert "oneOf" in raw["InputItem"]  # as published: a message matches two of its branches
    message = {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}
    assert problems("InputItem", message) == []
    assert problems("InputItem", {"type": "message", "role": "robot", "content": "hi"})


def test_nullable_fields_take_null_and_nothing_else_new() -> None:
    assert "nullable" in VENDORED.read_text(encoding="utf-8")  # as published
    assert '"nullable"' not in json.dumps(document())
    request = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_completion_tokens": None}
    assert problems("CreateChatCompletionRequest", request) == []
    assert problems("CreateChatCompletionRequest", {**request, "max_completion_tokens": "ten"})


def test_an_approval_response_needs_what_the_api_names_and_no_request_id() -> None:
    raw = json.loads(VENDORED.read_text(encoding="utf-8"))["components"]["schemas"]
    assert "request_id" in raw["MCPApprovalResponse"]["required"]  # as published
    assert "request_id" not in raw["MCPApprovalResponse"]["properties"]
    answer = {"type": "mcp_approval_response", "approval_request_id": "mcpr_1", "approve": True}
    assert problems("MCPApprovalResponse", answer) == []
    assert problems("MCPApprovalResponse", {k: v for k, v in answer.items() if k != "approve"})
