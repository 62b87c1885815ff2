"""The formula typesetter's process: LaTeX in, SVG out, one JSON line each way.

The view starts it (`python -m desktop_chat.core.content.math_worker`, or the packaged app with
`WORKER_FLAG`) and talks to it through pipes, so typesetting (10–50 ms a formula, pure Python) never
holds the GUI process's interpreter. It runs at a lower priority than the app: it is background work.

    request:  {"id": 7, "source": "\\frac{a}{b}", "display": true, "size": 16.0}
    answer:   {"id": 7, "svg": "<svg …>"}   or   {"id": 7, "error": "…"}
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import IO, Any

WORKER_FLAG = "--math-worker"  # (the app's entry point checks it first: this module imports little)


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """The reply to one request (an error reply for a formula that cannot be typeset)."""
    from desktop_chat.core.content.math_tex import typeset_svg  # (markdown-it, ziamath: the worker's own)

    ident = request.get("id")
    try:
        svg = typeset_svg(str(request["source"]), bool(request.get("display")), float(request["size"]))
    except (ValueError, KeyError, TypeError, ImportError) as exc:
        return {"id": ident, "error": str(exc)[:500]}
    return {"id": ident, "svg": svg}


def serve(stdin: IO[bytes] | None = None, stdout: IO[bytes] | None = None) -> int:
    """Answer requests until stdin closes."""
    import json

    from desktop_chat.core.content.math_tex import typeset_svg

    source = stdin or sys.stdin.buffer
    sink = stdout or sys.stdout.buffer
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(10)
    with contextlib.suppress(
        ValueError, ImportError
    ):  # warm up (the import takes ~0.4 s) before the first request
        typeset_svg("x", False, 12.0)
    for line in source:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
        except ValueError:
            continue
        sink.write(json.dumps(answer(request)).encode("utf-8") + b"\n")
        sink.flush()
    return 0


if __name__ == "__main__":
    sys.exit(serve())
