"""The installer's bundle, built as scripts/build_installer.sh builds it (PyInstaller, one
folder) into a temporary folder: its own --self-test passes there, and it carries the app's
resources but not the Qt parts the app never uses. About three minutes: marked `bundle`
(`-m "not bundle"` leaves it out of a quick run)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.bundle, pytest.mark.usefixtures("loopback_only")]


@pytest.mark.timeout(900)
def test_the_bundle_builds_and_passes_its_self_test(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [str(ROOT / "scripts" / "build_installer.sh"), str(tmp_path / "dist")],
        capture_output=True,
        text=True,
        env=env,
        timeout=840,
        check=False,
    )
    output = done.stdout
    assert done.returncode == 0, f"{output}\n{done.stderr[-4000:]}"
    size = re.search(r"^bundle: (\S+) \((\d+) MB, \d+ files\), built in \d+ s$", output, re.M)
    assert size, output
    bundle = Path(size[1])
    assert bundle == tmp_path / "dist" / "tooddoc-desk"
    assert (bundle / "tooddoc-desk").is_file()
    assert not (tmp_path / "dist" / ".build").exists(), "the build's work files were left"

    checks = re.findall(r"^(ok|FAIL|skip)\s+(\S+)\s", output, re.M)
    assert checks == [
        ("ok", name) for name in ("qt", "store", "hub", "invite", "call", "export", "clean-up")
    ], output
    assert re.search(r"^self-test passed: 7 checks in", output, re.M)

    inside = bundle / "_internal"
    assert (inside / "resources" / "patient" / "index.html").is_file()
    assert sorted(p.name for p in (inside / "tooddoc_desk" / "ui" / "translations").iterdir()) == [
        "tooddoc_de.qm",
        "tooddoc_fr.qm",
        "tooddoc_nl.qm",
    ]
    assert list(inside.rglob("libffmpegmediaplugin*")), "Qt's multimedia plugin is missing"
    names = {path.name for path in inside.rglob("*")}
    unused = {
        name
        for name in names
        if re.match(r"(lib)?Qt6?(WebEngine|Quick3D|Pdf|VirtualKeyboard|Charts|3D)", name)
        or re.match(r"Qt(WebEngine\w*|Qml|Quick\w*|Charts|Pdf\w*)\.abi3\.so", name)
    }
    assert unused == set(), f"the bundle carries Qt parts the app never uses: {sorted(unused)}"
