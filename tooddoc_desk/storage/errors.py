"""What can go wrong with the store, each said as a sentence for the person at the screen.

Every error carries `message` (what happened) and `recovery_hint` (what to do about it). Neither
ever holds patient data: no contact, no note, no link. Errors raised while unlocking or opening
guarantee that nothing was created, written or changed on disk.

    StoreError
    ├── UnlockError                  the database key could not be obtained or does not fit
    │   ├── KeyringEntryMissing      no secret in the OS keyring for this store
    │   ├── KeyringEntryUnreadable   the keyring's secret is damaged or belongs to another store
    │   ├── KeyringUnavailable       the OS keyring refused or failed to answer
    │   ├── KeyFileMissing           the database exists but keys.json does not
    │   ├── KeyFileUnreadable        keys.json is damaged or of an unknown format
    │   ├── SlotMissing              keys.json has no slot of the kind asked for
    │   ├── WrongKey                 the key does not open the database
    │   ├── WrongRecoveryKey         the recovery key does not unlock this store
    │   │   └── MalformedRecoveryKey what was typed cannot be a recovery key
    │   └── WrongPassphrase          the passphrase does not unlock this store
    ├── DatabaseMissing              keys.json (or a -wal file) exists without its database
    ├── StoreAbsent                  asked to open a store where there is none
    ├── StoreExists                  asked to create a store where one (or part of one) exists
    ├── DatabaseDamaged              the database file is empty or fails its checks
    ├── DatabaseTooNew               written by a newer version of the app
    ├── MigrationFailed              an upgrade step failed and was rolled back
    ├── WeakPassphrase               a new passphrase is too short
    ├── KeyringChoiceError           the configured keyring backend is unknown or unsafe
    ├── StoreClosed                  used after it was closed (the app is stopping)
    ├── ConsultationNotFound
    └── ConsultationExists
"""

from __future__ import annotations


