"""What the emulated model answers: deterministic text that reveals the context it saw.

An answer looks like::

    **Demo answer** from the local emulator.

    You said: <last user message text>

    Context: 2 user message(s): ["first question", "second question"]
    Instructions: none

`parse_context()` reads the JSON list back, so tests can assert what the model saw. After a
compaction the model sees the kept user messages and one opaque compaction item; the answer then adds
``Compaction: 1 item(s) standing for N earlier item(s)``, read back by `parse_compaction()`. Directives in
the last user message (``[[words:N]]``, ``[[markdown]]``, ``[[delay:MS]]``, ``[[fault:NAME]]``)
make the answer longer, richer, slower or faulty; ``[[brief]]`` answers one line (no echo of the
context); ``[[stall:MS]]`` sends nothing for MS halfway through the answer, ``[[think:MS]]`` thinks
for MS before it (a reasoning model: after its reasoning item began), sending only `keepalive`
events, one a second.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

JSON = dict[str, Any]

DIRECTIVE = re.compile(r"\[\[(\w+)(?::([^\]]*))?\]\]")
_CONTEXT_LINE = re.compile(r"^Context: \d+ user message\(s\): (.*)$", re.MULTILINE)
_COMPACTION_LINE = re.compile(r"^Compaction: (\d+) item\(s\) standing for (\d+) earlier item\(s\)$", re.M)

LOREM = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
    "et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut "
    "aliquip ex ea commodo consequat duis aute irure dolor in reprehenderit in voluptate velit esse "
    "cillum dolore eu fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt in culpa "
    "qui officia deserunt mollit anim id est laborum"
)
FILLER = LOREM.split()

MARKDOWN_DEMO = """## Markdown demo

