"""The patient page: the same HTML for every link, and its few static files.

The files are read once when the hub starts (a missing file stops the start, not a patient) and
served from memory. Only the files listed here exist under /static/: no directory is exposed.
"""

from __future__ import annotations

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
    content_type: str


class PatientPages:
    def __init__(self, directory: Path) -> None:
        self._page = _Asset((directory / PAGE).read_bytes(), "text/html; charset=utf-8")
        self._static = {
            name: _Asset((directory / name).read_bytes(), content_type)
            for name, content_type in STATIC_FILES.items()
        }

    async def page(self, request: web.Request) -> web.Response:
        """`GET /c/{token}`: the token is not looked at here (the page says hello with it)."""
        return self._respond(self._page)

    async def static(self, request: web.Request) -> web.Response:
        asset = self._static.get(request.match_info["name"])
        if asset is None:
            raise web.HTTPNotFound()
        return self._respond(asset)

    @staticmethod
    def _respond(asset: _Asset) -> web.Response:
        response = web.Response(body=asset.body)
        response.headers["Content-Type"] = asset.content_type
        return response

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/c/{token}", self.page)
        app.router.add_get("/static/{name}", self.static)
