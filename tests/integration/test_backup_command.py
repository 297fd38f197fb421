"""`tooddoc-desk backup` and `tooddoc-desk restore`, end to end through the command line's own
path: a practice's store with consultations and notes is backed up, then restored on a "new
computer" (an empty data folder, an empty keyring) with the recovery key read from stdin; the
app's usual start then opens it with the new keyring, without asking anything."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tests.helpers.storage import T0, folder_snapshot, make_consultation
from tooddoc_desk.backup_command import run_backup_command
from tooddoc_desk.cli import parser
from tooddoc_desk.config import Config, load_config
from tooddoc_desk.core.consultation import State
from tooddoc_desk.services.audit import BACKUP, RESTORE
from tooddoc_desk.services.store_access import open_store


@dataclass
class NoPrompts:
    """The start must not ask anything: the keyring opens the store."""

    def new_passphrase(self) -> str | None:
        raise AssertionError("asked for a new passphrase")

    def passphrase(self, problem: str | None) -> str | None:
        raise AssertionError("asked for the passphrase")

    def recovery_key(self, problem: str) -> str | None:
        raise AssertionError(f"asked for the recovery key: {problem}")


def _config(folder: Path) -> Config:
    config = load_config(folder)
    return Config(config.data_dir, config.settings, keyring_backend=DOTTED_PATH)


def _run(config: Config, *argv: str) -> int:
    return run_backup_command(config, parser().parse_args(list(argv)))


def test_backup_then_restore_on_a_new_computer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "old-keyring"))
    old = _config(tmp_path / "old-pc")
    (old.data_dir / "settings.json").write_text(
        json.dumps({"practice_name": "Cabinet Dr Peeters", "language": "nl"})
    )
    opened = open_store(old.data_dir, FolderKeyring(tmp_path / "old-keyring"), NoPrompts())
    assert opened.new_recovery_key is not None
    recovery = opened.new_recovery_key.display
    ids = []
    for minute in range(4):
        consultation = make_consultation(
            created_at=T0 + timedelta(minutes=minute), until=State.ENDED, notes=f"Note {minute}"
        )
        opened.store.consultations.add(consultation)
        ids.append(consultation.id)
    opened.store.close()
    usb = tmp_path / "usb-disk"
    usb.mkdir()

    assert _run(old, "backup", "--to", str(usb)) == 0
    said = capsys.readouterr().out
    (backup,) = usb.iterdir()
    assert f"Backup written: {backup}" in said

    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "new-keyring"))  # another computer
    new = _config(tmp_path / "new-pc")
    monkeypatch.setattr("sys.stdin", io.StringIO("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH\n"))
    assert _run(new, "restore", "--from", str(backup)) == 3
    assert "does not unlock" in capsys.readouterr().err
    assert not (new.data_dir / "keys.json").exists()

    monkeypatch.setattr("sys.stdin", io.StringIO(recovery.lower() + "\n"))
    assert _run(new, "restore", "--from", str(backup)) == 0
    said = capsys.readouterr().out
    assert "4 consultations" in said
    assert "keyring" in said

    again = _config(new.data_dir)
    assert again.settings.practice_name == "Cabinet Dr Peeters"  # the settings came back too
    keyring = FolderKeyring(tmp_path / "new-keyring")
    reopened = open_store(again.data_dir, keyring, NoPrompts())
    try:
        for minute, consultation_id in enumerate(ids):
            assert reopened.store.consultations.get(consultation_id).notes == f"Note {minute}"
        kinds = [(entry.kind, entry.actor) for entry in reopened.store.audit.entries()]
        assert kinds[-1][0] == RESTORE  # (the backup's own entry came after its copy)
        assert BACKUP not in {kind for kind, _ in kinds}
        assert kinds[-1][1].startswith("command line (")
        assert reopened.store.audit.verify().intact
    finally:
        reopened.store.close()

    before = folder_snapshot(new.data_dir)
    monkeypatch.setattr("sys.stdin", io.StringIO(recovery + "\n"))
    assert _run(new, "restore", "--from", str(backup)) == 2  # never over a store
    assert "already exists" in capsys.readouterr().err
    assert folder_snapshot(new.data_dir) == before


def test_backup_without_a_folder_says_how_to_choose_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "keyring"))
    config = _config(tmp_path / "pc")
    open_store(config.data_dir, FolderKeyring(tmp_path / "keyring"), NoPrompts()).store.close()
    assert _run(config, "backup") == 2
    assert "--to FOLDER" in capsys.readouterr().err
    not_a_backup = tmp_path / "photo.jpg"
    not_a_backup.write_bytes(b"\xff\xd8\xff")
    assert _run(_config(tmp_path / "other"), "restore", "--from", str(not_a_backup)) == 2
    assert "not a tooddoc-desk backup" in capsys.readouterr().err
