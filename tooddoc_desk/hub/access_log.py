"""An access log that cannot leak a link: paths are logged by route, tokens replaced by `…`.

A patient link is `/c/<token>`; the token is a secret. The log writes the route a request matched
with its secret parts elided (`/c/…`), and never the raw path of a request that matched no route
(a mistyped link still holds a token). No query string, no client address, no headers.
"""

from __future__ import annotations

import re

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web_urldispatcher import UrlMappingMatchInfo

ELIDED = "…"
_SECRET_PARTS = {"token"}  # route placeholders whose value is a secret
_PLACEHOLDER = re.compile(r"\{(\w+)(?::[^}]*)?\}")
_LINK = re.compile(r"(^|/)c/[^/?#]*")


def redact_path(path: str) -> str:
    """`/c/<token>` → `/c/…`, wherever a `c/` segment appears; the query string is dropped."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    return _LINK.sub(lambda m: f"{m.group(1)}c/{ELIDED}", path)


def logged_path(request: web.BaseRequest) -> str:
    """The route the request matched with secret placeholders elided, or `<unmatched>`."""
    match_info = _match_info(request)
    if match_info is None:
        return "<unmatched>"
    route = match_info.route
    resource = route.resource
    if resource is None or match_info.http_exception is not None:
        return "<unmatched>"
    canonical = resource.canonical

    def fill(found: re.Match[str]) -> str:
        name = found.group(1)
        if name in _SECRET_PARTS:
            return ELIDED
        return redact_path(match_info.get(name, ELIDED))

    return redact_path(_PLACEHOLDER.sub(fill, canonical))


def _match_info(request: web.BaseRequest) -> UrlMappingMatchInfo | None:
    """The request's route, or None for a request refused before routing (a malformed one:
    aiohttp answers it with a web.Request that was never routed, whose match_info asserts)."""
    if not isinstance(request, web.Request):
        return None
    try:
        return request.match_info
    except AssertionError:
        return None


class RedactedAccessLogger(AbstractAccessLogger):
    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info(
            "%s %s %d %d %.1fms",
            request.method,
            logged_path(request),
            response.status,
            response.body_length,
            time * 1000.0,
        )
