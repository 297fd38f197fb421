"""The table of consultations shown under "Today" (with how each invite is doing) and "History"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.core.payment import PaymentState, format_amount
from tooddoc_desk.ui.i18n import current_language, fill, sentence
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP

CONTEXT = "ConsultationModel"

STATE_LABELS: dict[State, str] = {
    State.DRAFT: QT_TRANSLATE_NOOP("ConsultationModel", "Preparing"),
    State.INVITED: QT_TRANSLATE_NOOP("ConsultationModel", "Link sent"),
    State.OPENED: QT_TRANSLATE_NOOP("ConsultationModel", "Link opened"),
    State.WAITING: QT_TRANSLATE_NOOP("ConsultationModel", "Waiting"),
    State.IN_CALL: QT_TRANSLATE_NOOP("ConsultationModel", "In call"),
    State.ENDED: QT_TRANSLATE_NOOP("ConsultationModel", "Ended"),
    State.EXPIRED: QT_TRANSLATE_NOOP("ConsultationModel", "Expired"),
    State.CANCELLED: QT_TRANSLATE_NOOP("ConsultationModel", "Cancelled"),
    State.FAILED: QT_TRANSLATE_NOOP("ConsultationModel", "Failed"),
    State.INTERRUPTED: QT_TRANSLATE_NOOP("ConsultationModel", "Interrupted"),
}

DELIVERY_LABELS: dict[DeliveryState, str] = {
    DeliveryState.SCHEDULED: QT_TRANSLATE_NOOP("ConsultationModel", "Scheduled"),
    DeliveryState.PENDING: QT_TRANSLATE_NOOP("ConsultationModel", "Sending"),
    DeliveryState.SENDING: QT_TRANSLATE_NOOP("ConsultationModel", "Sending"),
    DeliveryState.SENT: QT_TRANSLATE_NOOP("ConsultationModel", "Sent"),
    DeliveryState.DELIVERED: QT_TRANSLATE_NOOP("ConsultationModel", "Delivered"),
    DeliveryState.FAILED: QT_TRANSLATE_NOOP("ConsultationModel", "Failed"),
    DeliveryState.UNKNOWN: QT_TRANSLATE_NOOP("ConsultationModel", "Unknown: ask the patient"),
    DeliveryState.CANCELLED: QT_TRANSLATE_NOOP("ConsultationModel", "Withdrawn"),
}

ASKED_AT = QT_TRANSLATE_NOOP("ConsultationModel", "Asked at")
PATIENT = QT_TRANSLATE_NOOP("ConsultationModel", "Patient")
STATE = QT_TRANSLATE_NOOP("ConsultationModel", "State")
DELIVERY = QT_TRANSLATE_NOOP("ConsultationModel", "Delivery")
DURATION = QT_TRANSLATE_NOOP("ConsultationModel", "Duration")
PAYMENT = QT_TRANSLATE_NOOP("ConsultationModel", "Payment")
PAYMENT_LABELS: dict[PaymentState, str] = {
    PaymentState.AWAITING: QT_TRANSLATE_NOOP("ConsultationModel", "Awaiting payment (%1)"),
    PaymentState.PAID: QT_TRANSLATE_NOOP("ConsultationModel", "Paid (%1)"),
    PaymentState.REFUNDED: QT_TRANSLATE_NOOP("ConsultationModel", "Refunded (%1)"),
}
METHOD_LABELS: dict[str, str] = {
    "card": QT_TRANSLATE_NOOP("ConsultationModel", "card"),
    "bancontact": QT_TRANSLATE_NOOP("ConsultationModel", "Bancontact"),
}
BOOKING_MISSED = "booking_missed"  # services.consultations.BOOKING_MISSED (no import upwards)

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_text(consultation: Consultation) -> str:
    if consultation.awaiting_schedule and consultation.scheduled_for is not None:
        when = local_time(consultation.scheduled_for, _not_today(consultation))
        return fill(_t(QT_TRANSLATE_NOOP("ConsultationModel", "Booked for %1")), when)
    if consultation.state is State.EXPIRED and consultation.end_reason == BOOKING_MISSED:
        return _t(QT_TRANSLATE_NOOP("ConsultationModel", "Missed: link not sent"))
    return _t(STATE_LABELS[consultation.state])


def delivery_text(consultation: Consultation, invite: Invite | None) -> str:
    if invite is None:
        return (
            _t(DELIVERY_LABELS[DeliveryState.SCHEDULED]) if consultation.awaiting_schedule else ""
        )
    if invite.state is DeliveryState.PENDING and invite.attempts > 0:
        return _t(QT_TRANSLATE_NOOP("ConsultationModel", "Sending (trying again)"))
    return _t(DELIVERY_LABELS[invite.state])


def payment_text(consultation: Consultation, language: str = "en") -> str:
    """ "Paid (€25.00, Bancontact)", "Awaiting payment (€25.00)"; empty when none was asked."""
    payment = consultation.payment
    if payment is None:
        return ""
    amount = format_amount(payment.amount_cents, language)
    if payment.state is PaymentState.PAID and payment.method in METHOD_LABELS:
        amount = f"{amount}, {_t(METHOD_LABELS[payment.method])}"
    return fill(_t(PAYMENT_LABELS[payment.state]), amount)


def _not_today(consultation: Consultation) -> bool:
    at = consultation.scheduled_for
    return at is not None and at.astimezone().date() != datetime.now().astimezone().date()


def local_time(moment: datetime | None, with_date: bool = False) -> str:
    if moment is None:
        return ""
    return moment.astimezone().strftime("%d/%m/%Y %H:%M" if with_date else "%H:%M")


def duration_text(consultation: Consultation) -> str:
    duration = consultation.duration
    if duration is None:
        return ""
    minutes, seconds = divmod(int(duration.total_seconds()), 60)
    return f"{minutes}:{seconds:02d}"


class ConsultationModel(QAbstractTableModel):
    ConsultationRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, with_date: bool = False, with_delivery: bool = False) -> None:
        super().__init__()
        self._rows: list[Consultation] = []
        self._invites: dict[str, Invite] = {}
        self._with_date = with_date
        self._with_delivery = with_delivery
        self._shown: dict[str, list[str]] = {}  # each row's cells, said once (by id)
        # the columns, by their English names (headerData says them in the window's language)
        self.HEADERS = [ASKED_AT, PATIENT, STATE]
        if with_delivery:
            self.HEADERS.append(DELIVERY)
        self.HEADERS.append(DURATION)
        self.HEADERS.append(PAYMENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _t(self.HEADERS[section])
        return None

    def retranslate(self) -> None:
        """The window's language changed: the headers and every cell are said again."""
        self._shown.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1)
            )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        consultation = self._rows[index.row()]
        if role == self.ConsultationRole:
            return consultation
        if role == Qt.ItemDataRole.ToolTipRole and self.HEADERS[index.column()] == DELIVERY:
            invite = self._invites.get(consultation.id)
            return sentence(invite.problem) if invite is not None and invite.problem else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        cells = self._shown.get(consultation.id)
        if cells is None:
            cells = self._shown[consultation.id] = self._cells(consultation)
        return cells[index.column()]

    def _cells(self, consultation: Consultation) -> list[str]:
        cells = [
            local_time(consultation.requested_at, self._with_date),
            consultation.contact.display,
            state_text(consultation),
        ]
        if self._with_delivery:
            cells.append(delivery_text(consultation, self._invites.get(consultation.id)))
        cells.append(duration_text(consultation))
        cells.append(payment_text(consultation, current_language().value))
        return cells

    def consultation_at(self, row: int) -> Consultation:
        return self._rows[row]

    def invite_of(self, consultation_id: str) -> Invite | None:
        return self._invites.get(consultation_id)

    def reset(
        self, consultations: list[Consultation], invites: dict[str, Invite] | None = None
    ) -> None:
        self.beginResetModel()
        self._shown.clear()
        self._rows = list(consultations)
        self._invites = dict(invites or {})
        self.endResetModel()

    def set_invite(self, invite: Invite) -> None:
        """Shows how a consultation's latest invite is doing (an older one's news is kept out)."""
        shown = self._invites.get(invite.consultation_id)
        if shown is not None and shown.id != invite.id and shown.created_at > invite.created_at:
            return
        self._invites[invite.consultation_id] = invite
        self._shown.pop(invite.consultation_id, None)
        row = self.row_of(invite.consultation_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def upsert(self, consultation: Consultation) -> None:
        """Shows the latest state of a consultation, adding it at the top if it is new."""
        self._shown.pop(consultation.id, None)
        for row, existing in enumerate(self._rows):
            if existing.id == consultation.id:
                self._rows[row] = consultation
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, consultation)
        self.endInsertRows()

    def row_of(self, consultation_id: str) -> int | None:
        for row, existing in enumerate(self._rows):
            if existing.id == consultation_id:
                return row
        return None
