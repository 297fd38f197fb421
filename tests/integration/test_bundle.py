"""The installer's bundle, built as scripts/build_installer.sh builds it (PyInstaller, one
folder) into a temporary folder: its own --self-test passes there, it carries the app's
resources but not the Qt parts the app never uses, and the bundled app keeps its store's key in
a real Secret Service (the keyring backends are chosen at run time, so only a start shows they
are in). About three minutes: marked `bundle` (`-m "not bundle"` leaves it out of a quick
run)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import secret_service
from tests.helpers.launch import launch_until

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.bundle, pytest.mark.usefixtures("loopback_only")]


READY = "ready: the window is shown"
UNLOCK_WITH_SECRET_SERVICE = """
import sys
from pathlib import Path
from keyring.backends.SecretService import Keyring
from tooddoc_desk.storage.keyslots import KeySlots
from tooddoc_desk.storage.store_paths import StorePaths
KeySlots.load(StorePaths(Path(sys.argv[1])).keys).unlock_with_keyring(Keyring())
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The bundle's folder and what the build script said."""
    tmp_path = tmp_path_factory.mktemp("bundle")
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
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr[-4000:]}"
    return tmp_path / "dist" / "tooddoc-desk", done.stdout


@pytest.mark.timeout(900)
def test_the_bundle_builds_and_passes_its_self_test(built: tuple[Path, str]) -> None:
    bundle, output = built
    size = re.search(r"^bundle: (\S+) \((\d+) MB, \d+ files\), built in \d+ s$", output, re.M)
    assert size, output
    assert Path(size[1]) == bundle
    assert (bundle / "tooddoc-desk").is_file()
    assert not (bundle.parent / ".build").exists(), "the build's work files were left"

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


@pytest.mark.skipif(not secret_service.available(), reason="needs dbus-daemon and gnome-keyring")
@pytest.mark.timeout(900)
def test_the_bundled_app_keeps_its_key_in_the_secret_service(
    built: tuple[Path, str], tmp_path: Path
) -> None:
    bundle, _ = built
    app = [str(bundle / "tooddoc-desk"), "--data-dir", str(tmp_path / "data")]
    with secret_service.secret_service(tmp_path) as keyring_env:
        env = {**keyring_env, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("TOODDOC_KEYRING_BACKEND", None)
        first = launch_until(app, READY, env).output
        assert "The consultation store was created" in first
        # the second start finds the key in the keyring: nothing is asked (stdin is closed)
        again = launch_until(app, READY, env).output
        for said in (first, again):
            assert "passphrase" not in said.lower()
        unlocked = subprocess.run(
            [sys.executable, "-c", UNLOCK_WITH_SECRET_SERVICE, str(tmp_path / "data")],
            env=keyring_env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert unlocked.returncode == 0, unlocked.stderr
