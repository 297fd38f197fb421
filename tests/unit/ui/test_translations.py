"""The window speaks fr, nl, en and de: every visible string has its translations, the .ts
files follow the code, placeholders survive translation, and the language changes while the
window is open."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot

from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import NotAllowed, Permission, Role, User
from tooddoc_desk.messaging.problems import MAIL_SERVER, Reason, sentence
from tooddoc_desk.services.accounts import WRONG, Accounts, SignInRefused
from tooddoc_desk.services.consultations import ConsultationService
from tooddoc_desk.services.sentences import HUB_DOWN, booking_missed
from tooddoc_desk.storage.errors import StoreClosed
from tooddoc_desk.ui import i18n
from tooddoc_desk.ui.desk_lock import DeskLock
from tooddoc_desk.ui.main_window import MainWindow
from tooddoc_desk.ui.notes_pane import NotesPane

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "tooddoc_desk" / "ui"
TRANSLATED = ("fr", "nl", "de")
PLACEHOLDER = re.compile(r"%\d+|%n|\{\w*\}")


def tool(name: str) -> str:
    """A Qt tool of the virtual environment that runs the tests."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is missing: scripts/setup.sh dev installs it"
    return found


def ts_file(lang: str) -> Path:
    return UI / "translations" / f"tooddoc_{lang}.ts"


