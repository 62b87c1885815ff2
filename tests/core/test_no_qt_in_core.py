"""desktop_chat/core stays free of Qt: checked on the source, by AST."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop_chat.core

FORBIDDEN = {"PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qasync"}
CORE = Path(desktop_chat.core.__file__).parent


def qt_imports(source: str, filename: str = "<string>") -> list[str]:
    """Forbidden modules imported by the source (import, from-import, __import__/import_module)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            called = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if called in {"__import__", "import_module"} and isinstance(node.args[0].value, str):
                names = [node.args[0].value]
        line = getattr(node, "lineno", 0)
        found += [f"{filename}:{line}: {name}" for name in names if name.split(".")[0] in FORBIDDEN]
    return found


def test_the_scanner_finds_every_kind_of_qt_import() -> None:
    source = (
        "import os\n"
        "import PySide6.QtCore\n"
        "from PySide6 import QtWidgets\n"
        "def f():\n"
        "    import qasync\n"
        "    from shiboken6 import isValid\n"
        "importlib.import_module('PyQt6.QtGui')\n"
        "__import__('PySide6')\n"
        "from .PySide6 import x\n"  # a relative module of that name is not Qt
    )
    assert sorted(hit.split(": ")[1] for hit in qt_imports(source)) == sorted(
        ["PySide6.QtCore", "PySide6", "qasync", "shiboken6", "PyQt6.QtGui", "PySide6"]
    )


def test_core_imports_no_qt() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 5
    hits = [hit for path in files for hit in qt_imports(path.read_text(encoding="utf-8"), str(path))]
    assert hits == []
