"""Screenshots of the main screens, rendered by a real X server (Xvfb) with Qt's xcb platform,
saved under test-output/screenshots/ for people to look at. Not compared pixel by pixel: the
test checks that each screen was drawn (its size, and more than one colour)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "test-output" / "screenshots"
SCREENS = (
    "01-first-run",
    "02-today",
    "03-history",
    "04-users",
    "05-settings",
    "06-today-fr",
    "07-locked",
    "08-first-run-people",
    "09-first-run-hub",
    "10-first-run-invites",
    "11-first-run-recovery-key",
    "12-devices",
)


@pytest.fixture
def display() -> Iterator[str]:
    """A private X server for the test; its display name."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def distinct_colours(image: QImage, samples: int = 400) -> int:
    width, height = image.width(), image.height()
    return len({image.pixel(i * 7919 % width, i * 104729 % height) for i in range(samples)})


def mean_lightness(image: QImage, samples: int = 400) -> float:
    width, height = image.width(), image.height()
    points = (image.pixelColor(i * 7919 % width, i * 104729 % height) for i in range(samples))
    return sum(colour.lightness() for colour in points) / samples


@pytest.mark.usefixtures("loopback_only")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_main_screens_render_under_x(display: str, scheme: str) -> None:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", TOODDOC_COLOR_SCHEME=scheme)
    out = OUT if scheme == "light" else OUT / "dark"
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.screens", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for name in SCREENS:
        image = QImage(str(out / f"{name}.png"))
        assert not image.isNull(), name
        assert image.width() >= 300, name
        assert distinct_colours(image) > 3, f"{name} looks blank"
        assert (mean_lightness(image) < 128) == (scheme == "dark"), f"{name} is not {scheme}"
