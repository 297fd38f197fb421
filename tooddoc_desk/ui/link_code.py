"""A consultation's link as a QR code, to show on the screen: a patient at the desk, or a
practitioner handing the call to their own phone, scans it instead of typing it.

The code is drawn from segno's matrix (medium error correction, a 4-module quiet zone), black
on white whatever the theme, so every phone camera reads it.
"""

from __future__ import annotations

import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.ui.i18n import FollowsLanguage, fill

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


def qr_image(text: str, size: int) -> QImage:
    """The QR code of `text`, about `size` pixels wide, each module a whole number of pixels."""
    matrix = [list(row) for row in segno.make(text, error="m").matrix]
    modules = len(matrix) + 2 * QUIET_ZONE
    scale = max(1, size // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(
                    (x + QUIET_ZONE) * scale, (y + QUIET_ZONE) * scale, scale, scale, black
                )
    painter.end()
    return image


CODE_SIZE = 320  # logical pixels


def qr_pixmap(text: str, size: int, ratio: float) -> QPixmap:
    """The QR code about `size` logical pixels wide, drawn in device pixels for a screen of
    `ratio` device pixels per logical one: sharp modules on a high-DPI screen."""
    pixmap = QPixmap.fromImage(qr_image(text, round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class LinkDialog(FollowsLanguage, QDialog):
    """The link of one consultation: its QR code, the address, and Copy."""

    def __init__(self, link: str, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._link = link
        self._who = who
        self.code = QLabel()
        pixmap = qr_pixmap(link, CODE_SIZE, self.devicePixelRatioF())
        self.code.setPixmap(pixmap)
        self.code.setMinimumSize(pixmap.deviceIndependentSize().toSize())  # never cut
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = QLabel(link)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address.setWordWrap(True)
        self.copy_button = QPushButton()
        self.close_button = QPushButton()
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addWidget(self.address)
        layout.addLayout(buttons)
        layout.activate()  # never lower than the code and the wrapped address need
        self.setMinimumHeight(layout.totalHeightForWidth(self.sizeHint().width()))
        self.copy_button.clicked.connect(self.copy)
        self.close_button.clicked.connect(self.accept)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(fill(self.tr("Consultation link — %1"), self._who))
        self.code.setAccessibleName(self.tr("QR code of the consultation link"))
        self.copy_button.setText(self.tr("Copy link"))
        self.close_button.setText(self.tr("Close"))

    def copy(self) -> None:
        copy_link(self._link)


def copy_link(link: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(link)
