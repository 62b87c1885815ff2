"""`python -m desktop_chat.emulator`: serve the emulator until killed; print `EMULATOR_URL=<base_url>`."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from desktop_chat.emulator.server import DEFAULT_MODELS, MODES, Emulator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="desktop-chat-emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between text deltas")
    parser.add_argument("--chunk-chars", type=int, default=4, help="characters per text delta")
    parser.add_argument("--models", default=",".join(DEFAULT_MODELS), help="comma-separated model ids")
    parser.add_argument("--mode", default="full", choices=MODES, help="the kind of server to play")
    parser.add_argument(
        "--quirk",
        action="append",
        default=[],
        metavar="MODEL=QUIRK",
        help="a model's behaviour (keeps_no_state, stream_500, refuses:<param>); repeatable",
    )
    args = parser.parse_args(argv)
    quirks: dict[str, set[str]] = {}
    for entry in args.quirk:
        model, _, quirk = entry.partition("=")
        if not model or not quirk:
            parser.error(f"--quirk wants MODEL=QUIRK, got {entry!r}")
        quirks.setdefault(model.strip(), set()).add(quirk.strip())

    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    emulator = Emulator(
        host=args.host,
        port=args.port,
        models=models,
        delay_s=args.delay,
        chunk_chars=args.chunk_chars,
        mode=args.mode,
        quirks=quirks,
    )
    url = emulator.start()
    print(f"EMULATOR_URL={url}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
