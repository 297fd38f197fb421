"""The standalone hub's settings (`tooddoc-hub`): read, checked, and turned into a HubConfig.

    settings = load_settings(Path("/etc/tooddoc-hub/hub.toml"), os.environ)
    hub = await start_hub(settings.hub_config())
    print(settings.describe())          # secrets masked

settings_sources.py says where values come from; this module says what they must be. Every
refusal is a SettingsError with one sentence that names the setting as it was written.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from tooddoc_desk.hub.config import MAX_ROOM_TTL, MIN_ROOM_TTL, HubConfig, base_url_origin
from tooddoc_desk.hub.ice import TurnRestServer
from tooddoc_desk.hub.settings_sources import SPECS, Found, SettingsError, gather

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MIN_SECRET_CHARS = 32  # practice keys and the TURN secret: `tooddoc-hub --new-key` makes 43
MAX_LABEL_CHARS = 80
LOG_LEVELS = ("debug", "info", "warning", "error")
_LIST_SEPARATORS = re.compile(r"[,\s]+")

__all__ = ["Practice", "SettingsError", "StandaloneSettings", "is_loopback_host", "load_settings"]


@dataclass(frozen=True)
class Practice:
    """A practice allowed to create rooms: its label (for people) and its key (a secret)."""

    label: str
    key: str = field(repr=False)

    @property
    def fingerprint(self) -> str:
        """A short digest that tells keys apart without showing them."""
        return "sha256:" + hashlib.sha256(self.key.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class StandaloneSettings:
    host: str
    port: int
    public_url: str | None
    allowed_origins: tuple[str, ...]
    trusted_proxies: tuple[str, ...]
    room_ttl: timedelta
    log_level: str
    practices: tuple[Practice, ...] = field(repr=False)
    turn: TurnRestServer | None = field(repr=False)
    stripe_webhook_secret: str | None = field(repr=False, default=None)
    sources: Mapping[str, Found] = field(repr=False, default_factory=dict)

    def hub_config(self) -> HubConfig:
        return HubConfig(
            host=self.host,
            port=self.port,
            public_base_url=self.public_url,
            api_keys=tuple(practice.key for practice in self.practices),
            practice_labels=tuple(practice.label for practice in self.practices),
            turn=self.turn,
            room_ttl=self.room_ttl,
            allowed_origins=self.allowed_origins,
            trusted_proxies=self.trusted_proxies,
            stripe_webhook_secret=self.stripe_webhook_secret,
        )

    def describe(self) -> str:
        """The effective settings, one a line, with where each came from; secrets masked."""
        rows = [
            ("host", self.host),
            ("port", str(self.port)),
            ("public_url", self.public_url or "(none: http://<host>:<port>)"),
            ("allowed_origins", ", ".join(self.allowed_origins) or "(none)"),
            ("trusted_proxies", ", ".join(self.trusted_proxies) or "(none)"),
            ("room_ttl_seconds", str(int(self.room_ttl.total_seconds()))),
            ("log_level", self.log_level),
            ("turn.urls", ", ".join(self.turn.urls) if self.turn else "(none: no TURN server)"),
        ]
        if self.turn is not None:
            secret = self.turn.shared_secret
            rows.append(("turn.secret", f"******** ({len(secret)} characters)"))
            lifetime = int(self.turn.lifetime.total_seconds())
            rows.append(("turn.credential_lifetime_seconds", str(lifetime)))
        rows.append(("practice_keys", f"{len(self.practices)} practice(s)"))
        webhook = "******** (POST /stripe/webhook)" if self.stripe_webhook_secret else None
        rows.append(("stripe.webhook_secret", webhook or "(none: no Stripe webhook)"))
        width = max(len(name) for name, _ in rows)
        lines = ["tooddoc-hub settings:"]
        for name, value in rows:
            found = self.sources.get(name)
            origin = f"   [{_origin(found)}]" if found else "   [default]"
            lines.append(f"  {name:<{width}}  {value}{origin}")
        for practice in self.practices:
            lines.append(f"    - {practice.label}: key ******** {practice.fingerprint}")
        return "\n".join(lines)


def _origin(found: Found) -> str:
    if found.secret_file is not None:
        return f"{found.where}: {found.secret_file}"
    return found.where


def load_settings(config_file: Path | None, environ: Mapping[str, str]) -> StandaloneSettings:
    """Reads the file (if any) and the variables; raises SettingsError on the first problem."""
    found = gather(config_file, environ)
    host = _text(found.get("host")) or DEFAULT_HOST
    port = _whole(found["port"], 1, 65535) if "port" in found else DEFAULT_PORT
    public_url = _public_url(found.get("public_url"))
    _require_public_url_off_loopback(host, found)
    turn_urls = _list(found.get("turn.urls"))
    settings = StandaloneSettings(
        host=host,
        port=port,
        public_url=public_url,
        allowed_origins=_origins(found.get("allowed_origins")),
        trusted_proxies=_proxies(found.get("trusted_proxies")),
        room_ttl=_room_ttl(found.get("room_ttl_seconds")),
        log_level=_log_level(found.get("log_level")),
        practices=_practices(found.get("practice_keys")),
        turn=_turn(turn_urls, found),
        stripe_webhook_secret=_webhook_secret(found.get("stripe.webhook_secret")),
        sources={spec.key: found[spec.key] for spec in SPECS if spec.key in found},
    )
    try:
        settings.hub_config()
    except ValueError as error:  # the checks above should have said it first
        raise SettingsError(f"These settings do not make a hub: {error}.") from None
    return settings


def is_loopback_host(host: str) -> bool:
    """127.0.0.0/8, ::1 and `localhost`: reachable only from this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


