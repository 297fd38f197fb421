"""Which backups are kept: the newest of each of the last 14 days and of the last 12 months;
only this store's backups are touched, and nothing else in the folder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from tooddoc_desk.storage.backup_file import backup_name, moment_of
from tooddoc_desk.storage.backup_thinning import kept, thin

STORE = "1a2b3c4d" + "0" * 24
OTHER = "99999999" + "0" * 24
NOW = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)


def test_a_year_and_a_half_of_daily_backups_keeps_14_days_and_12_months() -> None:
    moments = [NOW - timedelta(days=day, hours=hour) for day in range(540) for hour in (0, 5)]
    keep = kept(moments)
    days = {(m.year, m.month, m.day) for m in keep}
    months = {(m.year, m.month) for m in keep}
    assert NOW in keep
    assert len(keep) == 14 + 11  # this month's newest is also today's
    assert len(months) == 12
    newest_days = sorted({(m.year, m.month, m.day) for m in moments}, reverse=True)[:14]
    assert set(newest_days) <= days
    for day in newest_days:  # the newest backup of each of those days
        assert max(m for m in moments if (m.year, m.month, m.day) == day) in keep


def test_a_few_backups_are_all_kept() -> None:
    moments = [NOW, NOW - timedelta(days=3), NOW - timedelta(days=40)]
    assert kept(moments) == set(moments)


def test_thinning_touches_only_this_stores_backups(tmp_path: Path) -> None:
    for day in range(30):
        (tmp_path / backup_name(STORE, NOW - timedelta(days=day))).write_bytes(b"x")
        (tmp_path / backup_name(OTHER, NOW - timedelta(days=day))).write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("kept")
    (tmp_path / ".tooddoc-desk-backup-abcd.db").write_bytes(b"a backup under way")
    removed = thin(tmp_path, STORE)
    assert len(removed) == 30 - 15  # 14 days, and the newest of last month
    names = {path.name for path in tmp_path.iterdir()}
    assert "notes.txt" in names
    assert ".tooddoc-desk-backup-abcd.db" in names
    assert sum(1 for name in names if (m := moment_of(name)) and m[1] == OTHER[:8]) == 30
    assert backup_name(STORE, NOW) in names


def test_a_name_says_when_and_which_store() -> None:
    name = backup_name(STORE, NOW)
    assert name == "tooddoc-desk-backup-2026-11-26-083000Z-1a2b3c4d.tdbackup"
    assert moment_of(name) == (NOW, STORE[:8])
    assert moment_of("tooddoc-desk-backup-2026-11-26-083000Z-1a2b3c4d-2.tdbackup") is not None
    assert moment_of("holiday.zip") is None
