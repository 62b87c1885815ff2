"""Every request body the app sends, as the SDK put it on the wire, checked against the official
OpenAPI schemas: `CreateResponse` and `CreateChatCompletionRequest` for turns in every mode and
option (first turn, server chain, local replay, after a compaction, with images and PDFs, structured
output, reasoning, hosted tools, logprobs, sampling, limits, server-side compaction), and the bodies
of the other calls the app makes (compaction, input token counts, the connection test's probes).

The bodies are the ones the emulator received (`emulator.requests`), so what is checked is what the
SDK serialised, not the dict the app handed it.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from desktop_chat.core.api.capabilities import detect
from desktop_chat.core.api.context import build_request, choose_mode
from desktop_chat.core.api.context_preview import exact_input_tokens
from desktop_chat.core.api.events import Completed, StreamEvent
from desktop_chat.core.api.providers.chat import stream_chat
from desktop_chat.core.api.providers.responses import stream_response
from desktop_chat.core.api.remote import compact_branch, compaction_node
from desktop_chat.core.content.attachments import AttachmentStore, user_message_with, with_attachments
from desktop_chat.core.conversation.model import (
    REASONING_EFFORTS,
    ChatParams,
    ContextMode,
    Node,
    NodeStatus,
    user_message,
)
from desktop_chat.core.conversation.tree import ConversationTree
from desktop_chat.emulator import Emulator
from tests.emulator.helpers import client, run
from tests.spec.schemas import problems

PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PERSON = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
REASONER = "gpt-5-mini"

# every option the settings offer, one request each (first turn, no history)
OPTIONS: dict[str, ChatParams] = {
    "plain": ChatParams(model="gpt-4.1-mini"),
    "instructions_sampling_limit": ChatParams(
        model="gpt-4.1-mini", instructions="Be brief.", temperature=0.3, top_p=0.9, max_output_tokens=300
    ),
    "json_object": ChatParams(text_format="json_object"),
    "json_schema": ChatParams(
        text_format="json_schema", json_schema={"name": "person", "schema": PERSON, "strict": True}
    ),
    "json_schema_bare": ChatParams(text_format="json_schema", json_schema=PERSON),
    **{
        f"reasoning_{effort}": ChatParams(model=REASONER, reasoning_effort=effort)
        for effort in REASONING_EFFORTS
    },
    "reasoning_summary": ChatParams(model="o4-mini", reasoning_effort="high", reasoning_summary=True),
    "web_search": ChatParams(model=REASONER, web_search=True),
    "file_search": ChatParams(model=REASONER, file_search_vector_store_ids=["vs_docs", "vs_more"]),
    "code_interpreter": ChatParams(model=REASONER, code_interpreter=True),
    "image_generation": ChatParams(model=REASONER, image_generation=True),
    "verbosity_and_tier": ChatParams(model=REASONER, verbosity="low", service_tier="flex"),
    "store_false": ChatParams(model=REASONER, reasoning_effort="low", store=False, top_logprobs=2),
    "logprobs": ChatParams(top_logprobs=3),
    "logprobs_none": ChatParams(top_logprobs=0),
    "truncation_auto": ChatParams(truncation_auto=True),
    "compact_threshold": ChatParams(compact_threshold=200_000),
    "background": ChatParams(background=True),
    "everything": ChatParams(
        model=REASONER,
        instructions="Answer in JSON.",
        max_output_tokens=2000,
        web_search=True,
        file_search_vector_store_ids=["vs_docs"],
        code_interpreter=True,
        text_format="json_object",
        reasoning_effort="low",
        reasoning_summary=True,
        top_logprobs=2,
        compact_threshold=100_000,
    ),
}


def bodies(emulator: Emulator, path: str) -> list[dict[str, Any]]:
    return [r.body for r in emulator.requests if r.path == path and r.body is not None]


def send(emulator: Emulator, request: dict[str, Any], chat: bool = False) -> list[StreamEvent]:
    async def go() -> list[StreamEvent]:
        async with client(emulator.base_url) as sdk:
            stream = stream_chat if chat else stream_response
            return [event async for event in stream(sdk, request)]

    return run(go())


def assert_valid_turn(emulator: Emulator, request: dict[str, Any], chat: bool = True) -> dict[str, Any]:
    """Send the request by both back ends; both bodies meet the spec. The Responses body is returned."""
    send(emulator, request)
    body = bodies(emulator, "/v1/responses")[-1]
    assert problems("CreateResponse", body) == []
    if chat:
        send(emulator, request, chat=True)
        assert problems("CreateChatCompletionRequest", bodies(emulator, "/v1/chat/completions")[-1]) == []
    return body


def first_turn(params: ChatParams, items: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    tree = ConversationTree("c")
    return build_request(tree, None, items or [user_message("hello")], params, ContextMode.CHAIN)


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_every_option_builds_a_request_the_spec_accepts(emulator: Emulator, option: str) -> None:
    body = assert_valid_turn(emulator, first_turn(OPTIONS[option]))
    assert body["model"] == OPTIONS[option].model and body["stream"] is True


def answered(
    emulator: Emulator, tree: ConversationTree, parent: str | None, text: str, mode: ContextMode
) -> Node:
    """One turn sent and answered; its node added to the tree."""
    params = ChatParams()
    request = build_request(tree, parent, [user_message(text)], params, mode)
    final = send(emulator, request)[-1]
    assert isinstance(final, Completed)
    node = Node(
        "c", parent, [user_message(text)], output_items=final.output_items, response_id=final.response_id
    )
    node.output_text = f"answer to {text}"
    node.status = NodeStatus.COMPLETED
    tree.insert(node)
    return node


def test_chained_replayed_excluded_and_compacted_turns_meet_the_spec(emulator: Emulator) -> None:
    tree = ConversationTree("c")
    one = answered(emulator, tree, None, "one", ContextMode.CHAIN)
    two = answered(emulator, tree, one.id, "two", ContextMode.CHAIN)
    params = ChatParams(instructions="Be brief.")
    new = [user_message("three")]
    chained = assert_valid_turn(
        emulator, build_request(tree, two.id, new, params, ContextMode.CHAIN), chat=False
    )
    assert chained["previous_response_id"] == two.response_id
    replayed = assert_valid_turn(emulator, build_request(tree, two.id, new, params, ContextMode.REPLAY))
    assert [item["role"] for item in replayed["input"]] == ["user", "assistant", "user", "assistant", "user"]
    excluding = ChatParams(excluded_node_ids=[one.id])
    assert_valid_turn(emulator, build_request(tree, two.id, new, excluding, ContextMode.CHAIN))

    async def compact() -> Any:
        async with client(emulator.base_url) as sdk:
            return await compact_branch(sdk, "gpt-4.1-mini", previous_response_id=two.response_id)

    node = compaction_node("c", two, run(compact()), "gpt-4.1-mini", turns=2, chained=True)
    tree.insert(node)
    mode = choose_mode(tree, node.id, ContextMode.CHAIN)  # a compaction is replayed from, as the app does
    after = assert_valid_turn(emulator, build_request(tree, node.id, new, params, mode))
    assert any(item.get("type") == "compaction" for item in after["input"])


def test_turns_with_images_and_pdfs_meet_the_spec(emulator: Emulator, tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path)
    image = store.add(PNG_1X1, "image/png", "dot.png", width=1, height=1, detail="low")
    pdf = store.add(PDF, "application/pdf", "paper.pdf")
    web_image = image.__class__("image", "", "cat.png", detail="high", url="https://example.com/cat.png")
    message = user_message_with("What is in these?", [image, pdf, web_image])
    request = first_turn(ChatParams(), [message])

    async def go(chat: bool) -> list[StreamEvent]:
        async with client(emulator.base_url) as sdk:
            backend = stream_chat if chat else stream_response
            stream = with_attachments(lambda r: backend(sdk, r), tmp_path)
            return [event async for event in stream(request)]

    run(go(chat=False))
    body = bodies(emulator, "/v1/responses")[-1]
    assert problems("CreateResponse", body) == []
    kinds = [part["type"] for part in body["input"][0]["content"]]
    assert kinds == ["input_text", "input_image", "input_file", "input_image"]
    run(go(chat=True))
    chat = bodies(emulator, "/v1/chat/completions")[-1]
    assert problems("CreateChatCompletionRequest", chat) == []
    assert [part["type"] for part in chat["messages"][-1]["content"]] == [
        "text",
        "image_url",
        "file",
        "image_url",
    ]


def test_compaction_counts_and_connection_probes_meet_the_spec(emulator: Emulator) -> None:
    stored = answered(emulator, ConversationTree("c"), None, "one", ContextMode.CHAIN)
    history = [user_message("one"), {"type": "message", "role": "assistant", "content": "an answer"}]
    emulator.requests.clear()

    async def go() -> None:
        async with client(emulator.base_url) as sdk:
            await compact_branch(sdk, "gpt-4.1-mini", input_items=history, instructions="Be brief.")
            await compact_branch(sdk, "gpt-4.1-mini", previous_response_id=stored.response_id)
            assert await exact_input_tokens(sdk, first_turn(OPTIONS["everything"])) is not None
            assert (await detect(sdk, "gpt-4.1-mini")).keeps_state

    run(go())
    compacts = bodies(emulator, "/v1/responses/compact")
    assert len(compacts) == 2 and [problems("CompactResponseMethodPublicBody", b) for b in compacts] == [
        [],
        [],
    ]
    counts = bodies(emulator, "/v1/responses/input_tokens")  # after each compaction, and the exact count
    assert len(counts) == 3 and [problems("TokenCountsBody", b) for b in counts] == [[], [], []]
    probes = bodies(emulator, "/v1/responses")
    assert len(probes) == 2 and [problems("CreateResponse", b) for b in probes] == [[], []]
    assert probes[1]["previous_response_id"]


def test_the_chat_only_probe_meets_the_spec() -> None:
    with Emulator(mode="chat_only") as emulator:

        async def go() -> bool | None:
            async with client(emulator.base_url) as sdk:
                return (await detect(sdk, "gpt-4.1-mini")).chat_api

        assert run(go()) is True
        probe = bodies(emulator, "/v1/chat/completions")
        assert len(probe) == 1 and problems("CreateChatCompletionRequest", probe[0]) == []


def test_tool_rounds_chained_and_replayed_meet_the_spec(emulator: Emulator) -> None:
    """The requests of a turn that calls a local tool: the functions offered, the outputs chained to the
    response, the calls and outputs replayed (Responses and Chat Completions), and a later replay."""
    from desktop_chat.core.tools.local_tools import ToolSet, with_functions
    from desktop_chat.core.tools.mcp_host import McpTool

    tools = ToolSet()
    schema = {"type": "object", "properties": {"city": {"type": "string"}}}
    tools.add(McpTool("s", "clock", "current_time", "The time in a city.", schema))
    tools.add(McpTool("s2", "other", "current_time", "", {"type": "object"}))  # a clash: prefixed
    assert [spec["name"] for spec in tools.specs()] == ["current_time", "other__current_time"]
    request = with_functions(first_turn(ChatParams(), [user_message("current_time")]), tools)
    send(emulator, request)
    body = bodies(emulator, "/v1/responses")[-1]
    assert problems("CreateResponse", body) == []
    final = send(emulator, request)[-1]
    assert isinstance(final, Completed)
    (call,) = [item for item in final.output_items if item["type"] == "function_call"]
    output = {"type": "function_call_output", "call_id": call["call_id"], "output": "noon"}
    chained = {**request, "previous_response_id": final.response_id, "input": [output]}
    assert_valid_turn(emulator, chained, chat=False)
    replayed = {**request, "input": [*request["input"], *final.output_items, output]}
    assert_valid_turn(emulator, replayed)
    chat = bodies(emulator, "/v1/chat/completions")[-1]
    assert [m["role"] for m in chat["messages"]] == ["user", "assistant", "tool"]


def test_hosted_mcp_requests_meet_the_spec(emulator: Emulator) -> None:
    """The hosted mcp tool as the app names it (approval always, or never for the tools allowed for
    good; authorization and headers), and an approval response chained or replayed."""
    from desktop_chat.core.tools.local_tools import approval_item, sendable
    from desktop_chat.core.tools.mcp_config import McpServer, hosted_tool

    server = McpServer("my clock", url="http://127.0.0.1:9/mcp", hosted=True, always_allowed=("add",))
    tool = hosted_tool(server, {"Authorization": "Bearer t", "X-Team": "blue"})
    assert tool["server_label"] == "my_clock" and tool["authorization"] == "t"
    request = {
        **first_turn(ChatParams()),
        "tools": [tool, hosted_tool(McpServer("b", url="https://x/mcp"), {})],
    }
    assert problems("CreateResponse", {**request, "stream": True}) == []
    approval = sendable(approval_item("mcpr_1", True, {"state": "done"}))
    listed = {"type": "mcp_list_tools", "id": "mcpl_1", "server_label": "my_clock", "tools": []}
    asked = {
        "type": "mcp_approval_request",
        "id": "mcpr_1",
        "server_label": "my_clock",
        "name": "add",
        "arguments": "{}",
    }
    chained = {**request, "previous_response_id": "resp_1", "input": [approval]}
    replayed = {**request, "input": [*request["input"], listed, asked, approval]}
    assert problems("CreateResponse", chained) == [] and problems("CreateResponse", replayed) == []


def test_the_request_check_catches_what_the_spec_refuses() -> None:
    """Not vacuous: bodies the API would refuse are refused here."""
    good = {"model": "m", "input": [user_message("hi")], "stream": True}
    assert problems("CreateResponse", good) == []
    assert problems("CreateResponse", {**good, "reasoning": {"effort": "huge"}})
    assert problems("CreateResponse", {**good, "text": {"format": {"type": "json_schema"}}})
    assert problems("CreateResponse", {**good, "input": [{"type": "message", "role": "user", "content": 5}]})
    assert problems("CreateResponse", {**good, "temprature": 0.5})  # a key the spec does not name
    image = {
        "type": "input_image",
        "image_url": "data:image/png;base64,AA==",
        "detail": "low",
        "mime": "image/png",
    }
    assert problems("CreateResponse", {**good, "input": [{"role": "user", "content": [image]}]})
    assert problems(
        "CreateChatCompletionRequest", {"model": "m", "messages": [{"role": "robot", "content": "x"}]}
    )


def test_the_resumed_stream_and_cancel_requests_are_the_sdks(emulator: Emulator) -> None:
    """A background answer read again and cancelled: the query the SDK's retrieve parameters name, and
    the cancel path (the vendored schemas hold no paths; the SDK's types are the spec's)."""
    from openai.types.responses import response_retrieve_params

    from desktop_chat.core.api.providers.background import BackgroundApi

    request = first_turn(ChatParams(background=True))
    events = send(emulator, request)
    response_id = events[-1].response_id
    assert isinstance(events[-1], Completed) and response_id
    assert problems("CreateResponse", bodies(emulator, "/v1/responses")[-1]) == []

    async def resume_and_cancel() -> list[StreamEvent]:
        async with client(emulator.base_url) as sdk:
            api = BackgroundApi(sdk)
            resumed = [event async for event in api.resume(response_id, 4)]
            await api.cancel(response_id)  # ended already: answered as it is
            return resumed

    resumed = run(resume_and_cancel())
    assert isinstance(resumed[-1], Completed)
    get, cancel = emulator.requests[-2:]
    allowed = set(response_retrieve_params.ResponseRetrieveParamsBase.__annotations__) | {"stream"}
    assert get.method == "GET" and get.path == f"/v1/responses/{response_id}"
    assert set(get.query) <= allowed and get.query == {"stream": "true", "starting_after": "4"}
    assert cancel.method == "POST" and cancel.path == f"/v1/responses/{response_id}/cancel"
