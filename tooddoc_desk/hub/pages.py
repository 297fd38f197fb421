"""The patient page: the same HTML for every link, and its few static files.

The files are read once when the hub starts (a missing file stops the start, not a patient) and
served from memory. Only the files listed here exist under /static/: no directory is exposed.

A patient is often on a phone's mobile data: each file is also kept gzipped (about a quarter of
its size) and sent so to a browser that accepts it, and carries an ETag, so that a page opened
again (a reload, the link opened a second time) revalidates its files with a 304 instead of
downloading them. The files hold nothing of a patient or a link (the HTML is the same for every
token), so compressing them reveals nothing.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

PAGE = "index.html"
STATIC_FILES: dict[str, str] = {
    "strings.js": "text/javascript; charset=utf-8",
    "patient.js": "text/javascript; charset=utf-8",
    "patient.css": "text/css; charset=utf-8",
    "icon.svg": "image/svg+xml",
}


@dataclass(frozen=True)
class _Asset:
    body: bytes
    gzipped: bytes | None  # None when gzip would not make it smaller
    content_type: str
    etag: str

    @classmethod
    def read(cls, path: Path, content_type: str) -> _Asset:
        body = path.read_bytes()
        gzipped = gzip.compress(body, compresslevel=9, mtime=0)
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        return cls(body, gzipped if len(gzipped) < len(body) else None, content_type, etag)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header (RFC 9110, 12.5.3) allows gzip: named (or `*`)
    without q=0."""
    allowed: dict[str, bool] = {}
    for item in accept_encoding.split(","):
        coding, *parameters = (part.strip() for part in item.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding:
            allowed[coding.lower()] = quality > 0
    return allowed.get("gzip", allowed.get("x-gzip", allowed.get("*", False)))


def _matches(if_none_match: str, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak comparison, RFC 9110, 13.1.2)."""
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


class PatientPages:
    def __init__(self, directory: Path) -> None:
        self._page = _Asset.read(directory / PAGE, "text/html; charset=utf-8")
        self._static = {
            name: _Asset.read(directory / name, content_type)
            for name, content_type in STATIC_FILES.items()
        }

    async def page(self, request: web.Request) -> web.Response:
        """`GET /c/{token}`: the token is not looked at here (the page says hello with it)."""
        return self._respond(request, self._page)

    async def static(self, request: web.Request) -> web.Response:
        asset = self._static.get(request.match_info["name"])
        if asset is None:
            raise web.HTTPNotFound()
        return self._respond(request, asset)

    @staticmethod
    def _respond(request: web.Request, asset: _Asset) -> web.Response:
        headers = {"ETag": asset.etag, "Vary": "Accept-Encoding"}
        if _matches(request.headers.get("If-None-Match", ""), asset.etag):
            return web.Response(status=304, headers=headers)
        headers["Content-Type"] = asset.content_type
        body = asset.body
        if asset.gzipped is not None and accepts_gzip(request.headers.get("Accept-Encoding", "")):
            body = asset.gzipped
            headers["Content-Encoding"] = "gzip"
        return web.Response(body=body, headers=headers)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/c/{token}", self.page)
        app.router.add_get("/static/{name}", self.static)
