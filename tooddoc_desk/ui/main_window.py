"""The practitioner's main window: the invite panel, today's consultations, the call, history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.core.clock import Clock
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.schedule import DEFAULT_LEAD
from tooddoc_desk.core.users import Permission, User
from tooddoc_desk.services.consultations import CallOutputs, ConsultationService
from tooddoc_desk.services.events import (
    CallFinished,
    CallQualityChanged,
    CallReconnected,
    CallReconnecting,
    CallStarted,
    ChatMessageAdded,
    ConsultationChanged,
    InviteChanged,
    PatientArrived,
    Problem,
    SecondDeviceGone,
    SecondDeviceWaiting,
    ServiceEvent,
)
from tooddoc_desk.services.exports import Exports
from tooddoc_desk.ui.call_view import CallView
from tooddoc_desk.ui.chat_pane import ChatPane
from tooddoc_desk.ui.device_prompt import DevicePrompt
from tooddoc_desk.ui.export_dialog import ExportDialog
from tooddoc_desk.ui.history_view import HistoryView
from tooddoc_desk.ui.i18n import FollowsLanguage, fill, sentence
from tooddoc_desk.ui.invite_panel import InvitePanel
from tooddoc_desk.ui.marks import QT_TRANSLATE_NOOP
from tooddoc_desk.ui.notes_pane import NotesPane
from tooddoc_desk.ui.outbox_panel import OutboxPanel
from tooddoc_desk.ui.refund_prompt import RefundPrompt
from tooddoc_desk.ui.shortcuts_dialog import HELP, NEW_CONSULTATION, ShortcutsDialog
from tooddoc_desk.ui.sound_output import SoundOutput
from tooddoc_desk.ui.tasks import Tasks
from tooddoc_desk.ui.theme import set_tone
from tooddoc_desk.ui.today_view import TodayView
from tooddoc_desk.ui.waiting_alert import WaitingAlert, app_icon

PROBLEM_SECONDS = 20
# the window's own problems, said through i18n.sentence() like the services' ones
NO_SPEAKER = QT_TRANSLATE_NOOP("sentences", "No speaker was found: the patient cannot be heard.")


class MainWindow(FollowsLanguage, QMainWindow):
    def __init__(
        self,
        service: ConsultationService,
        clock: Clock,
        language: Language,
        practice_name: str,
        *,
        lead: timedelta = DEFAULT_LEAD,
    ) -> None:
        super().__init__()
        self._service = service
        self.tasks = Tasks(self.show_problem)
        self._practice_name = practice_name
        self._problem = ""  # the problem shown, as it was said (English)
        self.resize(1200, 760)

        self.invite_panel = InvitePanel(clock, language, lead=lead)
        self.outbox = OutboxPanel()
        self.problem_banner = QLabel("")
        self.problem_banner.setWordWrap(True)
        self.problem_banner.setStyleSheet("padding: 8px;")
        set_tone(self.problem_banner, "problem")
        self.problem_banner.hide()
        self._problem_timer = QTimer(self)
        self._problem_timer.setSingleShot(True)
        self._problem_timer.timeout.connect(self.problem_banner.hide)
        self.device_prompt = DevicePrompt()

        self.today = TodayView()
        self.today_model = self.today.model
        self.today_table = self.today.table
        self.waiting_banner = self.today.waiting_banner
        self.admit_button = self.today.admit_button
        self.cancel_button = self.today.withdraw_button
        self.resend_button = self.today.resend_button
        self.notes = NotesPane(service.notes, service.save_notes)
        self.chat = ChatPane(service.chat.lines, service.chat.send, self.tasks)
        self.call_view = CallView(self.notes, chat=self.chat)
        self.history = HistoryView(service, clock, self.tasks)
        self.history_model = self.history.model
        self.history_table = self.history.table
        self.export_button = QPushButton()
        self.export_dialog: ExportDialog | None = None  # once the app gives the exports
        self.tabs = QTabWidget()
        self.sound = SoundOutput()
        self.waiting_alert = WaitingAlert(self)
        self.setWindowIcon(app_icon())
        self.help_menu = self.menuBar().addMenu("")
        self.shortcuts_action = self.help_menu.addAction("")
        self.shortcuts_action.setShortcut(QKeySequence(HELP))
        self.shortcuts_dialog: ShortcutsDialog | None = None

        self._build_layout()
        self._connect()
        self.retranslate()

    def set_practice_name(self, name: str) -> None:
        self._practice_name = name
        self.retranslate()

    def show_lists(self) -> None:
        """Today as the store has it (once someone has signed in; History follows the user)."""
        today = self._service.today()
        self.today_model.reset(today, self._service.latest_invites([c.id for c in today]))

    def hide_lists(self) -> None:
        """Nothing about patients stays on a locked or signed-out screen."""
        self.today_model.reset([], {})
        self.history.follow_user(None)
        self.invite_panel.contact_field.clear()

    def follow_roles(self, user: User) -> None:
        """Shows what the user's roles allow (the services enforce it either way)."""
        self.invite_panel.setEnabled(user.may(Permission.SEND_INVITES))
        self.history.follow_user(user)
        if user.may(Permission.SEND_INVITES):
            own = user.id if user.is_practitioner else None
            self.invite_panel.set_practitioners(self._service.practitioners(), own)
        self.admit_button.setVisible(user.may(Permission.RUN_CALLS))
        self.tabs.setTabVisible(self.tabs.indexOf(self.call_view), user.may(Permission.RUN_CALLS))
        self.chat.refresh(announce=False)  # what this user may read of the call's chat
        self.export_button.setVisible(
            self.export_dialog is not None and user.may(Permission.EXPORT)
        )

    # --- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Says every text of the window again, in the language now installed (the panels
        retranslate themselves)."""
        self.setWindowTitle(fill(self.tr("tooddoc-desk — %1"), self._practice_name))
        self.tabs.setTabText(self.tabs.indexOf(self.today), self.tr("Today"))
        self._show_call_tab()
        self.tabs.setTabText(self.tabs.indexOf(self.history), self.tr("History"))
        self.tabs.setAccessibleName(self.tr("Consultations"))
        self.history_table.setAccessibleName(self.tr("Consultation history"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Write the consultation log for billing and audits, as CSV or PDF")
        )
        self.problem_banner.setAccessibleName(self.tr("Problem"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.history_model.retranslate()
        if self._problem:
            self.problem_banner.setText(sentence(self._problem))

    # --- layout ----------------------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.invite_panel)
        left_layout.addWidget(self.outbox, 1)

        self.history.footer.addWidget(self.export_button)

        self.tabs.addTab(self.today, "")
        self.tabs.addTab(self.call_view, "")
        self.tabs.addTab(self.history, "")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 820])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.problem_banner)
        layout.addWidget(self.device_prompt)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def _show_call_tab(self) -> None:
        """The Call tab, with how many of the patient's chat lines wait to be read."""
        index = self.tabs.indexOf(self.call_view)
        unread = self.chat.unread
        text = fill(self.tr("Call (%1 new)"), unread) if unread else self.tr("Call")
        self.tabs.setTabText(index, text)

    def _connect(self) -> None:
        self._service.subscribe(self._on_service_event)
        self.invite_panel.send_requested.connect(self._send)
        self.today.admit_requested.connect(self.admit)
        self.today.withdraw_requested.connect(self._withdraw)
        self.today.resend_requested.connect(self._resend)
        self.call_view.hang_up_requested.connect(self._hang_up)
        self.call_view.microphone_requested.connect(
            lambda cid, on: self.tasks.run(self._service.set_microphone(cid, on))
        )
        self.call_view.camera_requested.connect(
            lambda cid, on: self.tasks.run(self._service.set_camera(cid, on))
        )
        self.device_prompt.decided.connect(self._decide_device)
        self.call_view.remote.resized.connect(self._attach_call_views)
        self.chat.unread_changed.connect(lambda _count: self._show_call_tab())
        self.export_button.clicked.connect(self._export)
        QShortcut(QKeySequence(NEW_CONSULTATION), self, self._focus_invite)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)

    # --- actions ---------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        if self.shortcuts_dialog is None:
            self.shortcuts_dialog = ShortcutsDialog(self)
        self.shortcuts_dialog.show()
        self.shortcuts_dialog.raise_()

    def _focus_invite(self) -> None:
        self.invite_panel.contact_field.setFocus()
        self.invite_panel.contact_field.selectAll()

    def show_incoming(self, contact: str) -> None:
        """The office phone system passed a caller (`tooddoc-desk --incoming`): the window
        comes forward with the caller filled in."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.invite_panel.prefill(contact)

    def _send(
        self,
        contact: Contact,
        language: Language,
        requested_at: datetime,
        at: datetime | None = None,
    ) -> None:
        if at is not None:
            try:
                self._service.book(
                    contact,
                    language,
                    requested_at,
                    at,
                    practitioner_id=self.invite_panel.practitioner_id(),
                    amount_cents=self.invite_panel.amount_cents(),
                )
            except ValueError as error:
                self.show_problem(str(error))
                return
            self.invite_panel.reset()
            return
        self.invite_panel.send_button.setEnabled(False)
        practitioner_id = self.invite_panel.practitioner_id()
        amount_cents = self.invite_panel.amount_cents()

        async def send() -> None:
            try:
                consultation = await self._service.invite(
                    contact,
                    language,
                    requested_at,
                    practitioner_id=practitioner_id,
                    amount_cents=amount_cents,
                )
            except ValueError as error:  # whom it is for, or no Stripe key for a pre-payment
                self.show_problem(str(error))
                self.invite_panel.send_button.setEnabled(True)
                return
            if consultation.state is not State.FAILED:
                self.invite_panel.reset()
            else:
                self.invite_panel.send_button.setEnabled(True)

        self.tasks.run(send())

    def selected(self) -> Consultation | None:
        return self.today.selected()

    def admit(self, consultation_id: str) -> None:
        consultation = self._service.get(consultation_id)
        self.call_view.prepare(consultation_id, consultation.contact.display)
        self.tabs.setCurrentWidget(self.call_view)
        self._attach_call_views()
        self.tasks.run(self._service.admit(consultation_id))

    def _attach_call_views(self) -> None:
        consultation_id = self.call_view.consultation_id
        if consultation_id is not None:
            remote, own = self.call_view.remote, self.call_view.self_view
            outputs = CallOutputs(
                remote.show_frame, remote.box(), own.show_frame, own.box(), self.sound.play
            )
            self._service.set_call_outputs(consultation_id, outputs)

    def _withdraw(self, consultation_id: str) -> None:
        consultation = self._service.get(consultation_id)
        if consultation.payment is None or not consultation.payment.paid:
            self.tasks.run(self._service.withdraw(consultation_id))
            return
        self.refund_prompt = RefundPrompt(consultation, self)
        self.refund_prompt.decided.connect(
            lambda refund: self.tasks.run(self._service.withdraw(consultation_id, refund=refund))
        )
        self.refund_prompt.open()

    def _resend(self, consultation_id: str) -> None:
        self.tasks.run(self._service.resend(consultation_id))

    def _hang_up(self, consultation_id: str) -> None:
        self.tasks.run(self._service.hang_up(consultation_id))

    def _decide_device(self, consultation_id: str, accept: bool) -> None:
        self.tasks.run(self._service.decide_device(consultation_id, accept))

    def use_exports(self, exports: Exports) -> None:
        """The manager's export (CSV or PDF, filtered, in the background) behind Export…."""
        self.export_dialog = ExportDialog(exports, self.tasks, date.today(), self)

    def _export(self) -> None:
        if self.export_dialog is not None:
            self.export_dialog.show()
            self.export_dialog.raise_()

    # --- what the services say -------------------------------------------------------------

    def _on_service_event(self, event: ServiceEvent) -> None:
        match event:
            case ConsultationChanged(consultation=consultation):
                self.today.show_consultation(consultation)
                self.history.consultation_changed(consultation)
                if consultation.state.is_final:
                    self.device_prompt.withdraw(consultation.id)
            case InviteChanged(invite=invite):
                self.today.show_invite(invite)
            case PatientArrived():
                self.waiting_alert.patient_arrived()
            case SecondDeviceWaiting(consultation_id=consultation_id):
                who = self._service.get(consultation_id).contact.display
                self.device_prompt.ask(consultation_id, who)
                QApplication.alert(self)
            case SecondDeviceGone(consultation_id=consultation_id):
                self.device_prompt.withdraw(consultation_id)
            case CallStarted() | CallFinished() | CallReconnecting() | CallReconnected():
                self._follow_call(event)
            case CallQualityChanged(consultation_id=consultation_id, hint=hint, audio_only=paused):
                if self.call_view.consultation_id == consultation_id:
                    self.call_view.show_quality(hint, paused)
            case ChatMessageAdded(consultation_id=consultation_id):
                if self.chat.consultation_id == consultation_id:
                    self.chat.refresh()
                self.history.chat_changed(consultation_id)
            case Problem(message=message):
                self.show_problem(message)

    def _follow_call(
        self, event: CallStarted | CallFinished | CallReconnecting | CallReconnected
    ) -> None:
        if isinstance(event, CallStarted):
            self.call_view.started()
            if not self.sound.available():
                self.show_problem(NO_SPEAKER)
        if self.call_view.consultation_id != event.consultation_id:
            return
        if isinstance(event, CallReconnecting):
            self.call_view.reconnecting()
        elif isinstance(event, CallReconnected):
            self.call_view.reconnected()
        elif isinstance(event, CallFinished):
            self.call_view.finished()
            self.sound.stop()
            self.tabs.setCurrentIndex(0)

    def show_problem(self, message: str) -> None:
        """Shows a problem for a while. `message` is said in the window's language: a
        sentence of the services (English) is translated here, and again if the language
        changes while it shows."""
        self._problem = message
        self.problem_banner.setText(sentence(message))
        self.problem_banner.show()
        self._problem_timer.start(PROBLEM_SECONDS * 1000)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