# --- one setting at a time --------------------------------------------------------------------


def _text(found: Found | None) -> str | None:
    if found is None:
        return None
    if not isinstance(found.value, str) or not found.value.strip():
        raise SettingsError(f"{found.where} must be a non-empty text.")
    return found.value.strip()


def _whole(found: Found, low: int, high: int) -> int:
    value = found.value
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if type(value) is not int or not low <= value <= high:
        raise SettingsError(f"{found.where} must be a whole number from {low} to {high}.")
    return value


def _list(found: Found | None) -> list[str]:
    if found is None:
        return []
    value = found.value
    if isinstance(value, str):
        return [item for item in _LIST_SEPARATORS.split(value) if item]
    if isinstance(value, list) and all(isinstance(item, str) and item for item in value):
        return [item.strip() for item in value]
    raise SettingsError(f"{found.where} must be a list of texts.")


def _public_url(found: Found | None) -> str | None:
    url = _text(found)
    if found is None or url is None:
        return None
    parts = urlsplit(url)
    hostname = parts.hostname or ""
    secure = parts.scheme == "https" or (parts.scheme == "http" and is_loopback_host(hostname))
    if not secure or not hostname:
        raise SettingsError(
            f"{found.where} must be an https address such as https://hub.example.be "
            "(plain http only for 127.0.0.1, ::1 or localhost): browsers open the camera "
            "only on a secure page."
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise SettingsError(
            f"{found.where} must be the site's address alone, without a path, query or "
            "credentials (https://hub.example.be)."
        )
    return base_url_origin(url)


def _require_public_url_off_loopback(host: str, found: Mapping[str, Found]) -> None:
    if is_loopback_host(host):
        return
    where = found["host"].where
    public = found.get("public_url")
    if public is None:
        raise SettingsError(
            f"{where} is {host}, which other machines can reach: set public_url "
            "(TOODDOC_HUB_PUBLIC_URL) to the https address patients use."
        )
    if not str(public.value).strip().startswith("https://"):
        raise SettingsError(
            f"{where} is {host}, which other machines can reach: {public.where} must then be "
            "an https address."
        )


def _origins(found: Found | None) -> tuple[str, ...]:
    origins = []
    for url in _list(found):
        try:
            origin = base_url_origin(url)
        except ValueError:
            origin = ""
        if not origin or urlsplit(url).path not in ("", "/"):
            assert found is not None
            raise SettingsError(
                f"{found.where} must list web origins such as https://www.example.be "
                f"({url!r} is not one)."
            )
        origins.append(origin)
    return tuple(origins)


def _proxies(found: Found | None) -> tuple[str, ...]:
    proxies = _list(found)
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError:
            assert found is not None
            raise SettingsError(
                f"{found.where} must list IP addresses or networks ({proxy!r} is not one)."
            ) from None
    return tuple(proxies)


def _room_ttl(found: Found | None) -> timedelta:
    if found is None:
        return timedelta(hours=1)
    low, high = int(MIN_ROOM_TTL.total_seconds()), int(MAX_ROOM_TTL.total_seconds())
    return timedelta(seconds=_whole(found, low, high))


def _log_level(found: Found | None) -> str:
    level = (_text(found) or "info").lower()
    if level not in LOG_LEVELS:
        assert found is not None
        raise SettingsError(f"{found.where} must be one of {', '.join(LOG_LEVELS)}.")
    return level


def _secret_source(found: Found) -> str:
    if found.secret_file is not None:
        return f"the file {found.secret_file} ({found.where})"
    return found.where


def _turn(urls: list[str], found: Mapping[str, Found]) -> TurnRestServer | None:
    secret = found.get("turn.secret")
    lifetime = found.get("turn.credential_lifetime_seconds")
    if not urls:
        for given in (secret, lifetime):
            if given is not None:
                raise SettingsError(
                    f"{given.where} is set but turn.urls (TOODDOC_HUB_TURN_URLS) is not."
                )
        return None
    if secret is None:
        raise SettingsError(
            f"{found['turn.urls'].where} is set but not its shared secret: set turn.secret_file "
            "(TOODDOC_HUB_TURN_SECRET_FILE), the file holding coturn's static-auth-secret."
        )
    for url in urls:
        if not url.startswith(("turn:", "turns:")):
            raise SettingsError(
                f"{found['turn.urls'].where} must list turn: or turns: addresses ({url!r} "
                "is not one)."
            )
    text = secret.value if isinstance(secret.value, str) else ""
    if len(text) < MIN_SECRET_CHARS or any(c.isspace() for c in text):
        raise SettingsError(
            f"The TURN secret in {_secret_source(secret)} must have at least "
            f"{MIN_SECRET_CHARS} characters and no spaces (make one with: openssl rand -hex 32)."
        )
    seconds = _whole(lifetime, 300, 86400) if lifetime is not None else 4 * 3600
    return TurnRestServer(tuple(urls), text, timedelta(seconds=seconds))


def _webhook_secret(found: Found | None) -> str | None:
    if found is None:
        return None
    text = found.value.strip() if isinstance(found.value, str) else ""
    if not text.startswith("whsec_") or len(text) < 16 or _has_control(text):
        raise SettingsError(
            f"The Stripe webhook secret in {_secret_source(found)} is not an endpoint's signing "
            "secret (whsec_…, shown with the endpoint in Stripe's dashboard)."
        )
    return text


def _practices(found: Found | None) -> tuple[Practice, ...]:
    if found is None:
        raise SettingsError(
            "No practice key is configured: set practice_keys_file "
            "(TOODDOC_HUB_PRACTICE_KEYS_FILE) to a file with one line per practice, "
            "'<key> <practice name>' (make a key with: tooddoc-hub --new-key)."
        )
    if not isinstance(found.value, str):
        raise SettingsError(f"{found.where} must be text, one '<key> <practice name>' a line.")
    source = _secret_source(found)
    practices: list[Practice] = []
    for number, raw_line in enumerate(found.value.splitlines(), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        key, label = (*line.split(maxsplit=1), "")[:2]
        label = label.strip()
        if len(key) < MIN_SECRET_CHARS:
            raise SettingsError(
                f"Line {number} of {source} must start with a key of at least "
                f"{MIN_SECRET_CHARS} characters (make one with: tooddoc-hub --new-key)."
            )
        if not 1 <= len(label) <= MAX_LABEL_CHARS or _has_control(label):
            raise SettingsError(
                f"Line {number} of {source} must name its practice after the key "
                f"(1 to {MAX_LABEL_CHARS} printable characters)."
            )
        if any(p.key == key for p in practices) or any(p.label == label for p in practices):
            raise SettingsError(f"Line {number} of {source} repeats a key or a practice name.")
        practices.append(Practice(label, key))
    if not practices:
        raise SettingsError(f"{source} holds no practice key ('<key> <practice name>' a line).")
    return tuple(practices)


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in text)
