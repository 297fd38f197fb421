"""The installer's bundle, measured: its size, its build and its start-up, against a bare
PySide6 window bundled the same way in the same run.

    .venv/bin/python -m bench.bundle_bench [--bundle dist/tooddoc-desk]

- The app's bundle is built by scripts/build_installer.sh (which also runs its self-test),
  unless `--bundle` names one already built; the baseline is a PyInstaller one-folder bundle of
  a bare PySide6 window (what any Qt desktop program carries at least).
- Size: the bytes of every file in the folder.
- Start-up: offscreen, from the launch to the app's "ready: the window is shown" log line, with
  an existing store whose key is in a real Secret Service (GNOME Keyring on a private D-Bus
  bus: the keyring a Linux practice has), against the bare bundle from its launch to its
  window shown; the median of ROUNDS launches each, alternated.

Run it with `scripts/bench.sh` (the bundled app's embedded hub and the self-test want the
loopback-only network namespace that script makes).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from bench.desk_bench import BARE_WINDOW, READY
from bench.figures import Figure, median, table
from tests.helpers.launch import launch_until
from tests.helpers.network import require_loopback_only
from tests.helpers.secret_service import secret_service

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 5
BARE = "a bare PySide6 window, bundled the same way"


def folder_bytes(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file())


def build_app(into: Path) -> tuple[Path, float]:
    """The app's bundle, as the installer script builds it, and the build's seconds."""
    done = subprocess.run(
        [str(ROOT / "scripts" / "build_installer.sh"), str(into)],
        capture_output=True,
        text=True,
        check=True,
    )
    built = re.search(r"^bundle: (\S+) \(.*\), built in (\d+) s$", done.stdout, re.M)
    if built is None:
        raise RuntimeError(f"the build script did not say what it built:\n{done.stdout}")
    return Path(built[1]), float(built[2])


def build_bare(into: Path) -> tuple[Path, float]:
    """The bare window's bundle and the build's seconds."""
    script = into / "bare_window.py"
    into.mkdir(parents=True, exist_ok=True)
    script.write_text(BARE_WINDOW)
    began = time.perf_counter()
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "pyinstaller"),
            *("--noconfirm", "--clean", "--log-level", "WARN", "--onedir"),
            *("--name", "bare-window", "--distpath", str(into / "dist")),
            *("--workpath", str(into / "work"), "--specpath", str(into)),
            str(script),
        ],
        capture_output=True,
        check=True,
    )
    seconds = time.perf_counter() - began
    bundle = into / "dist" / "bare-window"
    for link in [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()  # as the installer script does: links to Qt libraries left out
    return bundle, seconds


def start_ups(app: Path, bare: Path, folder: Path) -> tuple[list[float], list[float]]:
    app_command = [str(app / "tooddoc-desk"), "--data-dir", str(folder / "data")]
    bare_command = [str(bare / "bare-window")]
    with secret_service(folder) as keyring_env:
        env = {**keyring_env, "QT_QPA_PLATFORM": "offscreen"}
        env.pop("TOODDOC_KEYRING_BACKEND", None)
        launch_until(app_command, READY, env)  # the first start makes the store: not counted
        app_times, bare_times = [], []
        for _ in range(ROUNDS):
            bare_times.append(launch_until(bare_command, "shown", env).seconds)
            app_times.append(launch_until(app_command, READY, env).seconds)
    return app_times, bare_times


def main() -> None:
    parser = argparse.ArgumentParser(description="The bundle's size and start-up.")
    parser.add_argument("--bundle", type=Path, help="an app bundle already built")
    options = parser.parse_args()
    require_loopback_only()
    with tempfile.TemporaryDirectory(prefix="tooddoc-bundle-bench-") as name:
        folder = Path(name)
        os.environ["TMPDIR"] = str(folder)  # PyInstaller's and the self-test's files with it
        figures: list[Figure] = []
        if options.bundle is None:
            app, app_build = build_app(folder / "app")
        else:
            app, app_build = options.bundle.resolve(), float("nan")
        bare, bare_build = build_bare(folder / "bare")
        size, bare_size = folder_bytes(app) / 2**20, folder_bytes(bare) / 2**20
        figures.append(Figure("bundle size", size, bare_size, "MiB", BARE))
        if options.bundle is None:
            figures.append(Figure("bundle build", app_build, bare_build, "s", BARE))
        app_times, bare_times = start_ups(app, bare, folder / "start")
        figures.append(
            Figure(
                "bundle launch → usable window",
                1000 * median(app_times),
                1000 * median(bare_times),
                "ms",
                BARE,
            )
        )
    print(f"Bundle benchmark (median of {ROUNDS} launches each)")
    print(table(figures))


if __name__ == "__main__":
    main()
