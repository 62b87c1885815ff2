"""Run by the SYSTEM Python (Debian's python3-pyatspi), inside the app's D-Bus session: prints what a
screen reader gets from the app named argv[1] over AT-SPI, one JSON object per showing accessible
object (depth, role, name, text, focusable, actions). Imports nothing of the project."""

from __future__ import annotations

import json
import sys

import pyatspi  # type: ignore[import-not-found]


def walk(acc: object, depth: int = 0) -> None:
    try:
        role, name, states = acc.getRoleName(), acc.name or "", acc.getState()  # type: ignore[attr-defined]
    except Exception:
        return
    if depth > 1 and not states.contains(pyatspi.STATE_SHOWING):
        return  # hidden widgets are in the tree too; a screen reader skips them
    text = ""
    try:
        iface = acc.queryText()  # type: ignore[attr-defined]
        text = iface.getText(0, min(iface.characterCount, 20000))
    except Exception:
        pass
    actions: list[str] = []
    try:
        action = acc.queryAction()  # type: ignore[attr-defined]
        actions = [action.getName(i) for i in range(action.nActions)]
    except Exception:
        pass
    row = {
        "depth": depth,
        "role": role,
        "name": name,
        "text": text,
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "actions": actions,
    }
    print(json.dumps(row, ensure_ascii=False), flush=True)
    for index in range(acc.childCount):  # type: ignore[attr-defined]
        try:
            child = acc.getChildAtIndex(index)  # type: ignore[attr-defined]
        except Exception:
            continue
        if child is not None:
            walk(child, depth + 1)


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == sys.argv[1]:
            walk(app)
            return 0
    print(f"no application named {sys.argv[1]!r} on the accessibility bus", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
