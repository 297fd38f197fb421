"""The Stripe key: a restricted key in the keyring, put there by `tooddoc-desk provider-secret
--stripe`; `tooddoc-desk invite --amount` asks a pre-payment."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.helpers.keyring_backend import DOTTED_PATH, FOLDER_VAR, FolderKeyring
from tests.unit.test_invite_command import CONFIG, NOW
from tooddoc_desk.cli import invite_args, parser
from tooddoc_desk.config import Config, Settings
from tooddoc_desk.invite_command import InviteArgs, Refusal, prepare, run_invite
from tooddoc_desk.provider_keys import ProviderSecretError
from tooddoc_desk.provider_secret_command import run_provider_secret
from tooddoc_desk.services.invite_outcome import InviteRequest
from tooddoc_desk.stripe_key import STRIPE_ACCOUNT, read_stripe_key, save_stripe_key

KEY = "rk_test_" + "51Abcdefghijklmnopqrstuv"


def test_the_key_is_kept_under_its_account_and_read_back(tmp_path: Path) -> None:
    keyring = FolderKeyring(tmp_path)
    assert read_stripe_key(keyring) is None
    assert read_stripe_key(None) is None
    save_stripe_key(keyring, KEY + "\n")
    assert read_stripe_key(keyring) == KEY
    assert keyring.get_password("tooddoc-desk", STRIPE_ACCOUNT) == KEY


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("pk_live_" + "a" * 24, "publishable key"),
        ("whsec_" + "a" * 24, "not a Stripe API key"),
        ("rk_live_short", "not a Stripe API key"),
        ("", "No secret"),
    ],
)
def test_what_is_not_a_usable_key_is_refused_without_repeating_it(text: str, problem: str) -> None:
    with pytest.raises(ProviderSecretError, match=problem) as refused:
        save_stripe_key(FolderKeyring(Path("/nonexistent")), text)
    if text:
        assert text not in refused.value.message


def test_the_command_keeps_the_piped_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(FOLDER_VAR, str(tmp_path / "keyring"))
    config = Config(tmp_path, Settings(), keyring_backend=DOTTED_PATH)
    status = run_provider_secret(config, sms=False, stripe=True, stdin=io.StringIO(KEY + "\n"))
    assert status == 0
    assert read_stripe_key(FolderKeyring(tmp_path / "keyring")) == KEY
    assert KEY not in capsys.readouterr().out
    status = run_provider_secret(config, sms=False, stripe=True, stdin=io.StringIO("pk_x\n"))
    assert status == 2


def test_invite_takes_the_amount_in_euros_or_says_what_is_wrong() -> None:
    prepared = prepare(CONFIG, InviteArgs("0470123456", amount="25,50"), NOW)
    assert isinstance(prepared, InviteRequest)
    assert prepared.amount_cents == 2550
    assert invite_args(parser().parse_args(["invite", "--to=x", "--amount", "25.00"])).amount == (
        "25.00"
    )
    refused = prepare(CONFIG, InviteArgs("0470123456", amount="25.001"), NOW)
    assert isinstance(refused, Refusal)
    assert refused.code == 2
    assert refused.message == "--amount: An amount has at most two decimals (cents)."
    out, err = io.StringIO(), io.StringIO()
    args = invite_args(parser().parse_args(["invite", "--to=0470123456", "--amount=-3"]))
    assert run_invite(CONFIG, args, out=out, err=err) == 2
    assert err.getvalue().strip() == "--amount: The amount must be more than zero."
