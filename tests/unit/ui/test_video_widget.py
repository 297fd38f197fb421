from __future__ import annotations

import av
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tooddoc_desk.calls.frames import to_rgb
from tooddoc_desk.ui.video_widget import VideoWidget, fitted


def red_frame(width: int, height: int) -> av.VideoFrame:
    """A decoded-looking frame (yuv420p, as decoders give them) of pure red."""
    rgb = av.VideoFrame(width, height, "rgb24")
    rgb.planes[0].update(bytes([255, 0, 0]) * (rgb.planes[0].line_size // 3) * height)
    return rgb.reformat(format="yuv420p")


def test_fitting_keeps_the_aspect_ratio_and_centres() -> None:
    assert fitted(QSize(640, 480), QRect(0, 0, 800, 400)) == QRect(133, 0, 533, 400)
    assert fitted(QSize(640, 360), QRect(0, 0, 400, 400)) == QRect(0, 87, 400, 225)


def test_a_converted_frame_is_drawn_with_its_colours_and_black_bars(qtbot: QtBot) -> None:
    widget = VideoWidget("waiting")
    qtbot.addWidget(widget)
    widget.resize(400, 200)
    widget.show()
    qtbot.waitExposed(widget)

    frame = to_rgb(red_frame(64, 48), widget.box())
    assert (frame.width, frame.height) == (266, 200)
    widget.show_frame(frame)
    picture = widget.grab().toImage()

    centre = QColor(picture.pixel(200, 100))
    assert centre.red() > 240  # red through a YUV round trip: not exactly 255, 0, 0
    assert max(centre.green(), centre.blue()) < 20
    bar = QColor(picture.pixel(10, 100))
    assert max(bar.red(), bar.green(), bar.blue()) < 40
    assert widget.frames_shown == 1


def test_the_widget_asks_for_frames_of_its_own_size(qtbot: QtBot) -> None:
    widget = VideoWidget("waiting")
    qtbot.addWidget(widget)
    widget.resize(320, 240)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.resized):
        widget.resize(640, 360)
    assert widget.box() == (640, 360)
