"""The standalone hub's settings: the file, the variables that win, secrets from files, refusals
that name the setting, and a description that shows no secret."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tooddoc_desk.hub.settings import (
    SettingsError,
    StandaloneSettings,
    is_loopback_host,
    load_settings,
)

KEY = "k" * 43
OTHER_KEY = "o" * 43
SECRET = "s" * 64


def write(folder: Path, text: str, keys: str = f"{KEY} Cabinet Dr Peeters\n") -> Path:
    (folder / "practice-keys").write_text(keys)
    config = folder / "hub.toml"
    config.write_text('practice_keys_file = "practice-keys"\n' + text)
    return config


def load(folder: Path, text: str = "", env: dict[str, str] | None = None) -> StandaloneSettings:
    return load_settings(write(folder, text), env or {})


def refusal(folder: Path, text: str = "", env: dict[str, str] | None = None) -> str:
    with pytest.raises(SettingsError) as refused:
        load(folder, text, env)
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_the_defaults_are_a_loopback_hub_behind_a_proxy(tmp_path: Path) -> None:
    settings = load(tmp_path)
    assert (settings.host, settings.port, settings.public_url) == ("127.0.0.1", 8765, None)
    assert settings.room_ttl == timedelta(hours=1)
    assert settings.turn is None
    assert [(p.label, p.key) for p in settings.practices] == [("Cabinet Dr Peeters", KEY)]
    config = settings.hub_config()
    assert config.api_keys == (KEY,)
    assert config.practice_labels == ("Cabinet Dr Peeters",)


def test_the_file_gives_every_setting_and_variables_win(tmp_path: Path) -> None:
    (tmp_path / "turn-secret").write_text(SECRET + "\n")
    text = """
host = "0.0.0.0"
port = 8000
public_url = "https://hub.example.be/"
allowed_origins = ["https://www.example.be"]
trusted_proxies = ["127.0.0.1", "::1"]
room_ttl_seconds = 1800
log_level = "warning"

