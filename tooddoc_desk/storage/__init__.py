"""The encrypted local store: SQLCipher 4 with a raw key kept in key slots (OS keyring,
recovery key, passphrase), numbered migrations, the consultations repository, CSV export.

Qt-free. See store.py for the start-up sequence.
"""

from tooddoc_desk.storage.consultations import ConsultationRepository
from tooddoc_desk.storage.csv_export import COLUMNS as CSV_COLUMNS
from tooddoc_desk.storage.database_key import DatabaseKey
from tooddoc_desk.storage.errors import (
    ConsultationExists,
    ConsultationNotFound,
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseTooNew,
    KeyFileMissing,
    KeyFileUnreadable,
    KeyringChoiceError,
    KeyringEntryMissing,
    KeyringEntryUnreadable,
    KeyringUnavailable,
    MalformedRecoveryKey,
    MigrationFailed,
    SlotMissing,
    StoreAbsent,
    StoreError,
    StoreExists,
    UnlockError,
    WeakPassphrase,
    WrongKey,
    WrongPassphrase,
    WrongRecoveryKey,
)
from tooddoc_desk.storage.key_file import ScryptParams, SlotKind
from tooddoc_desk.storage.keyring_choice import choose_keyring
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.storage.store import CreatedStore, Store
from tooddoc_desk.storage.store_paths import Layout, StorePaths

__all__ = [
    "CSV_COLUMNS",
    "ConsultationExists",
    "ConsultationNotFound",
    "ConsultationRepository",
    "CreatedStore",
    "DatabaseDamaged",
    "DatabaseKey",
    "DatabaseMissing",
    "DatabaseTooNew",
    "KeyFileMissing",
    "KeyFileUnreadable",
    "KeyringChoiceError",
    "KeyringEntryMissing",
    "KeyringEntryUnreadable",
    "KeyringUnavailable",
    "Layout",
    "MalformedRecoveryKey",
    "MigrationFailed",
    "RecoveryKey",
    "ScryptParams",
    "SlotKind",
    "SlotMissing",
    "Store",
    "StoreAbsent",
    "StoreError",
    "StoreExists",
    "StorePaths",
    "UnlockError",
    "WeakPassphrase",
    "WrongKey",
    "WrongPassphrase",
    "WrongRecoveryKey",
    "choose_keyring",
]
