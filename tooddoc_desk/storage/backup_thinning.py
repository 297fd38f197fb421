"""Which backups to keep: the newest of each of the last 14 days that have one, and the newest
of each of the last 12 months that have one (dates in UTC); the newest backup is always kept.

So a practice backing up daily keeps two weeks of days and a year of months, about 26 files.
Only this store's backups (by the store id in their name) are ever considered; any other file
in the folder is left alone, and so are work files of a backup still under way.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from tooddoc_desk.storage.backup_file import PREFIX, SUFFIX, moment_of

KEEP_DAYS = 14
KEEP_MONTHS = 12
log = logging.getLogger(__name__)


def kept(
    moments: Iterable[datetime], days: int = KEEP_DAYS, months: int = KEEP_MONTHS
) -> set[datetime]:
    """The moments to keep among `moments` (each a backup's time)."""
    newest_first = sorted(set(moments), reverse=True)
    keep: set[datetime] = set(newest_first[:1])
    seen_days: set[tuple[int, int, int]] = set()
    seen_months: set[tuple[int, int]] = set()
    for moment in newest_first:
        day = (moment.year, moment.month, moment.day)
        if day not in seen_days and len(seen_days) < days:
            seen_days.add(day)
            keep.add(moment)
        month = (moment.year, moment.month)
        if month not in seen_months and len(seen_months) < months:
            seen_months.add(month)
            keep.add(moment)
    return keep


def backups_of(folder: Path, store_id: str) -> dict[Path, datetime]:
    """This store's backups in `folder`, with when each was made."""
    found: dict[Path, datetime] = {}
    for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
        named = moment_of(path.name)
        if named is not None and named[1] == store_id[:8] and path.is_file():
            found[path] = named[0]
    return found


def thin(folder: Path, store_id: str) -> list[Path]:
    """Deletes this store's backups that `kept` does not keep; returns those deleted."""
    backups = backups_of(folder, store_id)
    keep = kept(backups.values())
    removed: list[Path] = []
    for path, moment in sorted(backups.items(), key=lambda item: item[1]):
        if moment in keep:
            continue
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:  # a read-only share: the backups stay, said in the log
            log.warning("an old backup could not be removed: %s", error.strerror)
            continue
        removed.append(path)
    if removed:
        log.info("%d old backup(s) removed", len(removed))
    return removed
