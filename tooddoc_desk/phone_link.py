"""`tooddoc:` links, for phone systems that open a URL on an incoming call.

    tooddoc:+32470123456            tooddoc:0470%2012%2034%2056
    tooddoc://call/+32470123456     tooddoc:?number=0470123456   (or contact=…)

The operating system runs `tooddoc-desk URL`; the link becomes `--incoming CONTACT`, so the
running app comes forward with the caller filled in (or the app starts with it).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import parse_qs, unquote, urlsplit

SCHEME = "tooddoc"
MAX_LINK = 2000


class PhoneLinkError(ValueError):
    pass


def is_phone_link(argument: str) -> bool:
    return argument.lower().startswith(SCHEME + ":")


def caller_in(link: str) -> str:
    """The number or address a `tooddoc:` link carries; PhoneLinkError if it carries none."""
    if len(link) > MAX_LINK:
        raise PhoneLinkError("The tooddoc: link is too long to hold a phone number.")
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    for name in ("number", "contact"):
        if query.get(name):
            return query[name][0].strip()
    path = parts.path
    if parts.netloc and parts.netloc != "call":
        path = parts.netloc + path  # tooddoc://0470123456
    contact = unquote(path).strip().strip("/")
    if not contact:
        raise PhoneLinkError("The tooddoc: link holds no phone number (tooddoc:+32470123456).")
    return contact


def with_phone_link_as_incoming(argv: Sequence[str]) -> list[str]:
    """The command line with a `tooddoc:` link turned into `--incoming CONTACT`."""
    out: list[str] = []
    for argument in argv:
        if is_phone_link(argument):
            out += ["--incoming", caller_in(argument)]
        else:
            out.append(argument)
    return out
