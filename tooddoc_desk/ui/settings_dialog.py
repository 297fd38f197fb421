"""The practice's settings, for managers: its name, the window's language, the idle lock, when
booked links leave, the hub (built-in, or hosted with its practice key, checked with the hub
before it is kept), and how invites leave (SMS provider, mail server, with their secrets, which
go to the OS keyring and are never shown again). Saved settings apply at once, another hub
included; a refusal is said next to the field it is about."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.config import (
    MAX_AUTO_LOCK_MINUTES,
    MAX_INVITE_LEAD_MINUTES,
    HubSettings,
    Settings,
)
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import NotAllowed
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.services.hub_choice import HubRefused, HubSwitch
from tooddoc_desk.services.practice_settings import PracticeSettings, Secrets, SettingsRefused
from tooddoc_desk.services.recovery_keys import RecoveryKeys
from tooddoc_desk.ui.backups_dialog import BackupsDialog
from tooddoc_desk.ui.form_problems import RED, FormProblems
from tooddoc_desk.ui.hub_form import HubForm
from tooddoc_desk.ui.i18n import FollowsLanguage
from tooddoc_desk.ui.provider_forms import MailForm, SmsForm
from tooddoc_desk.ui.tasks import Tasks


class SettingsDialog(FollowsLanguage, QDialog):
    def __init__(
        self,
        practice: PracticeSettings,
        parent: QWidget | None = None,
        *,
        hubs: HubSwitch | None = None,
        tasks: Tasks | None = None,
        backups: Backups | None = None,
        keys: RecoveryKeys | None = None,
    ) -> None:
        """`backups` and `tasks`: the Backups… button (a backup runs on the loop; with `keys`,
        a new recovery key can be made there); `hubs` and
        `tasks`: the hub may change (asking the hub takes a moment), without them the dialog
        leaves the hub as it is."""
        super().__init__(parent)
        self._practice = practice
        self._hubs = hubs
        self._tasks = tasks
        self._backups = backups
        self._keys = keys
        self._silent: tuple[HubSettings, str] | None = None  # the last hub that did not answer
        current = practice.current
        self.practice_name = QLineEdit(current.practice_name)
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(language.label, language)
        self.language.setCurrentIndex(list(Language).index(current.language))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(1, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock.setValue(current.auto_lock_minutes)
        self.lead = QSpinBox()
        self.lead.setRange(1, MAX_INVITE_LEAD_MINUTES)
        self.lead.setValue(current.invite_lead_minutes)

        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(RED)
        self.problems = FormProblems(self.problem)
        self.sms_box = SmsForm(current.sms, self.problems)
        self.mail_box = MailForm(current.email, self.problems)
        sms, mail = self.sms_box, self.mail_box
        self.sms_provider, self.sms_sender = sms.provider, sms.sender_id
        self.sms_account, self.sms_secret = sms.account, sms.secret
        self.mail_host, self.mail_port, self.mail_security = mail.host, mail.port, mail.security
        self.mail_from, self.mail_reply_to = mail.from_address, mail.reply_to
        self.mail_user, self.mail_password = mail.user, mail.password
        self.hub_box = HubForm(hubs, self.problems) if hubs is not None else None
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.backups_button = QPushButton()  # managers: the backups, in their own dialog
        self.backups_button.setVisible(backups is not None and tasks is not None)
        self.backups_dialog: BackupsDialog | None = None
        self._labels: dict[QWidget, QLabel] = {}
        self._build()
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.backups_button.clicked.connect(self.open_backups)
        self.retranslate()

    def _row(self, form: QFormLayout, field: QWidget, key: str) -> None:
        label = QLabel()
        self._labels[field] = label
        self.problems.row(form, label, field, key)

    def _build(self) -> None:
        self.practice_box = QGroupBox()
        practice = QFormLayout(self.practice_box)
        for field, key in (
            (self.practice_name, "practice_name"),
            (self.language, "language"),
            (self.auto_lock, "auto_lock_minutes"),
            (self.lead, "invite_lead_minutes"),
        ):
            self._row(practice, field, key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backups_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        for box in (self.practice_box, self.hub_box, self.sms_box, self.mail_box):
            if box is not None:
                layout.addWidget(box)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.practice_box.setTitle(self.tr("Practice"))
        names = {
            self.practice_name: self.tr("Name shown to patients"),
            self.language: self.tr("Language"),
            self.auto_lock: self.tr("Lock after (minutes idle)"),
            self.lead: self.tr("Booked links leave (minutes before)"),
        }
        for field, name in names.items():
            self._labels[field].setText(name)
            field.setAccessibleName(name)
        self.problems.retranslate()
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.backups_button.setText(self.tr("Backups…"))

    def settings(self) -> Settings:
        """What the form says, over the current settings."""
        current = self._practice.current
        language = self.language.currentData()
        return replace(
            current,
            practice_name=self.practice_name.text().strip(),
            language=language if isinstance(language, Language) else current.language,
            auto_lock_minutes=self.auto_lock.value(),
            invite_lead_minutes=self.lead.value(),
            hub=self.hub_box.hub(current.hub) if self.hub_box is not None else current.hub,
            sms=self.sms_box.settings(),
            email=self.mail_box.settings(),
        )

    def _hub_key(self) -> str:
        return self.hub_box.key_typed() if self.hub_box is not None else ""

    def open_backups(self) -> None:
        if self._backups is None or self._tasks is None:
            return
        self.backups_dialog = BackupsDialog(
            self._backups,
            self._tasks,
            self,
            keys=self._keys,
            practice_name=self._practice.current.practice_name,
        )
        self.backups_dialog.open()

    def save(self) -> None:
        self.problems.clear()
        secrets = Secrets(self.sms_secret.text(), self.mail_password.text())
        settings, key = self.settings(), self._hub_key()
        hubs, tasks = self._hubs, self._tasks
        if hubs is not None and tasks is not None and hubs.changes(settings.hub, key):
            tasks.run(self._save_with_hub(hubs, settings, secrets, key))
            return
        try:
            self._practice.save(settings, secrets)
        except SettingsRefused as error:
            self.problems.say(error.field, error.message)
            return
        except NotAllowed as error:
            self.problems.say(None, error.message)
            return
        finally:
            self.sms_secret.clear()
            self.mail_password.clear()
        self.accept()

    async def _save_with_hub(
        self, hubs: HubSwitch, settings: Settings, secrets: Secrets, key: str
    ) -> None:
        """Another hub: asked about the key, then the app moves to it and the settings are
        kept; a hub that does not answer is kept when Save is chosen again."""
        asked = (settings.hub, key)
        self.save_button.setEnabled(False)
        assert self.hub_box is not None
        self.hub_box.busy(True)
        try:
            await hubs.save(settings, secrets, key, keep_if_silent=asked == self._silent)
        except HubRefused as refusal:
            self._silent = asked if refusal.may_insist else None
            self.problems.say(refusal.field, refusal.message)
            return
        except SettingsRefused as error:
            self.problems.say(error.field, error.message)
            return
        except NotAllowed as error:
            self.problems.say(None, error.message)
            return
        finally:
            self.hub_box.busy(False)
            self.save_button.setEnabled(True)
            self.sms_secret.clear()
            self.mail_password.clear()
        self.hub_box.fields.key.clear()
        self.accept()
