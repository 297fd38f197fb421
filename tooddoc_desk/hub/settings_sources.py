"""Where the standalone hub's settings come from: a TOML file, then TOODDOC_HUB_* variables.

Each setting has one key in the file and one variable; a variable wins over the file. A secret
(`turn.secret`, `practice_keys`) may instead name a file that holds it (`turn.secret_file`,
`TOODDOC_HUB_TURN_SECRET_FILE`, …) so that it never sits in a unit file or in the environment:
systemd's LoadCredential= puts such files under $CREDENTIALS_DIRECTORY.

Every value keeps a note of where it came from (`port in /etc/tooddoc-hub/hub.toml`,
`TOODDOC_HUB_PORT`) so that an error names the setting as the person wrote it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ENV_PREFIX = "TOODDOC_HUB_"
FILE_SUFFIX = "_file"


class SettingsError(ValueError):
    """The settings cannot make a hub; the message is one sentence naming the setting."""


@dataclass(frozen=True)
class Spec:
    key: str  # dotted key in the TOML file: "port", "turn.urls"
    secret: bool = False  # may come from a file (`<key>_file`, `<VARIABLE>_FILE`)

    @property
    def variable(self) -> str:
        return ENV_PREFIX + self.key.replace(".", "_").upper()


SPECS: tuple[Spec, ...] = (
    Spec("host"),
    Spec("port"),
    Spec("public_url"),
    Spec("allowed_origins"),
    Spec("trusted_proxies"),
    Spec("room_ttl_seconds"),
    Spec("log_level"),
    Spec("practice_keys", secret=True),
    Spec("turn.urls"),
    Spec("turn.secret", secret=True),
    Spec("turn.credential_lifetime_seconds"),
    Spec("stripe.webhook_secret", secret=True),
)
_BY_KEY = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class Found:
    """One setting's raw value and where it was found (for messages; never the value itself)."""

    value: object
    where: str
    secret_file: Path | None = None  # the file a secret was read from


def gather(config_file: Path | None, environ: Mapping[str, str]) -> dict[str, Found]:
    """Every setting that was given, by key; variables replace what the file says."""
    found: dict[str, Found] = {}
    if config_file is not None:
        found.update(_from_file(config_file))
    found.update(_from_environment(environ))
    return found


def _from_file(path: Path) -> dict[str, Found]:
    try:
        with path.open("rb") as stream:
            document = tomllib.load(stream)
    except OSError as error:
        raise SettingsError(
            f"The config file {path} cannot be read ({error.strerror or error})."
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise SettingsError(f"The config file {path} is not valid TOML: {error}.") from None
    flat: dict[str, object] = {}
    for key, value in document.items():
        if isinstance(value, dict):
            for inner, inner_value in value.items():
                flat[f"{key}.{inner}"] = inner_value
        else:
            flat[key] = value
    given: dict[str, Found] = {}
    for key, value in flat.items():
        spec, from_file = _spec_for_key(key)
        if spec is None:
            raise SettingsError(f"{key} in {path} is not a setting of tooddoc-hub.")
        where = f"{key} in {path}"
        if spec.key in given:
            raise SettingsError(
                f"{path} sets both {spec.key} and {spec.key}{FILE_SUFFIX}: keep one of them."
            )
        if from_file:
            given[spec.key] = _secret_from_file(value, where, relative_to=path.parent)
        else:
            given[spec.key] = Found(value, where)
    return given


def _from_environment(environ: Mapping[str, str]) -> dict[str, Found]:
    given: dict[str, Found] = {}
    for name, value in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX):
            continue
        spec, from_file = _spec_for_variable(name)
        if spec is None:
            raise SettingsError(f"{name} is not a setting of tooddoc-hub.")
        if spec.key in given:
            raise SettingsError(
                f"Both {spec.variable} and {spec.variable}_FILE are set: keep one of them."
            )
        given[spec.key] = (
            _secret_from_file(value, name, relative_to=Path.cwd())
            if from_file
            else Found(value, name)
        )
    return given


def _spec_for_key(key: str) -> tuple[Spec | None, bool]:
    if key in _BY_KEY:
        return _BY_KEY[key], False
    if key.endswith(FILE_SUFFIX):
        spec = _BY_KEY.get(key.removesuffix(FILE_SUFFIX))
        if spec is not None and spec.secret:
            return spec, True
    return None, False


def _spec_for_variable(name: str) -> tuple[Spec | None, bool]:
    for spec in SPECS:
        if name == spec.variable:
            return spec, False
        if spec.secret and name == spec.variable + "_FILE":
            return spec, True
    return None, False


def _secret_from_file(value: object, where: str, *, relative_to: Path) -> Found:
    """Reads a secret from the file `value` names (relative: to the config file's folder, or
    for a variable to the working directory). Surrounding blank space is dropped."""
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(f"{where} must be the path of a file.")
    path = relative_to / value.strip()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise SettingsError(f"{where} names {path}, which cannot be read ({reason}).") from None
    return Found(text.strip(), where, secret_file=path)
