from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.storage import folder_snapshot, make_consultation
from tooddoc_desk.services.store_access import StoreLocked, open_store
from tooddoc_desk.storage.store_paths import StorePaths

GOOD_PASSPHRASE = "correct horse battery"


@dataclass
class ScriptedPrompts:
    """Answers each prompt from a script, and remembers what it was asked."""

    new_passphrases: list[str | None] = field(default_factory=list)
    passphrases: list[str | None] = field(default_factory=list)
    recovery_keys: list[str | None] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def new_passphrase(self) -> str | None:
        self.asked.append("new_passphrase")
        return self.new_passphrases.pop(0)

    def passphrase(self, problem: str | None) -> str | None:
        self.asked.append(f"passphrase:{problem or ''}")
        return self.passphrases.pop(0)

    def recovery_key(self, problem: str) -> str | None:
        self.asked.append(f"recovery_key:{problem}")
        return self.recovery_keys.pop(0)


def test_first_start_creates_a_store_and_hands_out_the_recovery_key(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")
    prompts = ScriptedPrompts()
    opened = open_store(tmp_path / "data", keyring, prompts)
    assert opened.new_recovery_key is not None
    consultation = make_consultation()
    opened.store.consultations.add(consultation)
    opened.store.close()

    again = open_store(tmp_path / "data", keyring, prompts)
    assert again.new_recovery_key is None
    assert again.store.consultations.get(consultation.id).contact == consultation.contact
    again.store.close()
    assert prompts.asked == []


def test_lost_keyring_entry_asks_for_the_recovery_key_then_protects_again(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")
    opened = open_store(tmp_path / "data", keyring, ScriptedPrompts())
    assert opened.new_recovery_key is not None
    recovery = opened.new_recovery_key.display
    opened.store.close()
    keyring.clear()

    prompts = ScriptedPrompts(recovery_keys=["not a key", recovery.lower().replace("-", " ")])
    reopened = open_store(tmp_path / "data", keyring, prompts)
    reopened.store.close()
    assert len(prompts.asked) == 2
    assert "keyring" in prompts.asked[0]
    assert "recovery key" in prompts.asked[1].lower()

    quiet = ScriptedPrompts()
    open_store(tmp_path / "data", keyring, quiet).store.close()
    assert quiet.asked == []


def test_giving_up_leaves_the_store_locked_and_unchanged(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")
    opened = open_store(tmp_path / "data", keyring, ScriptedPrompts())
    opened.store.consultations.add(make_consultation())
    opened.store.close()
    keyring.clear()
    before = folder_snapshot(tmp_path / "data")

    with pytest.raises(StoreLocked, match="keyring"):
        open_store(tmp_path / "data", keyring, ScriptedPrompts(recovery_keys=[None]))
    assert folder_snapshot(tmp_path / "data") == before


def test_without_a_keyring_a_passphrase_protects_the_store(tmp_path: Path) -> None:
    prompts = ScriptedPrompts(new_passphrases=["short", GOOD_PASSPHRASE])
    opened = open_store(tmp_path / "data", None, prompts)
    assert prompts.asked == ["new_passphrase", "new_passphrase"]
    opened.store.close()

    prompts = ScriptedPrompts(passphrases=["wrong passphrase", GOOD_PASSPHRASE])
    open_store(tmp_path / "data", None, prompts).store.close()
    assert prompts.asked[0] == "passphrase:"
    assert "passphrase" in prompts.asked[1].lower()
    assert len(prompts.asked) == 2


def test_no_keyring_and_no_passphrase_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreLocked, match="no keyring"):
        open_store(tmp_path / "data", None, ScriptedPrompts(new_passphrases=[None]))
    assert not StorePaths(tmp_path / "data").database.exists()


def test_a_missing_key_file_is_reported_not_replaced(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path / "keyring")
    open_store(tmp_path / "data", keyring, ScriptedPrompts()).store.close()
    StorePaths(tmp_path / "data").keys.unlink()
    before = folder_snapshot(tmp_path / "data")
    with pytest.raises(StoreLocked, match=r"keys\.json"):
        open_store(tmp_path / "data", keyring, ScriptedPrompts())
    assert folder_snapshot(tmp_path / "data") == before
