"""The dev outbox, shown in the app when no SMS or e-mail provider is configured."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.messaging.message import Channel, OutgoingMessage


class OutboxPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = QListWidget()
        self.messages.setWordWrap(True)
        self.messages.setAccessibleName("Messages not sent (dev outbox)")
        copy = QPushButton("Copy message")
        copy.clicked.connect(self._copy_selected)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._describe((Channel.SMS, Channel.EMAIL))
        layout.addWidget(self.note)
        layout.addWidget(self.messages, 1)
        layout.addWidget(copy)

    def show_channels(self, channels: tuple[Channel, ...]) -> None:
        """Says which channels have nothing set up (their invites land here); hidden when
        every channel sends for real."""
        if not channels:
            self.hide()
            return
        if self.isHidden() and self.parentWidget() is not None:
            self.show()
        self._describe(channels)

    def _describe(self, channels: tuple[Channel, ...]) -> None:
        if set(channels) == {Channel.SMS, Channel.EMAIL}:
            what = "no SMS provider and no mail server are set up, so invites are"
        elif Channel.SMS in channels:
            what = "no SMS provider is set up, so invites by SMS are"
        else:
            what = "no mail server is set up, so invites by e-mail are"
        self.note.setText(f"<b>Dev outbox</b>: {what} shown here instead of being sent.")

    def add(self, message: OutgoingMessage) -> None:
        head = f"{message.channel.upper()} to {message.to.display}"
        if message.subject:
            head += f" — {message.subject}"
        item = QListWidgetItem(f"{head}\n{message.body}")
        item.setData(Qt.ItemDataRole.UserRole, message)
        self.messages.insertItem(0, item)
        self.messages.setCurrentRow(0)

    def _copy_selected(self) -> None:
        item = self.messages.currentItem()
        if item is not None:
            message: OutgoingMessage = item.data(Qt.ItemDataRole.UserRole)
            QGuiApplication.clipboard().setText(message.body)
