"""`tooddoc-desk backup` and `tooddoc-desk restore`: the practice's backups from the command line.

    tooddoc-desk backup [--to FOLDER]          a backup now, into FOLDER or the folder chosen
                                               under Settings > Backups
    tooddoc-desk restore --from FILE           the backup FILE into the data folder, which must
                                               hold no store (a new computer); the recovery key
                                               is asked, or read from stdin

Exit status: 0 done; 2 a folder or a file that cannot be used, or a data folder that holds a
store already; 3 the store is locked, or the recovery key does not open the backup; 5 the
backup or the restore failed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TextIO

from tooddoc_desk.config import Config
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.services.audit import AuditTrail
from tooddoc_desk.services.backups import Backups
from tooddoc_desk.services.restore import SETTINGS_DEFAULT, SETTINGS_KEPT, restore_into
from tooddoc_desk.services.store_access import Prompts, open_store
from tooddoc_desk.storage.backup_errors import BackupFolderProblem, NotABackup
from tooddoc_desk.storage.errors import StoreError, StoreExists, UnlockError
from tooddoc_desk.storage.keyring_choice import choose_keyring
from tooddoc_desk.storage.restore import needs_passphrase
from tooddoc_desk.terminal_prompts import TerminalPrompts

EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_FAILED = 5


class _CommandLine:
    """Whoever runs the command holds the store's key: the command needs no account."""

    current = None

    def require_setup(self) -> None:
        return None


def run_backup_command(config: Config, args: argparse.Namespace) -> int:
    """`backup` or `restore`, as parsed by cli.py."""
    if args.command == "restore":
        return run_restore(config, args.source)
    return run_backup(config, args.to)


def run_backup(config: Config, to: Path | None, prompts: Prompts | None = None) -> int:
    keyring = choose_keyring(config.keyring_backend)
    opened = open_store(config.data_dir, keyring, prompts or TerminalPrompts())
    try:
        clock = SystemClock()
        audit = AuditTrail(opened.store.audit, clock, command="backup")
        backups = Backups(config.data_dir, opened.store, clock, _CommandLine(), audit=audit)
        folder = to.expanduser().resolve() if to is not None else None
        try:
            path = asyncio.run(backups.back_up_now(folder))
        except BackupFolderProblem as error:
            return _fail(error, EXIT_USAGE)
        except StoreError as error:
            return _fail(error, EXIT_FAILED)
    finally:
        opened.store.close()
    print(f"Backup written: {path}")
    return 0


def run_restore(
    config: Config,
    source: Path,
    stdin: TextIO | None = None,
    prompts: Prompts | None = None,
) -> int:
    stdin = stdin or sys.stdin
    prompts = prompts or TerminalPrompts()
    keyring = choose_keyring(config.keyring_backend)
    try:
        passphrase = None
        lacks_passphrase = needs_passphrase(source)  # the file is checked before any question
        if keyring is None and lacks_passphrase:
            passphrase = prompts.new_passphrase()
            if passphrase is None:
                print("No passphrase was chosen: nothing was restored.", file=sys.stderr)
                return EXIT_USAGE
        typed = _read_recovery_key(stdin)
        outcome = restore_into(
            config.data_dir, source, typed, keyring, passphrase, command="restore"
        )
    except (NotABackup, StoreExists) as error:
        return _fail(error, EXIT_USAGE)
    except UnlockError as error:
        return _fail(error, EXIT_LOCKED)
    except StoreError as error:
        return _fail(error, EXIT_FAILED)
    where = "this computer's keyring" if keyring is not None else "the passphrase"
    made = outcome.made_at.astimezone().strftime("%d/%m/%Y %H:%M")
    print(
        f"The backup of {made} is restored into {config.data_dir}: {outcome.consultations} "
        f"consultations. Its key is now kept by {where}; the same recovery key still opens it. "
        + (SETTINGS_KEPT if outcome.settings_restored else SETTINGS_DEFAULT)
    )
    return 0


def _read_recovery_key(stdin: TextIO) -> str:
    if stdin.isatty():
        try:
            return input("Recovery key (8 groups of 4, as written down at set-up): ")
        except (EOFError, KeyboardInterrupt):
            return ""
    return stdin.readline().strip()


def _fail(error: StoreError, status: int) -> int:
    print(f"{error.message} {error.recovery_hint}", file=sys.stderr)
    return status
