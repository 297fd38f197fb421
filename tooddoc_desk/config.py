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
from tooddoc_desk.provider_settings import (
    EmailSettings,
    SettingError,
    SmsSettings,
    parse_email,
    parse_sms,
)
from tooddoc_desk.storage.atomic_file import write_atomically

APP_NAME = "tooddoc-desk"
SETTINGS_FILE = "settings.json"
DEFAULT_HUB_PORT = 8765
DEFAULT_INVITE_LEAD_MINUTES = 30
# a room lives an hour: the link of a booked consultation must still work at its time
MAX_INVITE_LEAD_MINUTES = 50


class ConfigError(SettingError):
    """settings.json cannot be used: `field` names the setting as the file does (None: the file
    as a whole), `message` says what to fix, in a sentence of the catalog (the window translates
    it); the command line shows "<file>: <field>: <message>"."""

    def __init__(
        self,
        message: str,
        field: str | None = None,
        *,
        path: Path | str = "",
        detail: str | None = None,
    ) -> None:
        super().__init__(field, message, detail)
        self.path = str(path)

    @classmethod
    def of(cls, error: SettingError, path: Path) -> ConfigError:
        return cls(error.message, error.field, path=path, detail=error.detail)

    def __str__(self) -> str:
        said = super().__str__()
        return f"{self.path}: {said}" if self.path else said


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
    """Replaces settings.json whole (a power cut leaves the old or the new file), in UTF-8 on
    every PC (a Windows PC's own encoding would write "Médical" in a way it is not read back)."""
    text = json.dumps(asdict(settings), indent=2, ensure_ascii=False) + "\n"
    write_atomically(folder / SETTINGS_FILE, text.encode("utf-8"))


def _parse_settings(path: Path) -> Settings:
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(
            "The settings file cannot be read.", path=path, detail=str(error)
        ) from None
    return settings_from(raw, path)


def checked(settings: Settings) -> Settings:
    """`settings` as they would be read back from settings.json: ConfigError (a sentence, and
    the field it is about) for a value the app cannot use."""
    return settings_from(json.loads(json.dumps(asdict(settings))), Path(SETTINGS_FILE))


def settings_from(raw: Any, path: Path) -> Settings:
    """Settings from the JSON object of settings.json (`path` names it in messages)."""
    if not isinstance(raw, dict):
        raise ConfigError("The settings file must hold one section in braces ({…}).", path=path)
    defaults = Settings()
    try:
        language = Language(raw.get("language", defaults.language))
    except ValueError:
        raise ConfigError("The language is fr, nl, en or de.", "language", path=path) from None
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
            language=language,
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
    except SettingError as error:
        raise ConfigError.of(error, path) from None
    except (AttributeError, TypeError, ValueError) as error:
        raise ConfigError(
            "A setting has a value of the wrong kind (text, a number, or a section in braces).",
            path=path,
            detail=str(error),
        ) from None
    try:
        settings = replace(
            settings, sms=parse_sms(raw.get("sms")), email=parse_email(raw.get("email"))
        )
    except SettingError as error:
        raise ConfigError.of(error, path) from None
    try:
        settings = replace(settings, billing=parse_billing(raw.get("billing")))
    except ValueError as error:
        raise ConfigError(
            "The billing table (codes and fees for the export) cannot be used.",
            "billing",
            path=path,
            detail=str(error),
        ) from None
    if not 1 <= len(settings.practice_name) <= 80:
        raise ConfigError(
            "The practice's name, shown to patients, has 1 to 80 characters.",
            "practice_name",
            path=path,
        )
    if not 0 <= settings.hub.port <= 65535:
        raise ConfigError(
            "The built-in hub's port is a number from 0 to 65535.", "hub.port", path=path
        )
    settings = replace(settings, hub=_checked_hub(path, settings.hub))
    if settings.video_source not in ("auto", "test-pattern"):
        raise ConfigError(
            "The video comes from the camera (auto) or a test picture (test-pattern).",
            "video_source",
            path=path,
        )
    if not 1 <= settings.invite_lead_minutes <= MAX_INVITE_LEAD_MINUTES:
        raise ConfigError(
            f"Booked links leave 1 to {MAX_INVITE_LEAD_MINUTES} minutes before their time: a "
            "link works for an hour, so it must still work at the booked time.",
            "invite_lead_minutes",
            path=path,
        )
    if not 1 <= settings.auto_lock_minutes <= MAX_AUTO_LOCK_MINUTES:
        raise ConfigError(
            f"The screen locks after 1 to {MAX_AUTO_LOCK_MINUTES} minutes without a key press "
            "or a click.",
            "auto_lock_minutes",
            path=path,
        )
    return settings


def _whole_number(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingError(name, "Give a whole number of minutes.")
    return value


def _checked_hub(path: Path, hub: HubSettings) -> HubSettings:
    if hub.mode not in HUB_MODES:
        raise ConfigError(
            "The hub is the built-in one (embedded) or the practice's hosted hub (hosted).",
            "hub.mode",
            path=path,
        )
    if hub.url is not None:
        try:
            hub = replace(hub, url=hub_address(hub.url))
        except ValueError as error:
            raise ConfigError(
                "The hub's address is an https address alone, such as https://hub.example.be "
                "(plain http only for a hub on this computer).",
                "hub.url",
                path=path,
                detail=str(error),
            ) from None
    if hub.mode == "hosted" and hub.url is None:
        raise ConfigError(
            "The hosted hub needs its address, such as https://hub.example.be.",
            "hub.url",
            path=path,
        )
    return hub
