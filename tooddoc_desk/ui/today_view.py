"""The "Today" tab: the day's consultations with how each invite is doing, the waiting-room
banner, and what can be done with the selected one: Resend, Withdraw, Admit.

- Admit: the patient is in the waiting room.
- Withdraw: before a call (or a booked one before its link leaves): the invite is stopped if it
  has not left, and the link stops working.
- Resend: the invite failed, is unknown, or the patient does not have it although it was sent;
  or the consultation ended without a call (the invite failed, the booking was missed): then a
  new consultation is started for the same patient.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.ui.consultation_model import ConsultationModel, local_time
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.link_code import LinkDialog, copy_link
from tooddoc_desk.ui.theme import set_tone

BEFORE_CALL = (State.DRAFT, State.INVITED, State.OPENED, State.WAITING)
RESENDABLE = (
    DeliveryState.FAILED,
    DeliveryState.UNKNOWN,
    DeliveryState.SENT,
    DeliveryState.DELIVERED,
)


def consultation_table(model: ConsultationModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move in it
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def can_resend(consultation: Consultation, invite: Invite | None) -> bool:
    if consultation.state in (State.FAILED, State.EXPIRED):
        return True  # started again as a new consultation
    return consultation.state in BEFORE_CALL and invite is not None and invite.state in RESENDABLE


def waiting_since(consultation: Consultation) -> datetime | None:
    """When the patient last entered the waiting room."""
    moments = [t.at for t in consultation.history if t.state is State.WAITING]
    return moments[-1] if moments else None


def link_usable(consultation: Consultation) -> bool:
    """Whether the link still lets the patient in (its room is open, no call has begun)."""
    return consultation.link is not None and consultation.state in (
        State.DRAFT,
        State.INVITED,
        State.OPENED,
        State.WAITING,
    )


def can_withdraw(consultation: Consultation) -> bool:
    return consultation.state in BEFORE_CALL


class TodayView(FollowsLanguage, QWidget):
    admit_requested = Signal(str)  # consultation id
    withdraw_requested = Signal(str)
    resend_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ConsultationModel(with_delivery=True)
        self.table = consultation_table(self.model)
        self.waiting_banner = QLabel("")
        self.waiting_banner.setStyleSheet("padding: 8px; font-weight: bold;")
        set_tone(self.waiting_banner, "notice")
        self.waiting_banner.hide()
        self.resend_button = QPushButton()
        self.withdraw_button = QPushButton()
        self.admit_button = QPushButton()
        self.copy_button = QPushButton()
        self.code_button = QPushButton()
        self.link_dialog: LinkDialog | None = None
        for button in self._buttons():
            button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting_banner)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.code_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resend_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.admit_button)
        layout.addLayout(buttons)

        self.table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.table.doubleClicked.connect(self._on_double_click)
        self.admit_button.clicked.connect(lambda: self._act(self.admit_requested))
        self.withdraw_button.clicked.connect(lambda: self._act(self.withdraw_requested))
        self.resend_button.clicked.connect(lambda: self._act(self.resend_requested))
        self.copy_button.clicked.connect(self._copy_link)
        self.code_button.clicked.connect(self._show_code)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Today's consultations"))
        self.resend_button.setText(self.tr("Resend"))
        self.resend_button.setToolTip(self.tr("Send the link again (ask the patient first)"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Stop the invite and make the link stop working"))
        self.admit_button.setText(self.tr("Admit"))
        self.admit_button.setToolTip(self.tr("Let the selected patient in from the waiting room"))
        self.copy_button.setText(self.tr("Copy link"))
        self.copy_button.setToolTip(self.tr("Copy the consultation's link, to paste elsewhere"))
        self.code_button.setText(self.tr("QR code"))
        self.code_button.setToolTip(self.tr("Show the link as a QR code to scan with a phone"))
        self.model.retranslate()
        self.refresh()

    def selected(self) -> Consultation | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.consultation_at(rows[0].row()) if rows else None

    def show_consultation(self, consultation: Consultation) -> None:
        self.model.upsert(consultation)
        self.refresh()

    def show_invite(self, invite: Invite) -> None:
        self.model.set_invite(invite)
        self.refresh()

    def refresh(self) -> None:
        self.update_buttons()
        waiting = [
            self.model.consultation_at(row)
            for row in range(self.model.rowCount())
            if self.model.consultation_at(row).state is State.WAITING
        ]
        if waiting:
            who = ", ".join(
                fill(self.tr("%1 since %2"), c.contact.display, local_time(waiting_since(c)))
                for c in waiting
            )
            self.waiting_banner.setText(
                fill(self.tr("Waiting room: %1 — select and click Admit"), who)
            )
            self.waiting_banner.show()
        else:
            self.waiting_banner.hide()

    def update_buttons(self) -> None:
        consultation = self.selected()
        if consultation is None:
            for button in self._buttons():
                button.setEnabled(False)
            return
        invite = self.model.invite_of(consultation.id)
        for button in (self.copy_button, self.code_button):
            button.setEnabled(link_usable(consultation))
        self.admit_button.setEnabled(consultation.state is State.WAITING)
        self.withdraw_button.setEnabled(can_withdraw(consultation))
        self.resend_button.setEnabled(can_resend(consultation, invite))

    def _on_double_click(self, index: QModelIndex) -> None:
        consultation = self.model.consultation_at(index.row())
        if consultation.state is State.WAITING:
            self.admit_requested.emit(consultation.id)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.resend_button,
            self.withdraw_button,
            self.admit_button,
            self.copy_button,
            self.code_button,
        )

    def _copy_link(self) -> None:
        consultation = self.selected()
        if consultation is not None and consultation.link is not None:
            copy_link(consultation.link)

    def _show_code(self) -> None:
        consultation = self.selected()
        if consultation is None or consultation.link is None:
            return
        if self.link_dialog is not None:
            self.link_dialog.close()
        self.link_dialog = LinkDialog(consultation.link, consultation.contact.display, self)
        self.link_dialog.open()  # not modal to the app: the waiting room goes on

    def _act(self, signal: SignalInstance) -> None:
        consultation = self.selected()
        if consultation is not None:
            signal.emit(consultation.id)