class StoreError(Exception):
    """Base of every store error: `message` says what happened, `recovery_hint` what to do."""

    def __init__(self, message: str, recovery_hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.recovery_hint = recovery_hint

    def __str__(self) -> str:
        return f"{self.message} {self.recovery_hint}"


_NOTHING_CHANGED = "Nothing was changed on disk."
_USE_RECOVERY = (
    "Type the recovery key you were given when the app was set up: the app then puts a fresh "
    "key in this computer's keyring."
)


class UnlockError(StoreError):
    """The database key could not be obtained, or does not open the database."""


class KeyringEntryMissing(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            "The key to the consultation records is not in this computer's keyring. "
            + _NOTHING_CHANGED,
            _USE_RECOVERY,
        )


class KeyringEntryUnreadable(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            "The key in this computer's keyring does not unlock the consultation records. "
            + _NOTHING_CHANGED,
            _USE_RECOVERY,
        )


class KeyringUnavailable(UnlockError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This computer's keyring did not answer ({detail}). " + _NOTHING_CHANGED,
            "Unlock the keyring (log in to the desktop session) and start again, or type the "
            "recovery key given at set-up.",
        )


class KeyFileMissing(UnlockError):
    def __init__(self, folder: str) -> None:
        super().__init__(
            "The key file (keys.json) that goes with the consultation records is missing, so "
            "they cannot be opened. " + _NOTHING_CHANGED,
            f"Put back keys.json from your backup into {folder}. The recovery key alone cannot "
            "open the records without that file.",
        )


class KeyFileUnreadable(UnlockError):
    def __init__(self, folder: str, detail: str) -> None:
        super().__init__(
            f"The key file (keys.json) is damaged or of an unknown format ({detail}). "
            + _NOTHING_CHANGED,
            f"Put back keys.json from your backup into {folder}.",
        )


class SlotMissing(UnlockError):
    def __init__(self, kind: str) -> None:
        hints = {
            "keyring": _USE_RECOVERY,
            "passphrase": "This store is not protected by a passphrase: use the recovery key.",
            "recovery": "Restore keys.json from your backup.",
        }
        super().__init__(
            f"The key file holds no {kind} key. " + _NOTHING_CHANGED,
            hints.get(kind, "Use the recovery key given at set-up."),
        )


class WrongKey(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            "This key does not open the consultation records. " + _NOTHING_CHANGED,
            "If keys.json was replaced, put back the one that belongs to this database; "
            "otherwise type the recovery key given at set-up.",
        )


class WrongRecoveryKey(UnlockError):
    def __init__(
        self,
        message: str = "This recovery key does not unlock the consultation records.",
    ) -> None:
        super().__init__(
            message + " " + _NOTHING_CHANGED,
            "Check each group of the recovery key given at set-up, then type it again.",
        )


class MalformedRecoveryKey(WrongRecoveryKey):
    def __init__(self) -> None:
        super().__init__(
            "A recovery key has 32 letters and digits, in 8 groups of 4; what was typed is not one."
        )


class WrongPassphrase(UnlockError):
    def __init__(self) -> None:
        super().__init__(
            "This passphrase does not unlock the consultation records. " + _NOTHING_CHANGED,
            "Type it again (check Caps Lock and the keyboard layout), or use the recovery key "
            "given at set-up.",
        )


class DatabaseMissing(StoreError):
    def __init__(self, folder: str) -> None:
        super().__init__(
            "The consultation records (the database file) are missing, although their key file "
            "is present. No new store was created, so nothing can be overwritten.",
            f"Put the database file back into {folder} from your backup, then start the app.",
        )


class StoreAbsent(StoreError):
    def __init__(self, folder: str) -> None:
        super().__init__(
            "There are no consultation records in this folder yet.",
            f"Set up a new store in {folder}, or point the app to the folder that holds yours.",
        )


class StoreExists(StoreError):
    def __init__(self, folder: str) -> None:
        super().__init__(
            "A store (or part of one) already exists here; a new one is never created over it.",
            f"Open the existing store in {folder}, or move its files away first.",
        )


class DatabaseDamaged(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The consultation records are damaged ({detail}). " + _NOTHING_CHANGED,
            "Restore the database from a backup (the backups folder next to it holds the "
            "copies made before each upgrade), or contact support.",
        )


class DatabaseTooNew(StoreError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"The consultation records were written by a newer version of the app (schema "
            f"{found}; this version knows up to {known}). " + _NOTHING_CHANGED,
            "Install the latest version of the app.",
        )


class MigrationFailed(StoreError):
    def __init__(self, version: int, backup: str | None, detail: str) -> None:
        where = f" A copy made just before is in {backup}." if backup else ""
        super().__init__(
            f"Upgrading the consultation records to schema {version} failed ({detail}); that "
            f"step was undone and the records are as they were.{where}",
            "Start the previous version of the app, or contact support with this message.",
        )
        self.version = version
        self.backup = backup
        self.detail = detail


class WeakPassphrase(StoreError):
    def __init__(self, minimum: int) -> None:
        super().__init__(
            f"A passphrase needs at least {minimum} characters.",
            "Choose a longer passphrase: a few unrelated words are easy to type and hard to guess.",
        )


class KeyringChoiceError(StoreError):
    def __init__(self, message: str) -> None:
        super().__init__(
            message,
            "Fix the TOODDOC_KEYRING_BACKEND setting, or remove it to use the system keyring.",
        )


class StoreClosed(StoreError):
    def __init__(self) -> None:
        super().__init__(
            "The store is closed.", "Restart the app; what is on screen is not saved yet."
        )


class ConsultationNotFound(StoreError):
    def __init__(self, consultation_id: str) -> None:
        super().__init__(
            f"No consultation {consultation_id} in the store.",
            "It may have been made on another computer; refresh the list.",
        )
        self.consultation_id = consultation_id


class ConsultationExists(StoreError):
    def __init__(self, consultation_id: str) -> None:
        super().__init__(
            f"Consultation {consultation_id} is already in the store.",
            "This is a programming error: a consultation is added once, then updated.",
        )
        self.consultation_id = consultation_id