Some **bold**, *italic*, ~~struck~~ and `inline code`, with a [link to example.com](https://example.com).

### A list
- First item
- Second item
  - a nested item
1. Ordered one
2. Ordered two

### A table
| Name  | Kind   | Value |
|-------|--------|------:|
| alpha | letter |     1 |
| beta  | letter |     2 |

### Code
```python
def greet(name: str) -> str:
    \"\"\"Say hello.\"\"\"
    return f"Hello, {name}!"


print(greet("world"))
```

> A quotation, to finish."""


@dataclass
class Directives:
    words: int = 0
    markdown: bool = False
    delay_ms: float | None = None
    fault: str | None = None
    stall_ms: float = 0.0
    think_ms: float = 0.0
    brief: bool = False


def parse_directives(text: str) -> Directives:
    found = Directives()
    for name, value in DIRECTIVE.findall(text):
        name = name.lower()
        try:
            if name == "words":
                found.words = max(0, int(value))
            elif name == "delay":
                found.delay_ms = max(0.0, float(value))
            elif name == "stall":
                found.stall_ms = max(0.0, float(value))
            elif name == "think":
                found.think_ms = max(0.0, float(value))
        except ValueError:
            continue
        if name == "markdown":
            found.markdown = True
        elif name == "brief":
            found.brief = True
        elif name == "fault" and value:
            found.fault = value.strip()
    return found


def filler(n: int) -> str:
    """N words of lorem-like text in sentences of 12 words and paragraphs of 96."""
    out: list[str] = []
    for i in range(n):
        word = FILLER[i % len(FILLER)]
        if i % 12 == 0:
            word = word.capitalize()
        last = i == n - 1
        if i % 12 == 11 or last:
            word += "."
        out.append(word)
        if not last:
            out.append("\n\n" if i % 96 == 95 else " ")
    return "".join(out)


def message_text(item: JSON) -> str:
    """The text of a normalized message item (its text parts, one per line)."""
    content = item.get("content")
    if isinstance(content, str):
        return content
    parts = [p.get("text", "") for p in content or [] if isinstance(p, dict) and "text" in p]
    return "\n".join(str(p) for p in parts)


def user_texts(items: list[JSON]) -> list[str]:
    return [
        message_text(item)
        for item in items
        if item.get("type", "message") == "message" and item.get("role") == "user"
    ]


def attachments(item: JSON | None) -> str:
    if item is None or not isinstance(item.get("content"), list):
        return ""
    kinds = [p.get("type") for p in item["content"] if isinstance(p, dict)]
    images, files = kinds.count("input_image"), kinds.count("input_file")
    seen = [f"{n} {what}(s)" for n, what in ((images, "image"), (files, "file")) if n]
    return ", ".join(seen)


def last_user_item(items: list[JSON]) -> JSON | None:
    for item in reversed(items):
        if item.get("type", "message") == "message" and item.get("role") == "user":
            return item
    return None


def compaction_payload(sealed: str) -> JSON | None:
    """What an emulator compaction item's `encrypted_content` holds (the seal is checked by the server)."""
    data = sealed.partition(".")[0]
    try:
        payload = json.loads(base64.urlsafe_b64decode(data.encode()))
    except (ValueError, binascii.Error):
        return None
    return payload if isinstance(payload, dict) and payload.get("v") == 1 else None


def compaction_line(context: list[JSON]) -> str:
    """'Compaction: …' when the context holds compaction items, else ''."""
    payloads = [
        compaction_payload(str(item.get("encrypted_content", "")))
        for item in context
        if item.get("type") == "compaction"
    ]
    if not payloads:
        return ""
    replaced = sum(int((p or {}).get("items", 0)) for p in payloads)
    return f"Compaction: {len(payloads)} item(s) standing for {replaced} earlier item(s)"


ECHO_LIMIT = 20_000  # a longer user text is echoed as its start and its length (a 5 MB paste)


def echoed(text: str) -> str:
    """A user text as the answer repeats it: whole, unless longer than ECHO_LIMIT."""
    if len(text) <= ECHO_LIMIT:
        return text
    return f"{text[:200]}… ({len(text)} characters)"


SHOWCASE = r"""Here is what an answer can hold in this app (a **demo**: no model was asked).

| Feature | Example |
|---------|---------|
| Markdown | **bold**, *italic*, `code` |
| Math | $e^{i\pi}+1=0$ |
| Sources | a numbered citation [1] |

```python
def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)
```

$$\int_0^1 x^2\,dx = \frac{1}{3}$$

[1] [Euler's identity, Wikipedia](https://en.wikipedia.org/wiki/Euler%27s_identity)

> Tip: press **Regenerate** or edit your prompt to start a branch; the tree on the left keeps both."""


def compose(
    context: list[JSON], instructions: str | None, json_format: bool = False, *, showcase: bool = False
) -> str:
    """The answer to an expanded context (directives in the last user message applied); `showcase`
    (the app's demo) leads with what the app renders and keeps the context line as a quiet footnote."""
    whole = user_texts(context)
    texts = [echoed(text) for text in whole]
    last = texts[-1] if texts else ""
    if json_format:
        return json.dumps(
            {"you_said": last, "context": texts, "instructions": instructions or None}, ensure_ascii=False
        )
    directives = parse_directives(whole[-1] if whole else "")
    if directives.brief:
        return f"**Demo answer** from the local emulator, to {len(texts)} user message(s)."
    if showcase:
        quiet = f"Context: {len(texts)} user message(s): {json.dumps(texts, ensure_ascii=False)}"
        return f"{SHOWCASE}\n\n---\n\n{quiet}"
    lines = [
        "**Demo answer** from the local emulator.",
        "",
        f"You said: {last}",
        "",
        f"Context: {len(texts)} user message(s): {json.dumps(texts, ensure_ascii=False)}",
        "",
        f"Instructions: {instructions or 'none'}",
    ]
    compacted = compaction_line(context)
    if compacted:
        lines += ["", compacted]
    seen = attachments(last_user_item(context))
    if seen:
        lines += ["", f"Attachments: {seen}"]
    text = "\n".join(lines)
    if directives.markdown:
        text += "\n\n" + MARKDOWN_DEMO
    if directives.words:
        text += "\n\n" + filler(directives.words)
    return text


# -- hosted tools: what the emulated file search finds and the emulated code interpreter runs ---------


def file_search_results(vector_store_ids: list[str], query: str) -> list[JSON]:
    """One result per vector store searched: a file named after its store, quoting the query."""
    return [
        {
            "file_id": f"file-{hashlib.sha1(store.encode()).hexdigest()[:24]}",
            "filename": f"notes-{store}.md",
            "score": round(max(0.1, 0.92 - 0.1 * k), 2),
            "text": f"Notes in {store} about “{query}”.",
            "attributes": {"store": store},
        }
        for k, store in enumerate(vector_store_ids)
    ]


def interpreter_run(text: str) -> tuple[str, str]:
    """(the Python the emulated code interpreter runs on the user's message, the logs it prints)."""
    code = (
        f"text = {text!r}\nprint(len(text.split()), 'words,', len(text), 'characters')\nprint(text[::-1])\n"
    )
    logs = f"{len(text.split())} words, {len(text)} characters\n{text[::-1]}\n"
    return code, logs


def reasoning_summary(context: list[JSON]) -> str:
    texts = user_texts(context)
    size = len(texts[-1]) if texts else 0
    return (
        "**Reading the conversation**\n\n"
        f"The context holds {len(texts)} user message(s); the last one is {size} characters long. "
        "I will echo it and list every user message I saw."
    )


def parse_context(answer_text: str) -> list[str]:
    """The user message texts an emulator answer says it saw, oldest first."""
    stripped = answer_text.strip()
    if stripped.startswith("{"):
        return list(json.loads(stripped)["context"])
    match = _CONTEXT_LINE.search(answer_text)
    if match is None:
        raise ValueError(f"not an emulator answer (no 'Context:' line): {answer_text[:200]!r}")
    return list(json.loads(match.group(1)))


def parse_compaction(answer_text: str) -> tuple[int, int] | None:
    """(compaction items, earlier items they stand for) an emulator answer saw, or None without any."""
    match = _COMPACTION_LINE.search(answer_text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def count_tokens(text: str) -> int:
    """A rough token count: one token per four characters."""
    return (len(text) + 3) // 4


def context_chars(items: list[JSON], instructions: str | None) -> int:
    total = len(instructions or "")
    for item in items:
        kind = item.get("type", "message")
        if kind == "message":
            total += len(message_text(item))
            if isinstance(item.get("content"), list):
                # an image or file counts like a few hundred characters
                total += 340 * sum(
                    1
                    for p in item["content"]
                    if isinstance(p, dict)
                    and p.get("type") != "input_text"
                    and p.get("type") != "output_text"
                )
        elif kind == "reasoning":
            total += sum(len(s.get("text", "")) for s in item.get("summary", []) if isinstance(s, dict))
        else:
            total += len(json.dumps(item))
        total += 12  # per-item overhead
    return total
