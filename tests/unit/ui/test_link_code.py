"""The link's QR code: each module drawn where the code has it, with its quiet zone, in whole
pixels; and the dialog that shows it and copies the link."""

from __future__ import annotations

import segno
from PySide6.QtGui import QColor, QGuiApplication
from pytestqt.qtbot import QtBot

from tooddoc_desk.ui.link_code import QUIET_ZONE, LinkDialog, qr_image

LINK = "https://hub.cabinet-peeters.be/c/Qm9uam91ciBEb2N0ZXVyIFBlZXRlcnMh"


def test_the_image_holds_the_code_module_by_module() -> None:
    expected = [[bool(dark) for dark in row] for row in segno.make(LINK, error="m").matrix]
    image = qr_image(LINK, 330)
    modules = len(expected) + 2 * QUIET_ZONE
    scale = image.width() // modules
    assert scale >= 3
    assert image.width() == image.height() == modules * scale
    black = QColor("black").rgb()

    def dark(x: int, y: int) -> bool:  # the module's centre pixel
        return image.pixel(x * scale + scale // 2, y * scale + scale // 2) == black

    drawn = [
        [dark(x + QUIET_ZONE, y + QUIET_ZONE) for x in range(len(expected))]
        for y in range(len(expected))
    ]
    assert drawn == expected
    assert not any(dark(x, 0) or dark(0, x) for x in range(modules))  # the quiet zone


def test_the_dialog_shows_the_code_and_copies_the_link(qtbot: QtBot) -> None:
    dialog = LinkDialog(LINK, "+32 470 12 34 56")
    qtbot.addWidget(dialog)
    assert dialog.code.pixmap().width() > 200
    assert dialog.address.text() == LINK
    assert "+32 470 12 34 56" in dialog.windowTitle()
    dialog.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None
    assert clipboard.text() == LINK
