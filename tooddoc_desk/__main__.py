"""`tooddoc-desk`: starts the app (the window, the embedded hub, the store).

tooddoc-desk [--data-dir DIR] [--incoming CONTACT | tooddoc:CONTACT] [--test-pattern]
tooddoc-desk --self-test [--hub-port PORT]
tooddoc-desk export --from DATE --to DATE [--practitioner ID|NAME] [--state STATE]
                    [--format csv|pdf] --out FILE [--data-dir DIR]
tooddoc-desk backup [--to FOLDER] [--data-dir DIR]
tooddoc-desk restore --from FILE [--data-dir DIR]
tooddoc-desk hub-key --url URL [--check] [--use] [--data-dir DIR]
tooddoc-desk provider-secret --sms | --email | --stripe [--data-dir DIR]
tooddoc-desk invite --to CONTACT [--lang fr|nl|en|de] [--at TIME] [--dry-run] [--data-dir DIR]
tooddoc-desk audit verify | show --manager NAME [--from DATE] [--to DATE] [--data-dir DIR]
tooddoc-desk purge --before DATE --manager NAME [--yes] [--data-dir DIR]
tooddoc-desk retention --manager NAME [--years N] [--yes] [--data-dir DIR]

`--incoming` with an app already running on the data folder brings that app forward with the
caller filled in (through the app's command channel) instead of starting a second one.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
from collections.abc import Sequence
from dataclasses import replace
from logging.handlers import RotatingFileHandler
from pathlib import Path

import qasync
from keyring.backend import KeyringBackend
from PySide6.QtCore import QLockFile, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from tooddoc_desk.app import App
from tooddoc_desk.app_channel import AppChannelError, ask_app
from tooddoc_desk.audit_command import COMMANDS as AUDIT_COMMANDS
from tooddoc_desk.audit_command import run_audit_command
from tooddoc_desk.backup_command import run_backup_command
from tooddoc_desk.cli import invite_args, parser
from tooddoc_desk.config import Config, ConfigError, load_config
from tooddoc_desk.export_command import run_export_command
from tooddoc_desk.hub import request_errors
from tooddoc_desk.hub_connection import HubSetupError
from tooddoc_desk.hub_key_command import run_hub_key
from tooddoc_desk.invite_command import run_invite
from tooddoc_desk.phone_link import PhoneLinkError, with_phone_link_as_incoming
from tooddoc_desk.provider_secret_command import run_provider_secret
from tooddoc_desk.services.engine_warm_up import warm_up_engine
from tooddoc_desk.services.store_access import OpenedStore, Prompts, StoreLocked, open_store
from tooddoc_desk.storage.errors import KeyringChoiceError
from tooddoc_desk.storage.keyring_choice import choose_keyring
from tooddoc_desk.storage.store_paths import Layout, StorePaths
from tooddoc_desk.terminal_prompts import TerminalPrompts
from tooddoc_desk.ui.i18n import choose_language, install_language
from tooddoc_desk.ui.main_thread_gc import MainThreadCollector
from tooddoc_desk.ui.restore_dialog import offer_restore
from tooddoc_desk.ui.theme import follow_system
from tooddoc_desk.ui.unlock_prompts import DialogPrompts, show_fatal

log = logging.getLogger("tooddoc_desk")
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_BUSY = 4
QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log like everything else."""
    if message in QT_NOISE:
        return
    level = logging.WARNING if kind != QtMsgType.QtDebugMsg else logging.DEBUG
    logging.getLogger("qt").log(level, "%s", message)


