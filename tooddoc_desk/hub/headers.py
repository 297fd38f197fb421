"""Security headers on every response the hub sends, errors and websocket handshakes included.

The Content-Security-Policy allows the page's own script and style sheet and nothing else: no
inline script or style, no third-party origin, no framing. `connect-src 'self'` also covers the
signaling websocket on the same host (CSP Level 3 lets 'self' match ws:/wss: of the page's host;
the browser test checks that Chromium reports no violation).
"""

from __future__ import annotations

from aiohttp import web

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob: mediastream:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(self), microphone=(self), geolocation=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "X-Robots-Tag": "noindex, nofollow",
}

HSTS = "max-age=31536000"


def cache_control(path: str) -> str:
    """Links (/c/), API answers and the rest are never stored; the page's files are revalidated."""
    if path.startswith("/static/"):
        return "no-cache"
    return "no-store"


def install(app: web.Application, *, https: bool) -> None:
    """Adds the headers to every response `app` prepares."""

    async def add_headers(request: web.Request, response: web.StreamResponse) -> None:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers["Cache-Control"] = cache_control(request.path)
        if https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)

    app.on_response_prepare.append(add_headers)