def messages(path: Path) -> list[tuple[str, ET.Element]]:
    """(context, message) for each message still in use (vanished and obsolete ones aside)."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            kind = message.find("translation")
            if kind is not None and kind.get("type") in ("vanished", "obsolete"):
                continue
            found.append((name, message))
    return found


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


# --- the .ts files ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_visible_string_has_a_finished_translation(lang: str) -> None:
    untranslated = []
    for context, message in messages(ts_file(lang)):
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") == "unfinished" or not all(
            text.strip() for text in translations_of(message)
        ):
            untranslated.append(f"{context}: {message.findtext('source')!r}")
    assert untranslated == [], (
        f"{len(untranslated)} strings lack their {lang} translation in {ts_file(lang).name}"
    )


def test_the_sentence_catalog_follows_the_qt_free_sentences() -> None:
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "sentence_catalog.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_ts_files_hold_exactly_the_strings_of_the_code(tmp_path: Path) -> None:
    """A string added to ui/*.py (or a sentence to the catalog) and not yet merged with
    `scripts/translations.sh update` fails here; so does a string the code no longer has."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-silent", "-locations", "none"]
        + [str(path) for path in sorted(UI.glob("*.py"))]
        + ["-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = {(c, m.findtext("source")) for c, m in messages(fresh)}
    assert in_code, "lupdate found no string at all"
    for lang in TRANSLATED:
        in_ts = {(c, m.findtext("source")) for c, m in messages(ts_file(lang))}
        assert sorted(in_code - in_ts, key=str) == [], f"not in {lang}: run translations.sh update"
        assert sorted(in_ts - in_code, key=str) == [], f"gone from the code, still in {lang}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_survive_translation(lang: str) -> None:
    wrong = []
    for context, message in messages(ts_file(lang)):
        source = message.findtext("source", "")
        expected = Counter(PLACEHOLDER.findall(source))
        for text in translations_of(message):
            if text and Counter(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert wrong == []


# --- choosing the language ------------------------------------------------------------------


def test_the_system_language_is_followed_when_the_settings_name_none() -> None:
    assert i18n.choose_language(None, QLocale("nl_BE")) is Language.NL
    assert i18n.choose_language(None, QLocale("de_BE")) is Language.DE
    assert i18n.choose_language(None, QLocale("ja_JP")) is Language.EN
    assert i18n.choose_language(Language.FR, QLocale("nl_BE")) is Language.FR
    assert i18n.choose_language("xx", QLocale("fr_BE")) is Language.FR


# --- the window in each language --------------------------------------------------------------


@pytest.fixture(scope="session")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .qm files, compiled from the .ts sources for this run (the checkout's own may be
    missing or stale)."""
    folder = tmp_path_factory.mktemp("qm")
    for lang in TRANSLATED:
        qm = folder / f"{i18n.CATALOG}_{lang}.qm"
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts_file(lang)), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
    return folder


@pytest.fixture
def speak(qapp: QApplication, compiled: Path) -> Iterator[Any]:
    """Installs a language for one test; English again afterwards."""

    def install(language: Language) -> None:
        assert i18n.install_language(language, compiled)
        QCoreApplication.processEvents()  # LanguageChange reaches the windows

    yield install
    i18n.install_language(Language.EN)
    QCoreApplication.processEvents()


class NoConsultations:
    """What the window asks of the service before anyone has done anything."""

    def subscribe(self, listener: object) -> None:
        pass

    def today(self) -> list[object]:
        return []

    def latest_invites(self, ids: list[str]) -> dict[str, object]:
        return {}

    def notes(self, consultation_id: str) -> str:
        return ""

    def save_notes(self, consultation_id: str, notes: str) -> None:
        pass

    @property
    def chat(self) -> NoChat:
        return NoChat()


class NoChat:
    def lines(self, consultation_id: str) -> list[object]:
        return []

    async def send(self, consultation_id: str, text: str) -> None:
        pass


class Still:
    def now(self) -> datetime:
        return datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def window(qtbot: QtBot) -> MainWindow:
    service = cast(ConsultationService, NoConsultations())
    shown = MainWindow(service, Still(), Language.FR, "Cabinet Dr Peeters")
    qtbot.addWidget(shown)
    return shown


def key_texts(shown: MainWindow) -> tuple[str, ...]:
    tabs = shown.tabs
    return (
        shown.invite_panel.send_button.text(),
        tabs.tabText(tabs.indexOf(shown.today)),
        tabs.tabText(tabs.indexOf(shown.call_view)),
        tabs.tabText(tabs.indexOf(shown.history)),
        shown.admit_button.text(),
        str(shown.today_model.headerData(2, Qt.Orientation.Horizontal)),
    )


ENGLISH = ("Send link", "Today", "Call", "History", "Admit", "State")
DUTCH = ("Link versturen", "Vandaag", "Gesprek", "Historiek", "Binnenlaten", "Status")
FRENCH = ("Envoyer le lien", "Aujourd’hui", "Appel", "Historique", "Faire entrer", "État")


def test_the_window_is_english_when_no_language_is_installed(qtbot: QtBot) -> None:
    assert i18n.current_language() is Language.EN
    assert key_texts(window(qtbot)) == ENGLISH


def test_a_window_built_in_dutch_speaks_dutch(qtbot: QtBot, speak: Any) -> None:
    speak(Language.NL)
    shown = window(qtbot)
    assert key_texts(shown) == DUTCH
    assert shown.invite_panel.contact_field.placeholderText() == "Gsm-nummer of e-mailadres"
    assert shown.today.resend_button.toolTip().startswith("De link opnieuw versturen")


def test_a_window_built_in_french_speaks_french(qtbot: QtBot, speak: Any) -> None:
    speak(Language.FR)
    assert key_texts(window(qtbot)) == FRENCH


def test_switching_language_retranslates_the_open_window(qtbot: QtBot, speak: Any) -> None:
    shown = window(qtbot)
    shown.show()
    qtbot.waitExposed(shown)
    QTest.keyClicks(shown.invite_panel.contact_field, "0470 12 34")
    shown.invite_panel.when_field.setText("26/11 14:30")
    shown.invite_panel._on_when_edited("26/11 14:30")
    shown.show_problem(HUB_DOWN)
    assert shown.invite_panel.send_button.text() == "Book"

    speak(Language.NL)
    assert key_texts(shown)[1:] == DUTCH[1:]
    assert shown.invite_panel.send_button.text() == "Inplannen"
    assert shown.invite_panel.feedback.text().startswith("Dit nummer is te kort")
    assert shown.problem_banner.text().startswith("De consultatiedienst antwoordde niet")
    assert shown.call_view.hang_up_button.text() == "Ophangen"

    speak(Language.DE)
    assert shown.admit_button.text() == "Hereinlassen"
    assert shown.problem_banner.text().startswith("Der Konsultationsdienst")

    speak(Language.EN)
    assert key_texts(shown)[1:] == ENGLISH[1:]
    assert shown.invite_panel.send_button.text() == "Book"
    assert shown.problem_banner.text() == HUB_DOWN


# --- the sentences of the Qt-free layers ------------------------------------------------------


def test_sentences_of_the_services_are_said_in_the_window_language(speak: Any) -> None:
    assert i18n.sentence(HUB_DOWN) == HUB_DOWN  # English: as they are
    speak(Language.NL)
    assert i18n.sentence(HUB_DOWN).startswith("De consultatiedienst antwoordde niet")
    coded = sentence(Reason.INVALID_NUMBER, code=21211)
    assert i18n.sentence(coded) == (
        "Dit nummer is niet geldig: controleer het met de patiënt (code 21211)."
    )
    assert i18n.sentence(sentence(Reason.TIMEOUT, MAIL_SERVER)) == (
        "De mailserver antwoordde niet op tijd."
    )
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    missed = booking_missed(now + timedelta(days=400), now)
    assert i18n.sentence(missed).startswith("De link voor de consultatie ingepland op ")
    assert i18n.sentence("A sentence no catalog knows.") == "A sentence no catalog knows."


def test_a_refusal_is_said_in_french_with_the_person_s_name_kept(speak: Any) -> None:
    anne = User("Anne", frozenset({Role.RECEPTIONIST}))
    refusal = NotAllowed(Permission.RUN_CALLS, anne).message
    assert i18n.sentence(refusal) == "Anne cannot run calls (a practitioner does)."
    speak(Language.FR)
    assert i18n.sentence(refusal) == (
        "Anne ne peut pas mener les appels (c’est le rôle d’un praticien)."
    )
    nobody = NotAllowed(Permission.MANAGE_USERS, None).message
    assert i18n.sentence(nobody) == (
        "Une personne non connectée ne peut pas gérer les utilisateurs (c’est le rôle du "
        "gestionnaire du cabinet)."
    )
    assert i18n.sentence("Too many wrong attempts: try again in 4 minute(s).") == (
        "Trop de tentatives erronées : réessayez dans 4 minute(s)."
    )


# --- signing in, users and notes ---------------------------------------------------------------


class TwoUsers:
    """What the sign-in page, the lock and the users panel ask of the accounts: nobody signed
    in (the panel is filled as a manager would see it)."""

    current = None
    locked_user = None

    def needs_first_user(self) -> bool:
        return False

    def may(self, permission: Permission) -> bool:
        return True

    def users(self) -> list[User]:
        return [
            User("Dr Peeters", frozenset({Role.PRACTITIONER, Role.MANAGER}), "12345678901"),
            User("Anne", frozenset({Role.RECEPTIONIST}), active=False),
        ]

    def subscribe(self, listener: object) -> None:
        pass

    def lock(self) -> None:
        pass

    def sign_out(self) -> None:
        pass


def locked_window(qtbot: QtBot) -> tuple[MainWindow, DeskLock]:
    shown = window(qtbot)
    lock = DeskLock(shown, cast(Accounts, TwoUsers()), "Cabinet Dr Peeters", idle_minutes=10)
    lock.users.refresh()
    return shown, lock


def text_of(item: QTableWidgetItem | None) -> str:
    return "" if item is None else item.text()


def lock_texts(shown: MainWindow, lock: DeskLock) -> tuple[str, ...]:
    users, page = lock.users, lock.page
    table = users.table
    return (
        page.form.title.text(),
        page.form.sign_in.text(),
        page.form.secret.accessibleName(),
        page.form.someone_else.text(),
        shown.tabs.tabText(shown.tabs.indexOf(users)),
        lock.lock_button.text(),
        *(text_of(table.horizontalHeaderItem(column)) for column in range(table.columnCount())),
        text_of(table.item(0, 1)),
        text_of(table.item(1, 3)),
        users.roles[Role.MANAGER].text(),
        users.add_button.text(),
    )


LOCK_ENGLISH = (
    "Sign in",
    "Sign in",
    "Password or PIN",
    "Sign in as someone else",
    "Users",
    "Lock",
    "Name",
    "Roles",
    "INAMI number",
    "May sign in",
    "Practitioner, Manager",
    "no",
    "Manager",
    "Add",
)
LOCK_DUTCH = (
    "Aanmelden",
    "Aanmelden",
    "Wachtwoord of pincode",
    "Aanmelden als iemand anders",
    "Gebruikers",
    "Vergrendelen",
    "Naam",
    "Rollen",
    "RIZIV-nummer",
    "Mag zich aanmelden",
    "Zorgverlener, Praktijkbeheerder",
    "nee",
    "Praktijkbeheerder",
    "Toevoegen",
)


def test_the_sign_in_page_and_the_users_panel_speak_dutch(qtbot: QtBot, speak: Any) -> None:
    shown, lock = locked_window(qtbot)
    assert lock_texts(shown, lock) == LOCK_ENGLISH

    speak(Language.NL)  # while they are open
    assert lock_texts(shown, lock) == LOCK_DUTCH
    lock.page._refuse(SignInRefused(WRONG))
    assert lock.page.problem.text() == "De naam of het wachtwoord is fout."
    lock.page._refuse(StoreClosed())
    assert lock.page.problem.text() == (
        "De consultatiedatabank is gesloten. Start de app opnieuw; wat op het scherm staat, is "
        "nog niet opgeslagen."
    )

    speak(Language.EN)
    assert lock_texts(shown, lock) == LOCK_ENGLISH
    assert lock.page.problem.text() == (
        "The store is closed. Restart the app; what is on screen is not saved yet."
    )

    speak(Language.NL)  # built in Dutch
    assert lock_texts(*locked_window(qtbot)) == LOCK_DUTCH


def test_the_notes_pane_speaks_the_window_language(qtbot: QtBot, speak: Any) -> None:
    def closed_store(consultation_id: str, text: str) -> None:
        raise StoreClosed()

    speak(Language.DE)
    pane = NotesPane(lambda consultation_id: "", closed_store)
    qtbot.addWidget(pane)
    assert pane.editor.placeholderText().startswith("Notizen (verschlüsselt")
    pane.open("c1")
    pane.editor.insertPlainText("Husten")
    pane.save_now()
    assert pane.status.text() == (
        "Nicht gespeichert: Die Konsultationsdatenbank ist geschlossen. Ihr Text bleibt hier "
        "stehen."
    )
    speak(Language.FR)
    assert pane.status.text().startswith("Non enregistré : La base des consultations est fermée.")