def setup_logging(data_dir: Path) -> None:
    """Logs go to the data folder and to stderr. Code never logs contacts, links or notes."""
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    file_handler = RotatingFileHandler(
        folder / "tooddoc-desk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    file_handler.setFormatter(formatter)
    console = logging.StreamHandler()
    console.setFormatter(formatter)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(file_handler)
    root.addHandler(console)
    for noisy in ("aioice", "aiortc", "aiohttp.access", "httpx"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    request_errors.install()


def unlock(config: Config, prompts: Prompts) -> OpenedStore:
    keyring = choose_keyring(config.keyring_backend)
    return open_store(config.data_dir, keyring, prompts)


def run_window(config: Config, incoming: str | None, test_pattern: bool) -> int:
    if test_pattern:
        config = replace(config, settings=replace(config.settings, video_source="test-pattern"))
    qInstallMessageHandler(qt_message)
    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName("tooddoc-desk")
    MainThreadCollector(qt_app).start()  # never a Qt object freed on a worker thread
    follow_system(qt_app)  # light or dark, as the system is, and when it changes
    install_language(choose_language(config.settings.language))
    offscreen = os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    prompts: Prompts = TerminalPrompts() if offscreen else DialogPrompts()
    lock = QLockFile(str(config.data_dir / "tooddoc-desk.lock"))
    if not lock.tryLock(0):
        if incoming and _hand_incoming(config, incoming):
            return 0
        message = f"tooddoc-desk is already running with the data folder {config.data_dir}."
        print(message, file=sys.stderr)
        if not offscreen:
            show_fatal(message)
        return EXIT_BUSY
    try:
        keyring = choose_keyring(config.keyring_backend)
        if not offscreen:
            config = offer_restore_first(config, keyring)
        opened = open_store(config.data_dir, keyring, prompts)
    except (StoreLocked, KeyringChoiceError) as error:
        print(error, file=sys.stderr)
        if not offscreen:
            show_fatal(str(error))
        return EXIT_LOCKED
    if offscreen and opened.new_recovery_key is not None:
        print(
            "The consultation store was created. Write down its recovery key; it is shown "
            f"only now:\n\n    {opened.new_recovery_key.display}\n",
            file=sys.stderr,
        )

    app = App(config, opened, keyring=keyring)
    loop = qasync.QEventLoop(qt_app)
    asyncio.set_event_loop(loop)
    with loop:
        try:
            loop.run_until_complete(app.start())
        except HubSetupError as error:
            loop.run_until_complete(app.stop())
            print(error.message, file=sys.stderr)
            if not offscreen:
                show_fatal(error.message)
            return EXIT_USAGE
        window = app.parts.window
        if incoming:
            window.invite_panel.prefill(incoming)
        window.show()
        log.info("ready: the window is shown")
        warm_up_engine()
        closed = asyncio.Event()
        qt_app.lastWindowClosed.connect(closed.set)
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_: loop.call_soon_threadsafe(qt_app.closeAllWindows))
        loop.run_until_complete(closed.wait())
        loop.run_until_complete(app.stop())
    return 0


def offer_restore_first(config: Config, keyring: KeyringBackend | None) -> Config:
    """With no store yet, the window asks: a new practice, or a backup restored (a new
    computer); the config as it then is (a restore brings the practice's settings back)."""
    if StorePaths(config.data_dir).layout() is not Layout.ABSENT:
        return config
    if offer_restore(config.data_dir, keyring) is None:
        return config
    config = replace(config, settings=load_config(config.data_dir).settings)
    install_language(choose_language(config.settings.language))
    return config


def _hand_incoming(config: Config, incoming: str) -> bool:
    """Brings the app already running on this data folder forward with the caller filled in;
    False when it cannot be reached."""
    try:
        answer = ask_app(config.data_dir, {"command": "incoming", "contact": incoming})
    except AppChannelError:
        return False
    return answer is not None and answer.get("outcome") == "shown"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        arguments = with_phone_link_as_incoming(sys.argv[1:] if argv is None else argv)
    except PhoneLinkError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    args = parser().parse_args(arguments)
    if args.self_test:  # touches no data folder: everything in a temporary one
        from tooddoc_desk.self_test import run_self_test  # noqa: PLC0415 (loads the call engine)

        return run_self_test(args.hub_port)
    try:
        config = load_config(args.data_dir)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    setup_logging(config.data_dir)
    try:
        return run_command(config, args)
    except (StoreLocked, KeyringChoiceError) as error:
        print(error, file=sys.stderr)
        return EXIT_LOCKED


def run_command(config: Config, args: argparse.Namespace) -> int:  # noqa: PLR0911 (a branch each)
    if args.command == "export":
        return run_export_command(config, args)
    if args.command in ("backup", "restore"):
        return run_backup_command(config, args)
    if args.command in AUDIT_COMMANDS:
        return run_audit_command(config, args)
    if args.command == "hub-key":
        return run_hub_key(config, args.url, check=args.check, use=args.use)
    if args.command == "provider-secret":
        return run_provider_secret(config, sms=args.sms, stripe=args.stripe)
    if args.command == "invite":
        return run_invite(config, invite_args(args))
    return run_window(config, args.incoming, args.test_pattern)


if __name__ == "__main__":
    sys.exit(main())
