"""`desktop-chat --import FILE` / `--export FILE`: scripting and first-time migration, no window.

--import reads a ChatGPT data export (conversations.json or the export's .zip) or the app's own JSON;
--export writes every conversation as the app's JSON (or as Markdown when FILE ends in .md). Each
prints a summary and exits: 0 done, 1 the file could not be imported/exported, 2 the store is unusable.
No Qt is imported here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

# The importers and exporters are imported where they are used: the app parses its arguments with
# this module before the window paints, and they take ~35 ms to import.
if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_chat.core.conversation.store import Store
    from desktop_chat.core.interchange.export import ImportSummary
    from desktop_chat.core.interchange.importer import ProgressCallback


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --import / --export to the app's argument parser."""
    parser.add_argument(
        "--import",
        dest="import_file",
        type=Path,
        metavar="FILE",
        help="import a ChatGPT export (conversations.json or .zip) or a desktop_chat JSON export, then exit",
    )
    parser.add_argument(
        "--export",
        dest="export_file",
        type=Path,
        metavar="FILE",
        help="export all conversations as desktop_chat JSON (Markdown if FILE ends in .md), then exit",
    )


def wants_cli(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "import_file", None) or getattr(args, "export_file", None))


def import_file(
    store: Store,
    path: Path,
    attachments_root: Path | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import one file (the kind is recognised from its content), read as a stream and written a batch
    of whole conversations at a time (the window's import runs this on a thread of its own)."""
    from desktop_chat.core.interchange import importer

    return importer.import_file(store, path, attachments_root, progress=progress, cancelled=cancelled)


def export_file(store: Store, path: Path, attachments_root: Path | None = None) -> str:
    """Write every conversation to `path`; returns a one-line summary."""
    from desktop_chat.core.interchange import export, markdown_export
    from desktop_chat.core.interchange.export import ImportFailed

    path = Path(path)
    if path.suffix.lower() in (".md", ".markdown"):
        text = markdown_export.export_markdown(store)
        kind = "Markdown"
        data = None
    else:
        data = export.export_json(store, attachments_root=attachments_root)
        text = export.dump_json(data)
        kind = "desktop_chat JSON"
    try:
        export.write_text_atomically(path, text)
    except OSError as exc:
        raise ImportFailed(f"{path} cannot be written: {exc.strerror or exc}.") from exc
    conversations = data["conversations"] if data else store.list_conversations()
    turns = sum(len(c["nodes"]) for c in data["conversations"]) if data else None
    count = f"{len(conversations)} conversation(s)" + (f" with {turns} turn(s)" if turns is not None else "")
    missing = len(data.get("missing_attachments", [])) if data else 0
    note = f" {missing} attachment(s) were missing from the attachment folder." if missing else ""
    return f"Exported {count} to {path} ({kind}).{note}"


def run_cli(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run --import and/or --export (import first) against the data folder; print what happened."""
    from desktop_chat.core.config.paths import data_dir, database_path
    from desktop_chat.core.content.attachments import attachments_dir
    from desktop_chat.core.conversation.store import StoreError, open_store
    from desktop_chat.core.interchange.export import ImportFailed

    out = out or sys.stdout
    err = err or sys.stderr
    try:
        folder = data_dir(getattr(args, "data_dir", None))
        store, notice = open_store(database_path(folder))
    except (StoreError, OSError) as exc:
        print(getattr(exc, "user_message", None) or f"The data folder cannot be used: {exc}", file=err)
        return 2
    try:
        if notice:
            print(notice, file=err)
        if getattr(args, "import_file", None):
            summary = import_file(store, args.import_file, attachments_dir(folder))
            print(summary.text(), file=out)
        if getattr(args, "export_file", None):
            print(export_file(store, args.export_file, attachments_dir(folder)), file=out)
    except ImportFailed as exc:
        print(exc.user_message, file=err)
        return 1
    except StoreError as exc:
        print(f"{exc.user_message} Nothing was imported.", file=err)
        return 2
    finally:
        store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="desktop-chat", description="Import or export desktop_chat conversations without a window."
    )
    parser.add_argument("--data-dir", type=Path, help="where conversations are kept (default: user data dir)")
    add_arguments(parser)
    args = parser.parse_args(argv)
    if not wants_cli(args):
        parser.error("give --import FILE and/or --export FILE")
    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
