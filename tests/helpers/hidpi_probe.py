"""Renders the QR code dialog, the Devices page and the app's mark at the scale Qt was started
with (QT_SCALE_FACTOR), saves them as PNG files and prints what the test checks, as JSON.

    QT_SCALE_FACTOR=2 python -m tests.helpers.hidpi_probe OUT_DIR
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QProgressBar,
    QWidget,
)

from tests.helpers.aio import until
from tests.helpers.hosted_app import run_on_qasync
from tooddoc_desk.services.device_choice import DeviceChoices
from tooddoc_desk.ui.devices_page import DevicesDialog
from tooddoc_desk.ui.link_code import LinkDialog
from tooddoc_desk.ui.tasks import Tasks
from tooddoc_desk.ui.theme import follow_system
from tooddoc_desk.ui.video_widget import VideoWidget
from tooddoc_desk.ui.waiting_alert import app_icon

LINK = "https://hub.example.be/c/AbCdEfGhIjKlMnOpQrStUv"


def clipped(root: QWidget) -> list[str]:
    """The labels and buttons shown narrower or lower than their text needs."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or widget.pixmap().isNull() is False):
            needed = widget.minimumSizeHint()
        else:
            needed = widget.sizeHint()
        if widget.width() < needed.width() or widget.height() < needed.height():
            text = widget.text() if hasattr(widget, "text") else ""
            found.append(f"{type(widget).__name__} {text!r} {widget.size()} < {needed}")
    return found


def overlapping(root: QWidget) -> list[str]:
    """Pairs of visible labels, buttons, fields and pictures drawn over one another."""
    kinds = (QLabel, QAbstractButton, QComboBox, QProgressBar, VideoWidget)
    shown = [
        (w, QRect(w.mapTo(root, QPoint(0, 0)), w.size()))
        for w in root.findChildren(QWidget)
        if w.isVisible() and isinstance(w, kinds)
    ]
    return [
        f"{type(a).__name__} {ra.getRect()} and {type(b).__name__} {getattr(b, 'text', str)()!r}"
        f" {rb.getRect()}"
        for i, (a, ra) in enumerate(shown)
        for b, rb in shown[i + 1 :]
        if ra.intersects(rb) and not a.isAncestorOf(b) and not b.isAncestorOf(a)
    ]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    qapp.setQuitOnLastWindowClosed(False)
    follow_system(qapp)
    report: dict[str, object] = {"ratio": qapp.devicePixelRatio()}

    link = LinkDialog(LINK, "Patient")
    link.show()
    pixmap = link.code.pixmap()
    report["code_logical"] = pixmap.deviceIndependentSize().width()
    report["code_pixels"] = pixmap.width()
    grabbed = link.grab()
    grabbed.save(str(out / "link-dialog.png"))
    report["link_grab"] = [grabbed.width(), grabbed.height(), link.width(), link.height()]
    report["link_clipped"] = clipped(link) + overlapping(link)

    icon = app_icon()
    report["icon_pixels"] = icon.pixmap(64, 64).width()
    report["icon_sizes"] = [size.width() for size in icon.availableSizes()]

    with tempfile.TemporaryDirectory() as folder:
        choices = DeviceChoices(Path(folder))

        async def devices() -> None:
            tasks = Tasks(print)
            dialog = DevicesDialog(choices, tasks)
            dialog.show()
            page = dialog.page
            await until(page.video.showing_picture, "the preview")
            await asyncio.sleep(0.2)
            report["video_box"] = list(page.video.box())
            report["video_size"] = [page.video.width(), page.video.height()]
            shot = dialog.grab()
            shot.save(str(out / "devices.png"))
            report["devices_grab"] = [shot.width(), shot.height(), dialog.width(), dialog.height()]
            report["devices_clipped"] = clipped(dialog) + overlapping(dialog)
            dialog.accept()
            await tasks.drain()

        run_on_qasync(qapp, devices)
    print(json.dumps(report))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
