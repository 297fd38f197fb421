"""The manager's export from the window: the period, the practitioner, the state and the format
(CSV for Excel, or a PDF report), then a file name; the export runs in a worker thread with a
progress bar and Cancel, while the window goes on working. A practitioner also sees "Include
clinical notes", unticked every time the dialog opens."""

from __future__ import annotations

import asyncio
import threading
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.nomenclature import BillingTable
from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.services.exports import ExportCancelled, ExportFormat, ExportRequest, Exports
from tooddoc_desk.storage.csv_export import euros
from tooddoc_desk.storage.export_rows import ExportFilter
from tooddoc_desk.ui.consultation_model import STATE_LABELS
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.tasks import Tasks


class ExportDialog(FollowsLanguage, QDialog):
    def __init__(self, exports: Exports, tasks: Tasks, today: date, parent: QWidget) -> None:
        super().__init__(parent)
        self._exports = exports
        self._tasks = tasks
        self._stop: threading.Event | None = None
        self.last_file: Path | None = None
        first = today.replace(day=1)
        self.from_date = QDateEdit(QDate(first.year, first.month, first.day))
        self.to_date = QDateEdit(QDate(today.year, today.month, today.day))
        for field in (self.from_date, self.to_date):
            field.setCalendarPopup(True)
            field.setDisplayFormat("dd/MM/yyyy")
        self.practitioner_box = QComboBox()
        self.state_box = QComboBox()
        self.format_box = QComboBox()
        self.notes_box = QCheckBox()
        self.progress = QProgressBar()
        self.progress.hide()
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.close_button = QPushButton()
        self._form = QFormLayout()
        self._build()
        self.export_button.clicked.connect(self._choose_file)
        self.close_button.clicked.connect(self._cancel_or_close)
        self.retranslate()

    def _build(self) -> None:
        self._form.addRow("", self.from_date)
        self._form.addRow("", self.to_date)
        self._form.addRow("", self.practitioner_box)
        self._form.addRow("", self.state_box)
        self._form.addRow("", self.format_box)
        self._form.addRow("", self.notes_box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export the consultation log"))
        for row, text in enumerate(
            (
                self.tr("From"),
                self.tr("To (included)"),
                self.tr("Practitioner"),
                self.tr("State"),
                self.tr("Format"),
            )
        ):
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = None if item is None else item.widget()
            if isinstance(label, QLabel):
                label.setText(text)
        self.notes_box.setText(self.tr("Include clinical notes"))
        self.notes_box.setToolTip(
            self.tr("Only for a practitioner's own records: never for billing")
        )
        self.export_button.setText(self.tr("Export…"))
        self._show_idle_button()
        self._fill_choices()

    def follow_settings(self, billing: BillingTable, practice_name: str) -> None:
        """The settings changed: the next export uses the new table and name."""
        self._exports.billing = billing
        self._exports.practice_name = practice_name

    def _show_idle_button(self) -> None:
        running = self._stop is not None
        self.close_button.setText(self.tr("Cancel") if running else self.tr("Close"))

    def _fill_choices(self) -> None:
        """The choices' texts in the window's language (the people are read when it opens)."""
        if self.practitioner_box.count():
            self.practitioner_box.setItemText(0, self.tr("Any practitioner"))
        chosen = self.state_box.currentData()
        self.state_box.clear()
        self.state_box.addItem(self.tr("Any state"), None)
        for state in State:
            label = QCoreApplication.translate("ConsultationModel", STATE_LABELS[state])
            self.state_box.addItem(label, state.value)
        self.state_box.setCurrentIndex(max(0, self.state_box.findData(chosen)))
        kind = self.format_box.currentData()
        self.format_box.clear()
        self.format_box.addItem(self.tr("CSV for Excel"), ExportFormat.CSV.value)
        self.format_box.addItem(self.tr("PDF report"), ExportFormat.PDF.value)
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(kind)))

    def _load_practitioners(self) -> None:
        chosen = self.practitioner_box.currentData()
        self.practitioner_box.clear()
        self.practitioner_box.addItem(self.tr("Any practitioner"), None)
        for user in self._exports.practitioners():
            self.practitioner_box.addItem(user.name, user.id)
        self.practitioner_box.setCurrentIndex(max(0, self.practitioner_box.findData(chosen)))

    def showEvent(self, event: QShowEvent) -> None:
        """The people and whether notes may be included are read each time it opens: the
        practice or the person at the desk may have changed."""
        self._load_practitioners()
        self.notes_box.setChecked(False)
        self.notes_box.setVisible(self._exports.may_include_notes())
        super().showEvent(event)

    # --- running ---------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        first = _day(self.from_date.date())
        last = _day(self.to_date.date())
        state = self.state_box.currentData()
        return ExportRequest(
            ExportFilter(
                since=_midnight(first),
                until=_midnight(last + timedelta(days=1)),
                practitioner_id=self.practitioner_box.currentData(),
                states=frozenset() if state is None else frozenset({State(state)}),
            ),
            ExportFormat(self.format_box.currentData()),
            include_notes=self.notes_box.isVisible() and self.notes_box.isChecked(),
        )

    def _choose_file(self) -> None:
        if self.to_date.date() < self.from_date.date():
            self.message.setText(self.tr("The last day is before the first."))
            return
        request = self.request()
        pdf = request.format is ExportFormat.PDF
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the consultation log"),
            "consultations.pdf" if pdf else "consultations.csv",
            self.tr("PDF files (*.pdf)") if pdf else self.tr("CSV files (*.csv)"),
        )
        if name:
            self.start(Path(name), request)

    def start(self, path: Path, request: ExportRequest) -> asyncio.Task[None]:
        """Runs the export to `path` in the background (the window stays usable)."""
        self._stop = threading.Event()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.export_button.setEnabled(False)
        self.message.setText(self.tr("Exporting…"))
        self._show_idle_button()
        return self._tasks.run(self._run(path, request, self._stop))

    async def _run(self, path: Path, request: ExportRequest, stop: threading.Event) -> None:
        loop = asyncio.get_running_loop()

        def progress(done: int, total: int) -> None:  # in the worker thread
            loop.call_soon_threadsafe(self._show_progress, done, total)

        try:
            totals = await self._exports.export(path, request, progress=progress, stop=stop)
        except ExportCancelled:
            self.message.setText(self.tr("Export cancelled: nothing was written."))
        except NotAllowed as error:
            self.message.setText(error.message)
        except OSError as error:
            self.message.setText(fill(self.tr("%1 could not be written: %2"), path, error.strerror))
        else:
            self.last_file = path
            text = self.tr("%1 consultations exported to %2 (fees EUR %3, %4 paid).")
            self.message.setText(
                fill(text, totals.consultations, path.name, euros(totals.fees_cents), totals.paid)
            )
        finally:
            self._stop = None
            self.progress.hide()
            self.export_button.setEnabled(True)
            self._show_idle_button()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _cancel_or_close(self) -> None:
        if self._stop is not None:
            self._stop.set()
        else:
            self.close()


def _day(chosen: QDate) -> date:
    return date(chosen.year(), chosen.month(), chosen.day())


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time()).astimezone()
