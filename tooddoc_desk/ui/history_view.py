"""History: every consultation, found by period, state, practitioner and contact, a page at a
time, with the selected one's timeline and, for practitioners, its call's chat and its notes.

Searches run off the event loop (a practice's history grows to hundreds of thousands of
consultations); a newer search makes an older one's answer moot. Typing in the contact field
searches after a short pause.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.users import Permission, User
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.storage.history_query import HistoryQuery
from tooddoc_desk.ui.chat_pane import ChatPane
from tooddoc_desk.ui.consultation_model import STATE_LABELS, ConsultationModel, local_time
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.notes_pane import NotesPane
from tooddoc_desk.ui.tasks import Tasks
from tooddoc_desk.ui.today_view import consultation_table

PAGE = 100
TYPING_PAUSE_MS = 300
PERIODS = ("all", "today", "7", "30", "365")  # days back; "all": no bound


class HistoryView(FollowsLanguage, QWidget):
    def __init__(self, service: ConsultationService, clock: Clock, tasks: Tasks) -> None:
        super().__init__()
        self._service = service
        self._clock = clock
        self._tasks = tasks
        self._offset = 0
        self._total = 0
        self._generation = 0  # the latest search; older answers are dropped
        self._user: User | None = None

        self.contact_field = QLineEdit()
        self.contact_field.setClearButtonEnabled(True)
        self.period_box = QComboBox()
        self.state_box = QComboBox()
        self.practitioner_box = QComboBox()
        self.model = ConsultationModel(with_date=True)
        self.table = consultation_table(self.model)
        self.previous_button = QPushButton("◀")
        self.next_button = QPushButton("▶")
        self.page_label = QLabel("")
        self.timeline = QLabel("")
        self.timeline.setWordWrap(True)
        self.notes = NotesPane(service.notes, service.save_notes)
        self.chat = ChatPane(service.chat.lines)  # read only
        self.chat.hide()
        self.footer = QHBoxLayout()  # the window adds its actions (export) here
        self._build_layout()
        self._connect()
        self.retranslate()
        self._show_page()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.contact_field, 2)
        filters.addWidget(self.period_box)
        filters.addWidget(self.state_box)
        filters.addWidget(self.practitioner_box)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.timeline)
        detail_layout.addWidget(self.chat, 1)
        detail_layout.addWidget(self.notes, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.footer.addWidget(self.previous_button)
        self.footer.addWidget(self.page_label)
        self.footer.addWidget(self.next_button)
        self.footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(self.footer)

    def _connect(self) -> None:
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.search)
        self.contact_field.textEdited.connect(lambda _text: self._typing.start())
        for box in (self.period_box, self.state_box, self.practitioner_box):
            box.activated.connect(self.search)
        self.previous_button.clicked.connect(lambda: self._turn(-PAGE))
        self.next_button.clicked.connect(lambda: self._turn(PAGE))
        self.table.selectionModel().selectionChanged.connect(self._show_selected)

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.contact_field.setPlaceholderText(self.tr("Search a number or an e-mail address"))
        self.contact_field.setAccessibleName(self.tr("Search by contact"))
        self.period_box.setAccessibleName(self.tr("Period"))
        self.state_box.setAccessibleName(self.tr("State"))
        self.practitioner_box.setAccessibleName(self.tr("Practitioner"))
        self.previous_button.setAccessibleName(self.tr("Previous page"))
        self.next_button.setAccessibleName(self.tr("Next page"))
        self.table.setAccessibleName(self.tr("Consultation history"))
        periods = (
            self.tr("All time"),
            self.tr("Today"),
            self.tr("Last 7 days"),
            self.tr("Last 30 days"),
            self.tr("Last 12 months"),
        )
        _fill_box(self.period_box, list(zip(periods, PERIODS, strict=True)))
        states: list[tuple[str, str | None]] = [(self.tr("Any state"), None)]
        states += [(_state_label(state), state.value) for state in State]
        _fill_box(self.state_box, states)
        if self.practitioner_box.count():
            self.practitioner_box.setItemText(0, self.tr("Any practitioner"))
        self.model.retranslate()
        self._show_page()
        self._show_selected()

    # --- who looks -------------------------------------------------------------------------

    def follow_user(self, user: User | None) -> None:
        """Who is signed in (None: nobody): their practitioners to filter by, their right to
        notes; the first page of everything for them, or nothing at all."""
        self._user = user
        self._typing.stop()
        self.notes.close_notes()
        self.notes.setVisible(user is not None and user.may(Permission.NOTES))
        self._show_chat(None)
        if user is None:
            self._generation += 1
            self.model.reset([])
            self._total = self._offset = 0
            self._show_page()
            return
        items: list[tuple[str, str | None]] = [(self.tr("Any practitioner"), None)]
        if user.may(Permission.SEND_INVITES):
            items += [(p.name, p.id) for p in self._service.practitioners()]
        _fill_box(self.practitioner_box, items)
        self.practitioner_box.setVisible(len(items) > 2)
        self.search()

    def consultation_changed(self, consultation: Consultation) -> None:
        """A consultation was made or moved on: the first page follows along."""
        if self._user is not None and self._offset == 0:
            self._typing.start()

    # --- searching -------------------------------------------------------------------------

    def query(self) -> HistoryQuery:
        period = self.period_box.currentData()
        since = None
        if period in ("today", "7", "30", "365"):
            days = 0 if period == "today" else int(period)
            start = datetime.combine(self._clock.now().astimezone().date(), time()).astimezone()
            since = start - timedelta(days=days)
        state = self.state_box.currentData()
        practitioner = self.practitioner_box.currentData()
        return HistoryQuery(
            since=since,
            states=frozenset({State(state)}) if isinstance(state, str) else frozenset(),
            practitioner_id=practitioner if isinstance(practitioner, str) else None,
            contact=self.contact_field.text(),
        )

    def search(self) -> None:
        """The first page of what the filters find."""
        self._offset = 0
        self._load()

    def _turn(self, step: int) -> None:
        self._offset = max(0, min(self._offset + step, max(0, self._total - 1)))
        self._load()

    def _load(self) -> None:
        if self._user is None or not _loop_running():
            return  # nobody to search for, or the app is stopping (no loop runs the search)
        self._generation += 1
        self._tasks.run(self._fetch(self._generation, self.query(), self._offset))

    async def _fetch(self, generation: int, query: HistoryQuery, offset: int) -> None:
        if not _loop_running():
            return  # the loop stopped before this search began (the app is closing)
        page, total = await asyncio.to_thread(self._service.search, query, offset, PAGE)
        if generation != self._generation:
            return  # a newer search is on its way
        self.notes.close_notes()
        self._show_chat(None)
        self._total = total
        self.model.reset(page)
        self._show_page()

    def _show_page(self) -> None:
        shown = self.model.rowCount()
        if shown == 0:
            self.page_label.setText(self.tr("No consultation found") if self._user else "")
        else:
            first, last = self._offset + 1, self._offset + shown
            self.page_label.setText(fill(self.tr("%1–%2 of %3"), first, last, self._total))
        self.previous_button.setEnabled(self._offset > 0)
        self.next_button.setEnabled(self._offset + shown < self._total)

    # --- the selected consultation ---------------------------------------------------------

    def selected(self) -> Consultation | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.consultation_at(rows[0].row()) if rows else None

    def _show_selected(self) -> None:
        consultation = self.selected()
        if consultation is None:
            self.timeline.setText("")
            self.notes.close_notes()
            self._show_chat(None)
            return
        lines = [
            f"{local_time(t.at, with_date=True)} — {_state_label(t.state)}"
            for t in consultation.history
        ]
        if consultation.call_quality is not None:
            rating = {
                "good": self.tr("good"),
                "fair": self.tr("fair"),
                "poor": self.tr("poor"),
            }.get(consultation.call_quality.rating, "")
            lines.append(fill(self.tr("Call quality: %1"), rating))
        self.timeline.setText("\n".join(lines))
        if self._user is not None and self._user.may(Permission.NOTES):
            self.notes.open(consultation.id)
            self._show_chat(consultation.id)

    def chat_changed(self, consultation_id: str) -> None:
        """A line was added to a consultation's chat: shown if it is the one selected."""
        if self.chat.consultation_id == consultation_id:
            self._show_chat(consultation_id)

    def _show_chat(self, consultation_id: str | None) -> None:
        """The selected consultation's chat, when it had one (practitioners only)."""
        if consultation_id is None:
            self.chat.close_chat()
        elif self.chat.consultation_id == consultation_id:
            self.chat.refresh(announce=False)
        else:
            self.chat.open(consultation_id)
        self.chat.setVisible(bool(self.chat.lines))


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def _state_label(state: State) -> str:
    return QCoreApplication.translate("ConsultationModel", STATE_LABELS[state])


def _fill_box(box: QComboBox, items: list[tuple[str, str | None]]) -> None:
    """Refills a filter's choices, keeping the one chosen when it is still there."""
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    box.blockSignals(False)
