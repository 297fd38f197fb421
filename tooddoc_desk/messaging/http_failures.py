"""What an SMS provider's HTTP failure means for an invite, shared by the provider clients.

- The request never left (no connection, a connect or pool timeout): transient, safe to retry.
- The request left but no answer came back (a read or write timeout, a dropped connection,
  a gateway's 502/504 that lost the provider's answer): `Ambiguous`, never retried blindly.
- 429 and the other 5xx: transient, honouring Retry-After.

httpx's own exceptions are not chained onto these errors: their text and request may hold the
URL, and a listing's URL holds the patient's number.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime
from urllib.parse import urlsplit

import httpx

from tooddoc_desk.messaging.problems import SMS_SERVICE, Reason, sentence
from tooddoc_desk.messaging.retry import parse_retry_after
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=20.0, write=10.0, pool=10.0)
AMBIGUOUS_GATEWAY = frozenset({502, 504})


def transport_failure(error: httpx.TransportError, *, reading: bool = False) -> DeliveryError:
    """The error for a request that got no HTTP answer. A read (`reading`: a listing, a
    status) changes nothing at the provider, so its lost answer is merely transient."""
    if isinstance(error, httpx.ConnectError | httpx.UnsupportedProtocol | httpx.ProxyError):
        return DeliveryError(
            sentence(Reason.UNREACHABLE), transient=True, reason=Reason.UNREACHABLE
        )
    if reading or isinstance(error, httpx.ConnectTimeout | httpx.PoolTimeout):
        return DeliveryError(sentence(Reason.TIMEOUT), transient=True, reason=Reason.TIMEOUT)
    return Ambiguous(service=SMS_SERVICE)


def status_failure(
    response: httpx.Response, now: datetime, code: str | int | None = None, *, reading: bool = False
) -> DeliveryError | None:
    """The error for a 429 or 5xx answer (None for any other status)."""
    retry_after = parse_retry_after(response.headers.get("Retry-After"), now)
    if response.status_code == 429:
        return DeliveryError(
            sentence(Reason.RATE_LIMITED, code=code),
            transient=True,
            retry_after=retry_after,
            reason=Reason.RATE_LIMITED,
        )
    if response.status_code in AMBIGUOUS_GATEWAY and not reading:
        return Ambiguous(service=SMS_SERVICE)
    if response.status_code >= 500:
        return DeliveryError(
            sentence(Reason.PROVIDER_UNAVAILABLE, code=code),
            transient=True,
            retry_after=retry_after,
            reason=Reason.PROVIDER_UNAVAILABLE,
        )
    return None


def require_secure(url: str) -> str:
    """The URL without its trailing slash; https, or plain http only to this machine (tests)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme == "https":
        return url.rstrip("/")
    if parts.scheme == "http" and _is_loopback(host):
        return url.rstrip("/")
    raise ValueError("a provider's API is reached over https")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
