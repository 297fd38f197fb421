"""Chooses the OS keyring backend explicitly, never through keyring's automatic fallback.

On a Linux box without a Secret Service, keyring's own choice falls to a plain-text file (with
keyrings.alt installed) or to a backend that prompts on stdin. So the app names its backend:

1. a backend given by dotted class path (`TOODDOC_KEYRING_BACKEND`, or the app's setting);
   tests use this to select a keyring of their own;
2. otherwise the platform's: Windows Credential Locker, the macOS Keychain, or on Linux the
   Secret Service, only if it is really there (its `priority` raises without D-Bus or a daemon);
3. otherwise None: the caller protects the store with a passphrase instead.

Plain-text, prompting, chaining and null backends are refused even when named explicitly.
The returned backend is used directly; keyring's global default is neither read nor set.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from collections.abc import Mapping

from keyring.backend import KeyringBackend

from tooddoc_desk.storage.errors import KeyringChoiceError

ENV_VAR = "TOODDOC_KEYRING_BACKEND"
log = logging.getLogger(__name__)

PLATFORM_BACKENDS: dict[str, str] = {
    "win32": "keyring.backends.Windows.WinVaultKeyring",
    "darwin": "keyring.backends.macOS.Keyring",
    "linux": "keyring.backends.SecretService.Keyring",
}

# Backends that keep secrets in plain (or base64) text, ask for a password on stdin, fail on
# every call, or defer to whatever else is installed.
_REFUSED_MODULES = (
    "keyrings.alt",
    "keyring.backends.null",
    "keyring.backends.fail",
    "keyring.backends.chainer",
)
_REFUSED_CLASS_WORDS = ("plaintext", "encrypted", "null", "chainer", "fail", "prompt")


def choose_keyring(
    explicit: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
) -> KeyringBackend | None:
    """The keyring backend to use, or None when this machine has no usable OS keyring.

    Raises KeyringChoiceError when an explicitly named backend is unknown, unusable or unsafe:
    a setting that cannot be honoured is an error, not a reason to fall back silently.
    """
    named = explicit or (os.environ if environ is None else environ).get(ENV_VAR, "").strip()
    if named:
        backend_class = _load(named)
        if backend_class is None:
            raise KeyringChoiceError(f"The keyring backend {named} cannot be loaded.")
        if not _is_usable(backend_class):
            raise KeyringChoiceError(f"The keyring backend {named} cannot be used here.")
        return backend_class()
    platform_name = _platform_key(platform or sys.platform)
    path = PLATFORM_BACKENDS.get(platform_name)
    if path is None:
        return None
    backend_class = _load(path)
    if backend_class is None or not _is_usable(backend_class):
        return None
    return backend_class()


def is_refused(backend_class: type) -> bool:
    """Whether a backend class is one the store never uses (plain text, prompting, …)."""
    module = backend_class.__module__
    if any(module == prefix or module.startswith(prefix + ".") for prefix in _REFUSED_MODULES):
        return True
    name = backend_class.__name__.lower()
    return any(word in name for word in _REFUSED_CLASS_WORDS)


def _platform_key(platform: str) -> str:
    return "linux" if platform.startswith("linux") else platform


def _load(dotted: str) -> type[KeyringBackend] | None:
    module_name, _, class_name = dotted.rpartition(".")
    if not module_name:
        return None
    if any(module_name == m or module_name.startswith(m + ".") for m in _REFUSED_MODULES):
        raise _refused(dotted)
    try:
        candidate = getattr(importlib.import_module(module_name), class_name)
    except Exception as error:  # ImportError, AttributeError, a backend failing at import
        log.debug("keyring backend %s not loaded: %s", dotted, type(error).__name__)
        return None
    if not isinstance(candidate, type) or not issubclass(candidate, KeyringBackend):
        return None
    if is_refused(candidate):
        raise _refused(dotted)
    return candidate


def _refused(dotted: str) -> KeyringChoiceError:
    return KeyringChoiceError(
        f"The keyring backend {dotted} stores secrets in plain text, asks for them on the "
        "console or defers to another backend; it is never used for the consultation records."
    )


def _is_usable(backend_class: type[KeyringBackend]) -> bool:
    try:
        priority = backend_class.priority
    except Exception:  # keyring's convention: priority raises when the backend cannot work here
        return False
    return isinstance(priority, int | float)