[turn]
urls = ["turn:turn.example.be:3478?transport=udp", "turns:turn.example.be:5349?transport=tcp"]
secret_file = "turn-secret"
credential_lifetime_seconds = 3600
"""
    env = {"TOODDOC_HUB_PORT": "8001", "TOODDOC_HUB_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"}
    settings = load(tmp_path, text, env)
    assert settings.host == "0.0.0.0"
    assert settings.port == 8001
    assert settings.public_url == "https://hub.example.be"
    assert settings.allowed_origins == ("https://www.example.be",)
    assert settings.trusted_proxies == ("10.0.0.0/8", "127.0.0.1")
    assert settings.room_ttl == timedelta(minutes=30)
    assert settings.log_level == "warning"
    assert settings.turn is not None
    assert settings.turn.shared_secret == SECRET  # the file's trailing newline is dropped
    assert settings.turn.lifetime == timedelta(hours=1)
    assert len(settings.turn.urls) == 2
    config = settings.hub_config()
    assert config.base_url_for_port(8001) == "https://hub.example.be"
    assert config.trusted_proxies == ("10.0.0.0/8", "127.0.0.1")


def test_secrets_come_from_files_named_by_variables(tmp_path: Path) -> None:
    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "practice-keys").write_text(
        f"# one practice a line\n\n{KEY}   Cabinet Dr Peeters\n{OTHER_KEY}\tTandarts Janssens\n"
    )
    (credentials / "turn-secret").write_text(SECRET)
    env = {
        "TOODDOC_HUB_PRACTICE_KEYS_FILE": str(credentials / "practice-keys"),
        "TOODDOC_HUB_TURN_URLS": "turn:127.0.0.1:3478",
        "TOODDOC_HUB_TURN_SECRET_FILE": str(credentials / "turn-secret"),
    }
    settings = load_settings(None, env)
    assert [p.label for p in settings.practices] == ["Cabinet Dr Peeters", "Tandarts Janssens"]
    assert settings.turn is not None
    assert settings.turn.shared_secret == SECRET


def test_the_description_masks_every_secret(tmp_path: Path) -> None:
    (tmp_path / "turn-secret").write_text(SECRET)
    text = '[turn]\nurls = ["turn:turn.example.be:3478"]\nsecret_file = "turn-secret"\n'
    settings = load(tmp_path, text, {"TOODDOC_HUB_PORT": "9000"})
    described = settings.describe()
    assert KEY not in described
    assert SECRET not in described
    assert KEY not in repr(settings)
    assert SECRET not in repr(settings)
    assert "9000   [TOODDOC_HUB_PORT]" in described
    assert "127.0.0.1   [default]" in described
    assert settings.practices[0].fingerprint in described


@pytest.mark.parametrize(
    ("text", "env", "named"),
    [
        ("", {"TOODDOC_HUB_PORT": "0"}, "TOODDOC_HUB_PORT must be a whole number from 1"),
        ("port = true\n", {}, "port in "),
        ("port = 8000.5\n", {}, "port in "),
        ('host = ""\n', {}, "host in "),
        ('host = "0.0.0.0"\n', {}, "host in "),
        ('host = "::"\npublic_url = "http://127.0.0.1:8765"\n', {}, "must then be an https"),
        ('host = "hub.example.be"\n', {}, "which other machines can reach"),
        ('public_url = "http://hub.example.be"\n', {}, "must be an https address"),
        ('public_url = "https://hub.example.be/prefix"\n', {}, "without a path"),
        ('public_url = "https://user@hub.example.be"\n', {}, "without a path, query or"),
        ('allowed_origins = ["not an origin"]\n', {}, "allowed_origins in "),
        ('allowed_origins = "https://www.example.be/page"\n', {}, "allowed_origins in "),
        ("", {"TOODDOC_HUB_TRUSTED_PROXIES": "nginx"}, "TOODDOC_HUB_TRUSTED_PROXIES must list"),
        ("room_ttl_seconds = 30\n", {}, "room_ttl_seconds in "),
        ('log_level = "verbose"\n', {}, "log_level in "),
        ('[turn]\nurls = ["turn:t.example.be"]\n', {}, "turn.urls in "),
        ('[turn]\nurls = ["stun:t.example.be"]\nsecret = "' + SECRET + '"\n', {}, "turn: or"),
        ('[turn]\nurls = ["turn:t.example.be"]\nsecret = "short"\n', {}, "at least 32"),
        ('[turn]\nsecret = "' + SECRET + '"\n', {}, "turn.urls (TOODDOC_HUB_TURN_URLS) is not"),
        ("[turn]\ncredential_lifetime_seconds = 3600\n", {}, "is set but turn.urls"),
        ('[turn]\nsecret = "x"\nsecret_file = "y"\n', {}, "sets both turn.secret and"),
        ("colour = 1\n", {}, "colour in "),
        ("[extra]\nthing = 1\n", {}, "extra.thing in "),
        ("", {"TOODDOC_HUB_COLOUR": "red"}, "TOODDOC_HUB_COLOUR is not a setting"),
        ("", {"TOODDOC_HUB_HOST_FILE": "x"}, "TOODDOC_HUB_HOST_FILE is not a setting"),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS": "x", "TOODDOC_HUB_PRACTICE_KEYS_FILE": "y"}, "Both"),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS": "# nothing"}, "holds no practice key"),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS": KEY}, "must name its practice"),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS": f"{KEY} A\n{KEY} B"}, "Line 2 of "),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS": f"{KEY} A\n{OTHER_KEY} A"}, "repeats"),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS": f"{KEY} Dr\u202eX"}, "printable"),
        ("", {"TOODDOC_HUB_PRACTICE_KEYS_FILE": "/nonexistent"}, "cannot be read"),
        ("port = \n", {}, "is not valid TOML"),
    ],
)
def test_refusals_name_the_setting_in_one_sentence(
    tmp_path: Path, text: str, env: dict[str, str], named: str
) -> None:
    assert named in refusal(tmp_path, text, env)


def test_refusals_never_quote_a_secret(tmp_path: Path) -> None:
    short = "tiny-secret-value"
    message = refusal(tmp_path, f'[turn]\nurls = ["turn:t.example.be"]\nsecret = "{short}"\n')
    assert short not in message
    message = refusal(tmp_path, env={"TOODDOC_HUB_PRACTICE_KEYS": "short-key-value Dr X"})
    assert "short-key-value" not in message


def test_a_hub_needs_at_least_one_practice_key() -> None:
    with pytest.raises(SettingsError, match="No practice key is configured"):
        load_settings(None, {})


def test_a_missing_config_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot be read"):
        load_settings(tmp_path / "missing.toml", {})


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.0.0.5", False),
        ("hub.example.be", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


def test_a_stripe_webhook_secret_comes_from_a_file_and_is_never_shown(tmp_path: Path) -> None:
    webhook = "whsec_" + "w" * 32
    (tmp_path / "stripe-webhook").write_text(webhook + "\n")
    settings = load(tmp_path, '[stripe]\nwebhook_secret_file = "stripe-webhook"\n')
    assert settings.stripe_webhook_secret == webhook
    assert settings.hub_config().stripe_webhook_secret == webhook
    assert webhook not in settings.describe()
    assert "POST /stripe/webhook" in settings.describe()
    assert load(tmp_path).hub_config().stripe_webhook_secret is None
    (tmp_path / "wrong").write_text("sk_live_" + "x" * 30)
    wrong = str(tmp_path / "wrong")
    message = refusal(tmp_path, env={"TOODDOC_HUB_STRIPE_WEBHOOK_SECRET_FILE": wrong})
    assert "signing secret" in message
    assert "sk_live_" not in message
