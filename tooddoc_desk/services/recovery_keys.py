"""A new recovery key, for a manager whose written-down key is lost or may have been seen.

    keys = RecoveryKeys(store, gate, audit, backups)
    proposed = keys.propose()               # shown once; nothing has changed yet
    adopted = await keys.adopt(proposed, typed)   # typed back right: it opens the store from
                                                  # now on; adopted.backup, .backup_problem

Adopting it replaces the store's recovery slot (the old key no longer opens this store),
records it in the audit log, and makes a backup at once, so that a backup opening with the new
key exists from the first minute. Backups made before keep the key slots they were made with:
they open only with the old key, until thinning removes them. The first run checks its key
typed back the same way (`typed_back_problem`).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from pathlib import Path

from tooddoc_desk.services.audit import RECOVERY_KEY_REPLACED, AuditTrail
from tooddoc_desk.services.backups import FAILED, Backups, SetupGate
from tooddoc_desk.storage.errors import MalformedRecoveryKey
from tooddoc_desk.storage.recovery_key import RecoveryKey
from tooddoc_desk.storage.store import Store

log = logging.getLogger(__name__)

NOT_THE_KEY = "This is not the recovery key shown above: compare each group of four."
NOT_A_KEY = "A recovery key has 32 letters and digits, in 8 groups of 4, like the one above."


def typed_back_problem(typed: str, shown: RecoveryKey) -> str | None:
    """Why `typed` is not the key `shown` (None: it is; any case, spaces or separators)."""
    try:
        matches = RecoveryKey.parse(typed) == shown
    except MalformedRecoveryKey:
        return NOT_A_KEY
    return None if matches else NOT_THE_KEY


@dataclass(frozen=True)
class Adopted:
    """The new key is in use; how the backup made with it went."""

    backup: Path | None  # None: no backup folder is chosen, or the backup failed
    backup_problem: str | None = None  # the failed backup's problem, as Backups keeps it


class RecoveryKeys:
    def __init__(self, store: Store, gate: SetupGate, audit: AuditTrail, backups: Backups) -> None:
        self._store = store
        self._gate = gate
        self._audit = audit
        self._backups = backups

    def propose(self) -> RecoveryKey:
        """A new key to show; NotAllowed unless a manager is at the desk."""
        self._gate.require_setup()
        return RecoveryKey.generate()

    async def adopt(self, proposed: RecoveryKey, typed: str) -> Adopted:
        """`proposed` opens the store from now on, once typed back right (ValueError with the
        sentence otherwise, and nothing changed; the store's error if the key file cannot be
        written). Then a backup, made with it at once if a backup folder is chosen."""
        self._gate.require_setup()
        problem = typed_back_problem(typed, proposed)
        if problem is not None:
            raise ValueError(problem)
        by = self._gate.current
        # a backup under way keeps the slots it read; the one made next carries the new key's
        await asyncio.to_thread(self._store.replace_recovery_key, proposed)
        self._audit.try_record(RECOVERY_KEY_REPLACED, by=by)
        log.info("the recovery key was replaced")
        if self._backups.status.folder is None:
            return Adopted(None)
        try:
            return Adopted(await self._backups.back_up_now(by=by))
        except Exception:  # kept in the backups' status and logged there
            return Adopted(None, self._backups.status.last_problem or FAILED)
