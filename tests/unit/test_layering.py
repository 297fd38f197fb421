"""Dependencies point down: ui → services → calls/messaging/payments/hub/storage → core."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tooddoc_desk"

LOWER = ["calls", "messaging", "payments", "hub", "storage"]
FORBIDDEN: dict[str, set[str]] = {
    "core": {"PySide6", "qasync", "aiortc", "av", "aiohttp", "httpx", "sqlcipher3", "keyring"}
    | {f"tooddoc_desk.{p}" for p in [*LOWER, "services", "ui", "app"]},
    **{
        layer: {"PySide6", "qasync", "tooddoc_desk.services", "tooddoc_desk.ui", "tooddoc_desk.app"}
        for layer in LOWER
    },
    "services": {"PySide6", "tooddoc_desk.ui", "tooddoc_desk.app"},
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def violations(layer: str) -> list[str]:
    found = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imported_modules(path):
            for banned in FORBIDDEN[layer]:
                if name == banned or name.startswith(banned + "."):
                    found.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_point_down(layer: str) -> None:
    assert violations(layer) == []


def test_relative_imports_are_not_used() -> None:
    """Absolute imports keep the layering check above honest."""
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path} uses a relative import"


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport tooddoc_desk.ui.main_window\n")
    assert imported_modules(sample) == {"PySide6.QtCore", "tooddoc_desk.ui.main_window"}
