"""The table of consultations shown under "Today" and "History"."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tooddoc_desk.core.consultation import Consultation, State

STATE_LABELS: dict[State, str] = {
    State.DRAFT: "Preparing",
    State.INVITED: "Link sent",
    State.OPENED: "Link opened",
    State.WAITING: "Waiting",
    State.IN_CALL: "In call",
    State.ENDED: "Ended",
    State.EXPIRED: "Expired",
    State.CANCELLED: "Cancelled",
    State.FAILED: "Failed",
    State.INTERRUPTED: "Interrupted",
}

Index = QModelIndex | QPersistentModelIndex


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
    HEADERS: ClassVar[list[str]] = ["Asked at", "Patient", "State", "Duration"]
    ConsultationRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, with_date: bool = False) -> None:
        super().__init__()
        self._rows: list[Consultation] = []
        self._with_date = with_date

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        consultation = self._rows[index.row()]
        if role == self.ConsultationRole:
            return consultation
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cells(consultation)[index.column()]

    def _cells(self, consultation: Consultation) -> tuple[str, str, str, str]:
        return (
            local_time(consultation.requested_at, self._with_date),
            consultation.contact.display,
            STATE_LABELS[consultation.state],
            duration_text(consultation),
        )

    def consultation_at(self, row: int) -> Consultation:
        return self._rows[row]

    def reset(self, consultations: list[Consultation]) -> None:
        self.beginResetModel()
        self._rows = list(consultations)
        self.endResetModel()

    def upsert(self, consultation: Consultation) -> None:
        """Shows the latest state of a consultation, adding it at the top if it is new."""
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
