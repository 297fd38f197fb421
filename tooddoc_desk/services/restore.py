"""Restoring the practice's backup on a new computer (or a new disk), with the recovery key:
the store comes back into an empty data folder, its key is wrapped for this computer's keyring
(or a new passphrase where there is none), and the practice's settings come back with it.

Used by `tooddoc-desk restore --from FILE` and by the window's "Restore from a backup" at the
first start. A folder that holds a store is never written to.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from keyring.backend import KeyringBackend

from tooddoc_desk.config import ConfigError, settings_from, write_settings
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.services.audit import RESTORE, AuditTrail
from tooddoc_desk.storage.history_query import HistoryQuery
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.storage.restore import restore_backup
from tooddoc_desk.storage.store_paths import StorePaths
from tooddoc_desk.storage.timestamps import to_text

log = logging.getLogger(__name__)

SETTINGS_KEPT = "The practice's settings came back with it."
SETTINGS_DEFAULT = (
    "The practice's settings in the backup could not be used: set them again under Settings."
)


def plain_name(path: Path) -> str:
    """A file's name as the audit log may keep it (a person may have renamed it)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", path.name)[:120]


@dataclass(frozen=True)
class RestoreOutcome:
    made_at: datetime  # when the backup was made
    consultations: int
    settings_restored: bool


def restore_into(
    data_dir: Path,
    source: Path,
    recovery_key: RecoveryKey | str,
    keyring: KeyringBackend | None,
    passphrase: str | None = None,
    *,
    command: str | None = None,
    by: str | None = None,
) -> RestoreOutcome:
    """Raises StoreExists, NotABackup, BackupDamaged, WrongRecoveryKey, KeyringUnavailable or
    WeakPassphrase (a StoreError each, said as it is). The audit log of the restored store
    records it: by `by`, or the command line running `command`."""
    restored = restore_backup(
        source, StorePaths(data_dir), recovery_key, keyring=keyring, passphrase=passphrase
    )
    try:
        count = restored.store.consultations.count(HistoryQuery())
        made = restored.manifest.created_at
        AuditTrail(restored.store.audit, SystemClock(), command=command).try_record(
            RESTORE,
            by=by,
            details={"file": plain_name(source), "backup_made_at": to_text(made), "rows": count},
        )
    finally:
        restored.store.close()
    settings_restored = False
    if restored.settings is not None:
        try:
            settings = settings_from(json.loads(restored.settings.decode("utf-8")), Path("backup"))
        except (UnicodeDecodeError, json.JSONDecodeError, ConfigError):
            log.warning("the settings in the backup could not be used")
        else:
            write_settings(data_dir, settings)
            settings_restored = True
    log.info("a backup was restored")
    return RestoreOutcome(restored.manifest.created_at, count, settings_restored)
