"""The call's chat with the patient: the lines said so far, with who said them and when, and a
field to write in (Enter sends, Shift+Enter starts a new line). Lines are plain text, never rich
text: what the patient types is shown as typed.

A line from the patient while the practitioner is not in the chat (the window in the
background, another tab, the focus in the notes) lights the new-message cue, and the taskbar
asks for attention; the cue goes when the chat gets the focus. A line that cannot leave (no call,
the hub connection lost, over the length limit) says why and stays in the field.

Without a sender the pane only shows a chat: History's detail, for practitioners.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import partial
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.chat import MAX_CHAT_LENGTH, ChatMessage, ChatSender
from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.services.call_chat import ChatNotSent
from tooddoc_desk.storage.errors import StoreError
from tooddoc_desk.ui.consultation_model import local_time
from tooddoc_desk.ui.i18n import FollowsLanguage, current_language, fill, sentence
from tooddoc_desk.ui.tasks import Tasks
from tooddoc_desk.ui.theme import set_tone

Load = Callable[[str], list[ChatMessage]]
Send = Callable[[str, str], Coroutine[Any, Any, object]]
Status = Callable[[], str]


def _nothing() -> str:
    return ""


def _as_rich_text(text: str) -> str:
    """A tooltip that shows `text` as it is: Qt would read a tooltip that looks like markup as
    markup, so it is given escaped markup."""
    return f"<p style='white-space: pre-wrap'>{escape(text)}</p>"


class ChatInput(QPlainTextEdit):
    """The field: Enter (or the keypad's) sends; Shift+Enter makes a new line."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class ChatPane(FollowsLanguage, QWidget):
    unread_changed = Signal(int)  # how many of the patient's lines wait to be seen

    def __init__(
        self,
        load: Load,
        send: Send | None = None,
        tasks: Tasks | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._send = send
        self._tasks = tasks or Tasks(lambda problem: self._show(partial(sentence, problem)))
        self.consultation_id: str | None = None
        self.lines: list[ChatMessage] = []
        self.unread = 0
        self.sending = False
        self._status: Status = _nothing
        self.title = QLabel()
        self.cue = QLabel()
        self.cue.setStyleSheet("font-weight: bold;")
        set_tone(self.cue, "info")
        self.cue.hide()
        self.transcript = QListWidget()
        self.transcript.setWordWrap(True)
        self.transcript.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.transcript.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.transcript.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.transcript.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.transcript.setSpacing(2)
        self.input = ChatInput()
        self.input.setTabChangesFocus(True)
        self.input.setFixedHeight(self.input.fontMetrics().lineSpacing() * 3 + 12)
        self.send_button = QPushButton()
        self.status = QLabel("")
        self.status.setWordWrap(True)

        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.cue)
        composer = QHBoxLayout()
        composer.addWidget(self.input, 1)
        composer.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.transcript, 1)
        layout.addLayout(composer)
        layout.addWidget(self.status)
        for part in (self.input, self.send_button):
            part.setVisible(send is not None)

        self.input.submitted.connect(self.submit)
        self.input.textChanged.connect(self._typed)
        self.send_button.clicked.connect(self.submit)
        for watched in (self.input, self.transcript):
            watched.installEventFilter(self)
        self.setEnabled(False)
        self.retranslate()

    # --- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(
            self.tr("Chat with the patient") if self._send else self.tr("Chat during the call")
        )
        self.transcript.setAccessibleName(self.tr("Chat messages"))
        self.input.setAccessibleName(self.tr("Message to the patient"))
        self.input.setPlaceholderText(self.tr("Message to the patient (Enter sends)"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setAccessibleName(self.tr("Send the message"))
        self.status.setAccessibleName(self.tr("Chat status"))
        self._show_cue()
        self._show(self._status)
        self._fill()

    # --- which chat --------------------------------------------------------------------------

    def open(self, consultation_id: str) -> None:
        """Shows a consultation's chat (what was said so far), ready to write in."""
        self.consultation_id = consultation_id
        self.input.clear()
        self._mark_read()
        self._show(_nothing)
        self.setEnabled(True)
        self.refresh(announce=False)

    def close_chat(self) -> None:
        self.consultation_id = None
        self.lines = []
        self.transcript.clear()
        self.input.clear()
        self._mark_read()
        self._show(_nothing)
        self.setEnabled(False)

    def refresh(self, *, announce: bool = True) -> None:
        """Reads the chat again (a line was added); the patient's new lines light the cue when
        the practitioner is elsewhere. Someone who may not read it sees nothing of it."""
        if self.consultation_id is None:
            return
        try:
            lines = self._load(self.consultation_id)
        except NotAllowed:
            self.lines = []
            self._fill()
            return
        except StoreError as error:
            self._show(partial(sentence, error.message))
            return
        new = [line for line in lines[len(self.lines) :] if line.sender is ChatSender.PATIENT]
        self.lines = lines
        self._fill()
        if announce and new and not self._looking():
            self.unread += len(new)
            self._show_cue()
            self.unread_changed.emit(self.unread)
            QApplication.alert(self.window())

    # --- sending -----------------------------------------------------------------------------

    def submit(self) -> None:
        """Sends what is in the field (Enter, or the Send button)."""
        text = self.input.toPlainText()
        if self._send is None or self.consultation_id is None or self.sending:
            return
        if not text.strip() or self._too_long(text):
            return
        self.sending = True
        self.input.setReadOnly(True)
        self.send_button.setEnabled(False)
        self._tasks.run(self._deliver(self._send, self.consultation_id, text))

    async def _deliver(self, send: Send, consultation_id: str, text: str) -> None:
        try:
            await send(consultation_id, text)
        except (ChatNotSent, NotAllowed) as error:
            self._show(partial(self._not_sent, error.message))
            return
        finally:
            self.sending = False
            self.input.setReadOnly(False)
            self.send_button.setEnabled(True)
        if self.consultation_id == consultation_id:
            self.input.clear()
            self._show(_nothing)
            self._mark_read()
            self.refresh(announce=False)

    def _typed(self) -> None:
        text = self.input.toPlainText()
        over = self._too_long(text)
        self.send_button.setEnabled(not over and not self.sending)
        if over:
            self._show(partial(self._over_limit, len(text.strip())))
        elif self._status != _nothing:
            self._show(_nothing)

    @staticmethod
    def _too_long(text: str) -> bool:
        return len(text.strip()) > MAX_CHAT_LENGTH

    # --- the cue -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self._mark_read()
        return False

    def _looking(self) -> bool:
        focus = QApplication.focusWidget()
        return (
            self.isVisible()
            and self.window().isActiveWindow()
            and focus is not None
            and (focus is self or self.isAncestorOf(focus))
        )

    def _mark_read(self) -> None:
        if self.unread:
            self.unread = 0
            self.unread_changed.emit(0)
        self._show_cue()

    def _show_cue(self) -> None:
        self.cue.setVisible(self.unread > 0)
        if self.unread == 1:
            self.cue.setText(self.tr("● 1 new message"))
        else:
            self.cue.setText(fill(self.tr("● %1 new messages"), self.unread) if self.unread else "")
        self.cue.setAccessibleName(self.cue.text())

    # --- showing -----------------------------------------------------------------------------

    def _fill(self) -> None:
        self.transcript.clear()
        shade = self.palette().color(QPalette.ColorRole.AlternateBase)
        for line in self.lines:
            item = QListWidgetItem(f"{self._who(line)} · {local_time(line.at)}\n{line.text}")
            item.setToolTip(_as_rich_text(f"{local_time(line.at, with_date=True)}\n{line.text}"))
            if line.sender is ChatSender.PATIENT:
                item.setBackground(shade)
            self.transcript.addItem(item)
        self.transcript.scrollToBottom()

    def _who(self, line: ChatMessage) -> str:
        if line.sender is ChatSender.PATIENT:
            return self.tr("Patient")
        return self.tr("You") if self._send else self.tr("Practitioner")

    def _show(self, status: Status) -> None:
        self._status = status
        self.status.setText(status())

    def _over_limit(self, length: int) -> str:
        locale = QLocale(current_language().value)
        return fill(
            self.tr("A message is at most %1 characters; this one has %2."),
            locale.toString(MAX_CHAT_LENGTH),
            locale.toString(length),
        )

    def _not_sent(self, problem: str) -> str:
        return fill(self.tr("Not sent: %1 Your text stays here."), sentence(problem))
