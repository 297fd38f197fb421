"""The app's settings: where its data lives, how the hub runs, what the practice is called.

Settings come from `settings.json` in the data folder (written on first start with defaults) and
from the command line, which wins. Secrets never live here: they are in the OS keyring.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import platformdirs

from tooddoc_desk.core.language import Language
from tooddoc_desk.core.nomenclature import BillingTable, parse_billing
from tooddoc_desk.hub_keys import hub_address
from tooddoc_desk.provider_settings import EmailSettings, SmsSettings, parse_email, parse_sms

APP_NAME = "tooddoc-desk"
SETTINGS_FILE = "settings.json"
DEFAULT_HUB_PORT = 8765
DEFAULT_INVITE_LEAD_MINUTES = 30
# a room lives an hour: the link of a booked consultation must still work at its time
MAX_INVITE_LEAD_MINUTES = 50


class ConfigError(ValueError):
    """settings.json cannot be used; `message` says what to fix."""


HUB_MODES = ("embedded", "hosted")


@dataclass(frozen=True)
class HubSettings:
    """`embedded`: the app runs its own hub on `host`:`port`. `hosted`: it uses the practice's
    hub at `url` (https), whose practice key is in the OS keyring (`tooddoc-desk hub-key`)."""

    mode: str = "embedded"
    host: str = "127.0.0.1"
    port: int = DEFAULT_HUB_PORT
    url: str | None = None


MAX_AUTO_LOCK_MINUTES = 240


@dataclass(frozen=True)
class Settings:
    practice_name: str = "Your practice"
    language: Language = Language.FR
    hub: HubSettings = field(default_factory=HubSettings)
    video_source: str = "auto"  # "auto" (camera if any), "test-pattern"
    sms: SmsSettings = field(default_factory=SmsSettings)
    email: EmailSettings = field(default_factory=EmailSettings)
    invite_lead_minutes: int = DEFAULT_INVITE_LEAD_MINUTES  # a booked consultation's link
    auto_lock_minutes: int = 10  # idle minutes before the screen locks
    billing: BillingTable = field(default_factory=BillingTable)  # the export's codes, fees


@dataclass(frozen=True)
class Config:
    data_dir: Path
    settings: Settings
    keyring_backend: str | None = None  # dotted class path; None: the platform's own

    @property
    def database_path(self) -> Path:
        return self.data_dir / "consultations.db"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def load_config(data_dir: Path | None = None) -> Config:
    folder = (data_dir or default_data_dir()).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / SETTINGS_FILE
    if path.exists():
        settings = _parse_settings(path)
    else:
        settings = Settings()
        write_settings(folder, settings)
    return Config(folder, settings, os.environ.get("TOODDOC_KEYRING_BACKEND") or None)


def write_settings(folder: Path, settings: Settings) -> None:
    path = folder / SETTINGS_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False) + "\n")
    temporary.replace(path)


def _parse_settings(path: Path) -> Settings:
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(f"{path} cannot be read: {error}") from None
    return settings_from(raw, path)


def checked(settings: Settings) -> Settings:
    """`settings` as they would be read back from settings.json: ConfigError (a sentence that
    names the field) for a value the app cannot use."""
    return settings_from(json.loads(json.dumps(asdict(settings))), Path(SETTINGS_FILE))


def settings_from(raw: Any, path: Path) -> Settings:
    """Settings from the JSON object of settings.json (`path` names it in messages)."""
    if not isinstance(raw, dict):
        raise ConfigError(f"{path} must hold a JSON object")
    defaults = Settings()
    try:
        hub_raw = raw.get("hub", {})
        url = hub_raw.get("url")
        hub = HubSettings(
            mode=str(hub_raw.get("mode", defaults.hub.mode)),
            host=str(hub_raw.get("host", defaults.hub.host)),
            port=int(hub_raw.get("port", defaults.hub.port)),
            url=None if url is None else str(url),
        )
        settings = replace(
            defaults,
            practice_name=str(raw.get("practice_name", defaults.practice_name)).strip(),
            language=Language(raw.get("language", defaults.language)),
            hub=hub,
            video_source=str(raw.get("video_source", defaults.video_source)),
            invite_lead_minutes=_whole_number(
                raw.get("invite_lead_minutes", defaults.invite_lead_minutes),
                "invite_lead_minutes",
            ),
            auto_lock_minutes=_whole_number(
                raw.get("auto_lock_minutes", defaults.auto_lock_minutes), "auto_lock_minutes"
            ),
        )
    except (AttributeError, TypeError, ValueError) as error:
        raise ConfigError(f"{path} has a value out of place: {error}") from None
    try:
        settings = replace(
            settings, sms=parse_sms(raw.get("sms")), email=parse_email(raw.get("email"))
        )
    except ValueError as error:
        raise ConfigError(f"{path}: {error}") from None
    try:
        settings = replace(settings, billing=parse_billing(raw.get("billing")))
    except ValueError as error:
        raise ConfigError(f"billing: {error}") from None
    if not 1 <= len(settings.practice_name) <= 80:
        raise ConfigError(f"{path}: practice_name must have 1 to 80 characters")
    if not 0 <= settings.hub.port <= 65535:
        raise ConfigError(f"{path}: hub.port must be between 0 and 65535")
    settings = replace(settings, hub=_checked_hub(path, settings.hub))
    if settings.video_source not in ("auto", "test-pattern"):
        raise ConfigError(f"{path}: video_source must be 'auto' or 'test-pattern'")
    if not 1 <= settings.invite_lead_minutes <= MAX_INVITE_LEAD_MINUTES:
        raise ConfigError(
            f"{path}: invite_lead_minutes must be between 1 and {MAX_INVITE_LEAD_MINUTES} "
            "(a link works for an hour, so it must still work at the booked time)"
        )
    if not 1 <= settings.auto_lock_minutes <= MAX_AUTO_LOCK_MINUTES:
        raise ConfigError(
            f"{path}: auto_lock_minutes must be between 1 and {MAX_AUTO_LOCK_MINUTES}"
        )
    return settings


def _whole_number(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name} must be a whole number of minutes")
    return value


def _checked_hub(path: Path, hub: HubSettings) -> HubSettings:
    if hub.mode not in HUB_MODES:
        raise ConfigError(f"{path}: hub.mode must be 'embedded' or 'hosted'")
    if hub.url is not None:
        try:
            hub = replace(hub, url=hub_address(hub.url))
        except ValueError as error:
            raise ConfigError(f"{path}: hub.url: {error}") from None
    if hub.mode == "hosted" and hub.url is None:
        raise ConfigError(
            f"{path}: hub.url must give the hosted hub's address (https://…) when hub.mode is "
            "'hosted'"
        )
    return hub
