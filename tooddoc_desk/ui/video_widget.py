"""Shows a stream of RGB frames, fitted with their aspect ratio kept.

Frames arrive already scaled to the widget's size (the call engine scales them off the event
loop, to the size `box()` gives), so painting is a plain copy; a frame of another size (while
the window is being resized) is scaled here until the next one arrives at the new size."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from tooddoc_desk.ui.palette import LIGHT as VIDEO  # the video area is the same in both


class Frame(Protocol):
    """A picture: rows of `stride` bytes, `width` pixels 0xffRRGGBB (QImage.Format_RGB32)."""

    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def stride(self) -> int: ...
    @property
    def data(self) -> bytes: ...


def fitted(frame: QSize, area: QRect) -> QRect:
    """The largest rectangle of the frame's aspect ratio centred in `area`."""
    scaled = frame.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = area.x() + (area.width() - scaled.width()) // 2
    top = area.y() + (area.height() - scaled.height()) // 2
    return QRect(left, top, scaled.width(), scaled.height())


class VideoWidget(QWidget):
    resized = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._placeholder = placeholder
        self._image: QImage | None = None
        self._pixels: bytes = b""  # keeps the buffer the QImage points into alive
        self.frames_shown = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    @property
    def placeholder(self) -> str:
        """What the widget says while it has no picture."""
        return self._placeholder

    def showing_picture(self) -> bool:
        return self._image is not None

    def box(self) -> tuple[int, int]:
        """The size, in device pixels, that frames should be scaled to."""
        ratio = self.devicePixelRatioF()
        return max(2, round(self.width() * ratio)), max(2, round(self.height() * ratio))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def show_frame(self, frame: Frame) -> None:
        self._pixels = frame.data
        self._image = QImage(
            self._pixels, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32
        )
        self._image.setDevicePixelRatio(self.devicePixelRatioF())
        self.frames_shown += 1
        self.update()

    def set_placeholder(self, placeholder: str) -> None:
        """What to say when the picture stops (the picture, if any, stays)."""
        self._placeholder = placeholder
        if self._image is None:
            self.update()

    def clear(self, placeholder: str | None = None) -> None:
        if placeholder is not None:
            self._placeholder = placeholder
        self._image = None
        self._pixels = b""
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(VIDEO.video_ground))  # dark in either theme
        if self._image is None:
            painter.setPen(QColor(VIDEO.video_text))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._placeholder)
        else:
            logical = self._image.deviceIndependentSize().toSize()
            target = fitted(logical, self.rect())
            if target.size() == logical:
                painter.drawImage(target.topLeft(), self._image)
            else:
                painter.drawImage(target, self._image)
        painter.end()
