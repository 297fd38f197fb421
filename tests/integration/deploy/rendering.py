"""The deploy/ files as the recipe installs them, rendered for the test's loopback namespace.

Only what cannot be the same here changes, and each change is listed with its reason:

- the placeholders (@HUB_DOMAIN@, @TURN_DOMAIN@, @TURN_SECRET@), as the recipe's sed does:
  the domain is `localhost`, which the test's certificate names;
- file locations the test may not write (/etc/letsencrypt, /etc/coturn/tls, /var/log/nginx,
  /opt/tooddoc-hub) become folders of the test;
- coturn logs to stdout instead of syslog (nothing reads syslog here).

Ports stay as shipped (80, 443, 8765, 3478, 5349): the test owns its network namespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[3]
DEPLOY = REPOSITORY / "deploy"
DOMAIN = "localhost"
PLACEHOLDER = re.compile(r"@[A-Z_]+@")


def render(name: str, replacements: dict[str, str]) -> str:
    """deploy/<name> with `replacements` made (each must occur) and no placeholder left."""
    text = (DEPLOY / name).read_text()
    for old, new in replacements.items():
        assert old in text, f"deploy/{name} no longer holds {old!r}"
        text = text.replace(old, new)
    left = PLACEHOLDER.findall(text)
    assert not left, f"deploy/{name} still has placeholders: {left}"
    return text


def hub_settings(folder: Path) -> Path:
    """deploy/hub.toml.example with the placeholders filled in."""
    path = folder / "hub.toml"
    path.write_text(render("hub.toml.example", {"@HUB_DOMAIN@": DOMAIN, "@TURN_DOMAIN@": DOMAIN}))
    return path


def nginx_site(folder: Path, tls_folder: Path, log_folder: Path) -> Path:
    path = folder / "tooddoc-hub.conf"
    text = render(
        "nginx-tooddoc-hub.conf",
        {
            "/etc/letsencrypt/live/@HUB_DOMAIN@/": f"{tls_folder}/",
            "@HUB_DOMAIN@": DOMAIN,
            "/var/log/nginx/": f"{log_folder}/",
        },
    )
    path.write_text(text)
    return path


def nginx_main(folder: Path, site: Path) -> Path:
    """The part of /etc/nginx/nginx.conf the site needs, with the test's own paths."""
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    path = folder / "nginx.conf"
    path.write_text(
        f"""
user root root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log stderr notice;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    access_log off;
    include {site};
}}
"""
    )
    return path


def coturn_config(folder: Path, tls_folder: Path, secret: str) -> Path:
    path = folder / "turnserver.conf"
    text = render(
        "turnserver.conf",
        {
            "@TURN_DOMAIN@": DOMAIN,
            "@TURN_SECRET@": secret,
            "/etc/coturn/tls/": f"{tls_folder}/",
            "\nsyslog\n": "\nlog-file=stdout\n",
        },
    )
    path.write_text(text)
    return path


@dataclass(frozen=True)
class Unit:
    """What the systemd unit says about starting the hub."""

    exec_start: list[str]
    environment: dict[str, str]  # with %d (the credentials folder) left in
    credentials: dict[str, str]  # credential name → the file it is loaded from


def read_unit() -> Unit:
    exec_start: list[str] = []
    environment: dict[str, str] = {}
    credentials: dict[str, str] = {}
    for line in (DEPLOY / "tooddoc-hub.service").read_text().splitlines():
        key, _, value = line.partition("=")
        if key == "ExecStart":
            exec_start = value.split()
        elif key == "Environment":
            name, _, setting = value.partition("=")
            environment[name] = setting
        elif key == "LoadCredential":
            name, _, source = value.partition(":")
            credentials[name] = source
    return Unit(exec_start, environment, credentials)


def unit_for_verify(folder: Path, hub_command: Path) -> Path:
    """The unit with ExecStart pointing at this checkout's tooddoc-hub (verify wants it)."""
    path = folder / "tooddoc-hub.service"
    text = render(
        "tooddoc-hub.service", {"/opt/tooddoc-hub/venv/bin/tooddoc-hub": str(hub_command)}
    )
    path.write_text(text)
    return path
