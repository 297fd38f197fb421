"""Renders the main screens of the app to PNG files, for people to look at (not compared).

    python -m tests.helpers.screens OUT_DIR      (with DISPLAY set and QT_QPA_PLATFORM=xcb)

A real app on a throw-away store with the built-in hub: the first run's pages, then Today with
a consultation sent and one booked, History, Users, the Settings and Devices dialogs, and Today
in French; in the dark theme with TOODDOC_COLOR_SCHEME=dark.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.helpers.accounts import FAST_HASH, INAMI, NAME, PASSWORD, next_page, wizard_of
from tests.helpers.aio import until
from tests.helpers.hosted_app import NoPrompts, run_on_qasync
from tests.helpers.keyring_backend import FolderKeyring
from tooddoc_desk.app import App
from tooddoc_desk.config import Config, HubSettings, Settings
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.contact import parse_contact
from tooddoc_desk.core.language import Language
from tooddoc_desk.services.store_access import open_store
from tooddoc_desk.ui.i18n import install_language
from tooddoc_desk.ui.theme import follow_system


async def shoot(widget: QWidget, path: Path) -> None:
    await asyncio.sleep(0.1)  # the loop lays out and paints what changed
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not write {path}")


async def scenes(app: App, out: Path) -> None:
    window = app.parts.window
    window.resize(1280, 800)
    window.show()
    await asyncio.sleep(0.3)
    await first_run(app, out)
    service = app.parts.service
    await service.invite(parse_contact("0470 12 34 56"), Language.FR, SystemClock().now())
    service.book(
        parse_contact("patient@example.be"),
        Language.NL,
        SystemClock().now(),
        SystemClock().now() + timedelta(hours=3),
    )
    await until(lambda: window.today_model.rowCount() == 2, "today's consultations")
    window.today_table.selectRow(0)
    await shoot(window, out / "02-today.png")
    window.tabs.setCurrentWidget(window.history)
    await until(lambda: window.history.model.rowCount() == 2, "the history")
    window.history.table.selectRow(0)
    await shoot(window, out / "03-history.png")
    window.tabs.setCurrentWidget(app.parts.lock.users)
    await shoot(window, out / "04-users.png")
    app.parts.lock.open_settings()
    dialog = app.parts.lock.settings_dialog
    assert dialog is not None
    await asyncio.sleep(0.2)
    await shoot(dialog, out / "05-settings.png")
    dialog.reject()
    await devices(app, out)
    window.tabs.setCurrentWidget(window.today)
    install_language(Language.FR)
    await shoot(window, out / "06-today-fr.png")
    install_language(Language.EN)
    app.parts.accounts.lock()
    await until(lambda: not app.parts.lock.unlocked(), "the lock")
    await shoot(window, out / "07-locked.png")
    await window.tasks.drain()


async def devices(app: App, out: Path) -> None:
    """The Devices dialog once its preview shows a picture (the test pattern: no camera here)."""
    entry = app.parts.devices
    assert entry is not None
    entry.open()
    dialog = entry.dialog
    assert dialog is not None
    await until(dialog.page.video.showing_picture, "the devices preview")
    await shoot(dialog, out / "12-devices.png")
    dialog.accept()
    await until(lambda: dialog.page.preview is None, "the preview stopped")


async def first_run(app: App, out: Path) -> None:
    """The first run's pages, filled in as a practice would, each shot before going on."""
    window = app.parts.window
    wizard = wizard_of(app)
    await shoot(window, out / "01-first-run.png")
    await next_page(wizard, wizard.practice.name)
    people = wizard.people
    for field, text in (
        (people.name, NAME),
        (people.inami, INAMI),
        (people.secret, PASSWORD),
        (people.again, PASSWORD),
        (people.other_name, "Anne"),
        (people.other_secret, "482915"),
    ):
        QTest.keyClicks(field, text)
    people.add_other()
    await shoot(window, out / "08-first-run-people.png")
    await next_page(wizard, people.name)
    await shoot(window, out / "09-first-run-hub.png")
    await next_page(wizard, wizard.hub.fields.embedded)
    wizard.messages.send.setChecked(True)
    await shoot(window, out / "10-first-run-invites.png")
    wizard.messages.outbox.setChecked(True)
    await next_page(wizard, wizard.messages.outbox)
    await shoot(window, out / "11-first-run-recovery-key.png")
    QTest.keyClicks(wizard.recovery.typed, wizard.recovery.card.key.text())
    QTest.keyClick(wizard.recovery.typed, Qt.Key.Key_Return)
    await until(app.parts.lock.unlocked, "the desk after the first run")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    follow_system(qapp)  # TOODDOC_COLOR_SCHEME=dark renders the dark theme
    with tempfile.TemporaryDirectory(prefix="tooddoc-screens-") as folder:
        keyring = FolderKeyring(Path(folder) / "keyring")
        config = Config(
            data_dir=Path(folder) / "data",
            settings=Settings(
                practice_name="Cabinet Dr Peeters",
                language=Language.EN,
                hub=HubSettings(port=0),
                video_source="test-pattern",
            ),
        )
        opened = open_store(config.data_dir, keyring, NoPrompts())
        app = App(config, opened, keyring=keyring, hash_cost=FAST_HASH)

        async def run() -> None:
            await app.start()
            try:
                await scenes(app, out)
            finally:
                await app.stop()

        run_on_qasync(qapp, run)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
