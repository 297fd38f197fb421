"""The SMS provider's and the mail server's secrets: in the keyring under the account that
settings.json names, put there by `tooddoc-desk provider-secret`, never anywhere else."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tooddoc_desk.config import Config, Settings, load_config
from tooddoc_desk.provider_keys import (
    ProviderSecretError,
    check_secret_text,
    email_account,
    read_secret,
    save_secret,
    sms_account,
)
from tooddoc_desk.provider_secret_command import run_provider_secret
from tooddoc_desk.provider_settings import EmailSettings, SmsSettings

TWILIO_SID = "AC" + "0123456789abcdef" * 2
TOKEN = "twilio-auth-token-0123456789"
TWILIO = SmsSettings("twilio", "DrPeeters", TWILIO_SID)
SMTP = EmailSettings("SMTP.example.be", 587, "starttls", "noreply@cabinet.be", username="cab")


def test_each_secret_has_its_account() -> None:
    assert sms_account(TWILIO) == f"twilio-auth-token:{TWILIO_SID}"
    assert sms_account(SmsSettings("vonage", "DrP", "abcd1234")) == "vonage-api-secret:abcd1234"
    assert sms_account(SmsSettings()) is None
    assert email_account(SMTP) == "smtp-password:cab@smtp.example.be"
    assert email_account(EmailSettings("smtp.example.be", from_address="a@b.be")) is None
    assert email_account(EmailSettings()) is None


def test_a_secret_is_kept_and_read_back(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path)
    account = f"twilio-auth-token:{TWILIO_SID}"
    assert read_secret(keyring, account) is None
    save_secret(keyring, account, TOKEN + "\n")
    assert read_secret(keyring, account) == TOKEN
    assert keyring.get_password("tooddoc-desk", account) == TOKEN


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "No secret"),
        ("  \n", "No secret"),
        (" padded ", "starts or ends with a space"),
        ("tab\there", "cannot be typed"),
        ("x" * 1025, "at most 1024"),
    ],
)
def test_what_cannot_be_a_secret_is_refused_without_repeating_it(text: str, problem: str) -> None:
    with pytest.raises(ProviderSecretError, match=problem) as refused:
        check_secret_text(text)
    if text.strip():
        assert text.strip() not in refused.value.message


class Broken(FolderKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError(f"D-Bus said no about {username}")


def test_a_keyring_that_fails_says_so_without_the_details(tmp_path: Path) -> None:
    with pytest.raises(ProviderSecretError, match="could not be read") as refused:
        read_secret(Broken(tmp_path), "smtp-password:cab@smtp.example.be")
    assert "cab" not in refused.value.message


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "keyring"))
    monkeypatch.setenv("TOODDOC_KEYRING_BACKEND", DOTTED_PATH)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "settings.json").write_text(
        json.dumps(
            {
                "practice_name": "Cabinet",
                "sms": {"provider": "twilio", "sender_id": "DrPeeters", "account_id": TWILIO_SID},
                "email": {
                    "host": "smtp.example.be",
                    "from_address": "noreply@cabinet.be",
                    "username": "cab",
                },
            }
        )
    )
    return folder


def test_the_command_stores_each_secret_from_stdin(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = load_config(data_dir)
    assert run_provider_secret(config, sms=True, stdin=io.StringIO(TOKEN + "\n")) == 0
    assert run_provider_secret(config, sms=False, stdin=io.StringIO("mail-password\n")) == 0
    keyring = FolderKeyring(tmp_path / "keyring")
    assert read_secret(keyring, f"twilio-auth-token:{TWILIO_SID}") == TOKEN
    assert read_secret(keyring, "smtp-password:cab@smtp.example.be") == "mail-password"
    out = capsys.readouterr()
    assert "Twilio secret for the account" in out.out
    assert TOKEN not in out.out + out.err
    assert "mail-password" not in out.out + out.err
    assert TOKEN not in (data_dir / "settings.json").read_text()


def test_the_command_says_what_to_set_up_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = Config(tmp_path, Settings())
    assert run_provider_secret(config, sms=True, stdin=io.StringIO("x\n")) == 2
    assert "sets up no SMS provider" in capsys.readouterr().err
    assert run_provider_secret(config, sms=False, stdin=io.StringIO("x\n")) == 2
    assert "no mail server login" in capsys.readouterr().err


def test_the_command_refuses_an_empty_secret(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_provider_secret(load_config(data_dir), sms=True, stdin=io.StringIO("\n")) == 2
    assert "No secret was given." in capsys.readouterr().err
