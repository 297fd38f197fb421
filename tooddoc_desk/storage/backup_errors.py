"""What can go wrong with a backup or a restore, each said as a sentence for the person at the
screen (`message`: what happened; `recovery_hint`: what to do). None names a patient.

    StoreError
    ├── BackupFolderProblem          the backup folder cannot take a backup
    │   ├── BackupFolderNotSet
    │   ├── BackupFolderMissing
    │   ├── BackupFolderNotWritable
    │   └── BackupDiskFull
    ├── NotABackup                   the file is not a tooddoc-desk backup
    └── BackupDamaged                it is one, but damaged or incomplete
"""

from __future__ import annotations

from tooddoc_desk.storage.errors import StoreError


class BackupFolderProblem(StoreError):
    """The backup folder cannot take a backup; the previous backups are untouched."""


class BackupFolderNotSet(BackupFolderProblem):
    def __init__(self) -> None:
        super().__init__(
            "No backup folder is chosen, so no backup is made.",
            "Choose a folder for the backups (an external disk or a network share) in "
            "Settings > Backups, or give one with `tooddoc-desk backup --to FOLDER`.",
        )


class BackupFolderMissing(BackupFolderProblem):
    def __init__(self, folder: str) -> None:
        super().__init__(
            f"The backup folder {folder} cannot be found: no backup was made.",
            "Connect the disk or the network share it is on, or choose another folder.",
        )


class BackupFolderNotWritable(BackupFolderProblem):
    def __init__(self, folder: str) -> None:
        super().__init__(
            f"The backup folder {folder} does not let this app write to it: no backup was made.",
            "Give your user account write access to it, or choose another folder.",
        )


class BackupDiskFull(BackupFolderProblem):
    def __init__(self, folder: str) -> None:
        super().__init__(
            f"The disk of the backup folder {folder} is full: no backup was made; the earlier "
            "backups are kept.",
            "Free some space on that disk (or choose a larger one), then back up again.",
        )


class NotABackup(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This file is not a tooddoc-desk backup ({detail}). Nothing was written to the "
            "data folder.",
            "Choose a file named tooddoc-desk-backup-….tdbackup from the backup folder.",
        )


class BackupDamaged(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"This backup is damaged or incomplete ({detail}). Nothing was written to the data "
            "folder.",
            "Restore an earlier backup from the same folder.",
        )
