"""At twice the scale (QT_SCALE_FACTOR=2, as on a high-DPI screen) the QR code, the app's mark
and the Devices preview are drawn in device pixels, nothing is cut or drawn over something
else, and the same holds at scale 1. Rendered offscreen in a process of its own (the scale is
read when Qt starts); the pictures are kept under test-output/screenshots/hidpi-*."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "test-output" / "screenshots"


@pytest.mark.parametrize("scale", [1, 2])
def test_the_screens_scale_without_blur_or_clipping(scale: int) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=str(scale))
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.hidpi_probe", str(OUT / f"hidpi-{scale}")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["ratio"] == scale
    # the QR code: drawn at the screen's pixels, whole pixels per module, about 320 wide
    assert report["code_pixels"] == pytest.approx(report["code_logical"] * scale)
    assert 280 <= report["code_logical"] <= 320
    assert report["icon_pixels"] == 64 * scale  # a pixmap drawn at that size, not scaled up
    assert 64 * scale in report["icon_sizes"]
    # the preview's frames are asked for at the screen's pixels
    width, height = report["video_size"]
    assert report["video_box"] == [width * scale, height * scale]
    for grab in ("link_grab", "devices_grab"):
        pixels_w, pixels_h, logical_w, logical_h = report[grab]
        assert (pixels_w, pixels_h) == (logical_w * scale, logical_h * scale)
    assert report["link_clipped"] == []
    assert report["devices_clipped"] == []
