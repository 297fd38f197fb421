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
from tooddoc_desk.ui.i18n import FollowsLanguage, fill


class OutboxPanel(FollowsLanguage, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = QListWidget()
        self.messages.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._copy_selected)
        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self._channels: tuple[Channel, ...] = (Channel.SMS, Channel.EMAIL)
        layout.addWidget(self.note)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.copy_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.messages.setAccessibleName(self.tr("Messages not sent (dev outbox)"))
        self.copy_button.setText(self.tr("Copy message"))
        self._describe(self._channels)
        for row in range(self.messages.count()):
            item = self.messages.item(row)
            item.setText(self._text_of(item.data(Qt.ItemDataRole.UserRole)))

    def show_channels(self, channels: tuple[Channel, ...]) -> None:
        """Says which channels have nothing set up (their invites land here); hidden when
        every channel sends for real."""
        if not channels:
            self.hide()
            return
        if self.isHidden() and self.parentWidget() is not None:
            self.show()
        self._channels = channels
        self._describe(channels)

    def _describe(self, channels: tuple[Channel, ...]) -> None:
        if set(channels) == {Channel.SMS, Channel.EMAIL}:
            text = self.tr(
                "<b>Dev outbox</b>: no SMS provider and no mail server are set up, so invites "
                "are shown here instead of being sent."
            )
        elif Channel.SMS in channels:
            text = self.tr(
                "<b>Dev outbox</b>: no SMS provider is set up, so invites by SMS are shown "
                "here instead of being sent."
            )
        else:
            text = self.tr(
                "<b>Dev outbox</b>: no mail server is set up, so invites by e-mail are shown "
                "here instead of being sent."
            )
        self.note.setText(text)

    def _text_of(self, message: OutgoingMessage) -> str:
        """The message as it would leave (in the patient's language), under a heading in the
        window's."""
        to = message.to.display
        if message.channel == Channel.SMS:
            head = fill(self.tr("SMS to %1"), to)
        else:
            head = fill(self.tr("E-mail to %1"), to)
        if message.subject:
            head += f" — {message.subject}"
        return f"{head}\n{message.body}"

    def add(self, message: OutgoingMessage) -> None:
        item = QListWidgetItem(self._text_of(message))
        item.setData(Qt.ItemDataRole.UserRole, message)
        self.messages.insertItem(0, item)
        self.messages.setCurrentRow(0)

    def _copy_selected(self) -> None:
        item = self.messages.currentItem()
        if item is not None:
            message: OutgoingMessage = item.data(Qt.ItemDataRole.UserRole)
            QGuiApplication.clipboard().setText(message.body)
