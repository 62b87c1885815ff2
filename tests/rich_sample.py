"""A path that shows every kind of thing the transcript renders (for contrast checks and screenshots)."""

from __future__ import annotations

from desktop_chat.core.conversation.model import Node, NodeStatus, Usage, user_message

ANSWER = r"""## Binary search

Binary search halves the range each step, so it takes $O(\log n)$ comparisons; for $n = 10^6$ that is
about 20. Prices like $5 and $10 stay text. The recurrence is \(T(n) = T(n/2) + 1\).

$$
\sum_{i=1}^{n} i = \frac{n(n+1)}{2}
$$

> A quote: *premature optimisation* is the root of all evil.

```python
def search(items: list[int], target: int) -> int:
    lo, hi = 0, len(items) - 1  # inclusive bounds
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        lo, hi = (mid + 1, hi) if items[mid] < target else (lo, mid - 1)
    return -1
```

| input size | steps | note |
|-----------:|------:|------|
| 1,000 | 10 | small |
| 1,000,000 | 20 | `fast` |

A bad formula: $\frac{a$, inline `code`, ~~old~~ and a [link](https://example.com).
"""


def rich_path() -> list[Node]:
    """Two turns: a full answer (reasoning, math, code, table, quote, sources, tools, a notice) and a
    failed one; then a stopped one."""
    first = Node("c", None, [user_message("How does binary search work? Show code, a table and maths.")])
    first.model = "gpt-4.1-mini"
    first.output_text = ANSWER
    first.reasoning_text = "The user wants an **explanation** with code."
    first.status = NodeStatus.COMPLETED
    first.usage = Usage(input_tokens=1234, output_tokens=567, reasoning_tokens=64)
    first.notice = "The server had lost this branch; the history was resent."
    first.output_items = [
        {"type": "web_search_call", "action": {"query": "binary search complexity"}},
        {"type": "file_search_call", "queries": ["binary search notes"]},
        {
            "type": "code_interpreter_call",
            "code": "print(sum(range(11)))",
            "outputs": [{"type": "logs", "logs": "55\n"}],
            "status": "completed",
        },
        {
            "type": "message",
            "content": [
                {
                    "type": "output_text",
                    "text": "x",
                    "annotations": [
                        {
                            "type": "url_citation",
                            "url": "https://en.wikipedia.org/wiki/Binary_search",
                            "title": "Binary search - Wikipedia",
                        },
                        {"type": "file_citation", "file_id": "file-1", "filename": "notes.md"},
                    ],
                }
            ],
        },
    ]
    failed = Node("c", first.id, [user_message("And when it fails?")], model="gpt-4.1-mini")
    failed.output_text = "It returned **-1**."
    failed.status = NodeStatus.FAILED
    failed.error = "The server closed the connection."
    stopped = Node("c", failed.id, [user_message("Keep going")], model="gpt-4.1-mini")
    stopped.output_text = "Half an answ"
    stopped.status = NodeStatus.STOPPED
    return [first, failed, stopped]
