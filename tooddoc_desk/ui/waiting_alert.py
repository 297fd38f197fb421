"""Telling the practice that a patient has entered the waiting room, even with the window
behind others: the window's taskbar entry asks for attention, the tray icon says so in a
desktop notification, and a short chime plays.

The notification names no one (it may show on a screen others see, and the system may keep
it); the window says who waits and since when.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTemporaryDir, QUrl
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.palette import LIGHT  # the mark is the same in both themes

TITLE = QT_TRANSLATE_NOOP("WaitingAlert", "A patient is in the waiting room")
BODY = QT_TRANSLATE_NOOP("WaitingAlert", "Open tooddoc-desk to admit them.")
CHIME_RATE = 22_050
NOTES = ((880.0, 0.16), (1318.5, 0.28))  # A5 then E6: two short soft tones


def chime_wav() -> bytes:
    """A two-tone chime as 16-bit mono WAV, faded in and out (no click)."""
    samples = bytearray()
    for frequency, seconds in NOTES:
        count = int(CHIME_RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / 200, (count - n) / 800)
            value = 0.35 * fade * math.sin(2 * math.pi * frequency * n / CHIME_RATE)
            samples += struct.pack("<h", int(value * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(CHIME_RATE)
        wav.writeframes(bytes(samples))
    return out.getvalue()


def app_icon() -> QIcon:
    """The app's mark (a white camera on the practice's blue), drawn: no image file to ship.
    Drawn at each size a taskbar or tray may ask for, up to 256 pixels for a high-DPI screen,
    so that it is never scaled up blurred."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_mark(size))
    return icon


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _mark(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)  # drawn on a 64 x 64 grid
    painter.setBrush(QColor(LIGHT.brand_ground))
    painter.setPen(QColor(LIGHT.brand_ground))
    painter.drawRoundedRect(2, 2, 60, 60, 14, 14)
    painter.setBrush(QColor(LIGHT.brand_mark))
    painter.setPen(QColor(LIGHT.brand_mark))
    painter.drawRoundedRect(12, 22, 28, 22, 5, 5)
    painter.drawPolygon([QPoint(40, 30), QPoint(52, 22), QPoint(52, 44), QPoint(40, 36)])
    painter.end()
    return pixmap


class WaitingAlert:
    def __init__(self, window: QWidget) -> None:
        self._window = window
        self.alerts = 0
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), window)
            self.tray.setToolTip("tooddoc-desk")
            self.tray.activated.connect(lambda _reason: self._bring_forward())
            self.tray.show()
        self.chime: QSoundEffect | None = None
        self._folder = QTemporaryDir()  # the chime's file, private to this run, removed after
        if not QMediaDevices.defaultAudioOutput().isNull() and self._folder.isValid():
            path = Path(self._folder.path()) / "waiting.wav"
            path.write_bytes(chime_wav())
            self.chime = QSoundEffect(window)
            self.chime.setSource(QUrl.fromLocalFile(str(path)))
            self.chime.setVolume(0.6)

    def patient_arrived(self) -> None:
        self.alerts += 1
        QApplication.alert(self._window)
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(
                QCoreApplication.translate("WaitingAlert", TITLE),
                QCoreApplication.translate("WaitingAlert", BODY),
                QSystemTrayIcon.MessageIcon.Information,
                8000,
            )
        if self.chime is not None:
            self.chime.play()
        else:
            QApplication.beep()

    def _bring_forward(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
