"""docs/deploy-hub.md, tested: the files under deploy/ run as the recipe installs them.

Inside the test's loopback-only namespace: a certificate of the test's own authority for
`localhost`; the hub started as the systemd unit starts it (its ExecStart, its Environment,
its credentials, deploy/hub.toml.example, and the unit's NoNewPrivileges and
MemoryDenyWriteExecute applied by the kernel); Debian's nginx with deploy/nginx-tooddoc-hub.conf
on ports 80 and 443; coturn with deploy/turnserver.conf. Then, through TLS: the patient page and
its headers, the signaling websocket, the redirect from http, the per-client limits behind the
proxy, the logs, the app itself; and coturn taking the hub's credentials.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import httpx
import pytest
from aioice import stun, turn
from PySide6.QtWidgets import QApplication

from tests.helpers.accounts import open_desk
from tests.helpers.aio import async_test, until
from tests.helpers.hosted_app import (
    PRACTICE,
    NoPrompts,
    hosted_config,
    patient_hello,
    run_on_qasync,
    send_invite,
)
from tests.helpers.hub_process import HubProcess, hub_command, standalone_hub
from tests.helpers.keyring_backend import FolderKeyring
from tests.helpers.logged_process import LoggedProcess
from tests.helpers.network import require_loopback_only
from tests.helpers.tls import Tls, make_tls
from tests.integration.deploy import sandbox
from tests.integration.deploy.rendering import (
    DEPLOY,
    DOMAIN,
    coturn_config,
    hub_settings,
    nginx_main,
    nginx_site,
    read_unit,
    unit_for_verify,
)
from tooddoc_desk.app import App
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.tokens import new_token
from tooddoc_desk.hub import HubClient, HubConfig, HubRefused
from tooddoc_desk.hub.headers import CONTENT_SECURITY_POLICY
from tooddoc_desk.hub_keys import save_key
from tooddoc_desk.services.store_access import open_store

pytestmark = [pytest.mark.netns]

BASE = f"https://{DOMAIN}"
KEY = new_token()
TURN_SECRET = new_token()  # 43 characters, as `openssl rand -hex 32` gives 64


@dataclass
class Deployment:
    hub: HubProcess
    nginx: LoggedProcess
    tls: Tls
    logs: Path
    credentials: Path

    def http(self, local_address: str | None = None) -> httpx.AsyncClient:
        transport = httpx.AsyncHTTPTransport(
            verify=self.tls.client_context(), local_address=local_address
        )
        return httpx.AsyncClient(transport=transport, follow_redirects=False)

    def session(self) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=self.tls.client_context()))


def start_nginx(folder: Path, tls: Tls, logs: Path) -> LoggedProcess:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    main = nginx_main(folder, nginx_site(folder, tls.folder, logs))
    checked = subprocess.run(
        [nginx, "-t", "-c", str(main), "-e", "stderr"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "[warn]" not in checked.stderr, checked.stderr
    service = LoggedProcess.start([nginx, "-c", main, "-e", "stderr", "-g", "daemon off;"])
    service.wait_for_line("start worker process")
    return service


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    require_loopback_only()
    root = tmp_path_factory.mktemp("deploy")
    tls = make_tls(root / "tls")
    logs = root / "logs"
    logs.mkdir()
    unit = read_unit()
    assert unit.exec_start[1:] == ["--config", "/etc/tooddoc-hub/hub.toml"]
    assert unit.credentials == {
        "practice-keys": "/etc/tooddoc-hub/practice-keys",
        "turn-secret": "/etc/tooddoc-hub/turn-secret",
    }
    credentials = root / "credentials"  # what systemd makes of LoadCredential= (%d)
    credentials.mkdir(mode=0o700)
    (credentials / "practice-keys").write_text(f"{KEY} {PRACTICE}\n")
    (credentials / "turn-secret").write_text(TURN_SECRET + "\n")
    env = {name: value.replace("%d", str(credentials)) for name, value in unit.environment.items()}
    launcher: list[str | Path] = []
    if sandbox.kernel_has_mdwe():
        launcher = [sys.executable, Path(sandbox.__file__)]
    with standalone_hub(
        root,
        port=8765,
        public_url=BASE,
        key=KEY,
        env=env,
        config=hub_settings(root),
        launcher=launcher,
    ) as hub:
        nginx = start_nginx(root, tls, logs)
        try:
            yield Deployment(hub, nginx, tls, logs, credentials)
        finally:
            status = nginx.stop(signal.SIGQUIT)  # nginx's graceful stop
        assert status == 0, nginx.text()
    assert hub.problems() == []


@async_test
async def test_the_patient_page_comes_through_tls_with_its_security_headers(
    deployment: Deployment,
) -> None:
    async with deployment.http() as http:
        invite = await HubClient(http, BASE, KEY).create_room(PRACTICE, Language.FR)
        assert invite.patient_url.startswith(f"{BASE}/c/")
        page = await http.get(invite.patient_url)
        assert page.status_code == 200
        assert page.http_version == "HTTP/1.1"
        assert page.headers.get_list("Strict-Transport-Security") == ["max-age=31536000"]
        assert page.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert page.headers["X-Frame-Options"] == "DENY"
        assert page.headers["Cache-Control"] == "no-store"
        assert page.headers["Server"] == "nginx"  # no version
        script = await http.get(f"{BASE}/static/patient.js")
        assert script.status_code == 200
        assert script.headers.get_list("Strict-Transport-Security") == ["max-age=31536000"]
        down = await http.get(f"{BASE}/static/../../etc/passwd")
        assert down.status_code == 404


@async_test
async def test_plain_http_is_redirected_to_https(deployment: Deployment) -> None:
    async with httpx.AsyncClient(follow_redirects=False) as http:
        answer = await http.get(f"http://{DOMAIN}/c/some-link?lang=nl")
        assert answer.status_code == 301
        assert answer.headers["Location"] == f"{BASE}/c/some-link?lang=nl"
        api = await http.post(f"http://{DOMAIN}/api/rooms")
        assert api.status_code == 301
        challenge = await http.get(f"http://{DOMAIN}/.well-known/acme-challenge/absent")
        assert challenge.status_code == 404  # served from the webroot, not redirected


@async_test
async def test_signaling_goes_through_the_proxy(deployment: Deployment) -> None:
    async with deployment.http() as http, deployment.session() as session:
        invite = await HubClient(http, BASE, KEY).create_room(PRACTICE, Language.NL)
        token = invite.patient_url.rsplit("/c/", 1)[1]
        ws_url = f"wss://{DOMAIN}/ws"
        async with (
            session.ws_connect(ws_url) as practitioner,
            session.ws_connect(ws_url, headers={"Origin": BASE}) as patient,
        ):
            await practitioner.send_json(
                {
                    "type": "hello",
                    "v": 1,
                    "role": "practitioner",
                    "token": invite.practitioner_token,
                }
            )
            welcome = await practitioner.receive_json(timeout=5)
            assert (welcome["type"], welcome["role"]) == ("welcome", "practitioner")
            await patient.send_json({"type": "hello", "v": 1, "role": "patient", "token": token})
            patient_welcome = await patient.receive_json(timeout=5)
            assert patient_welcome["practice_name"] == PRACTICE
            turn_servers = [s for s in patient_welcome["ice_servers"] if "username" in s]
            assert len(turn_servers) == 1
            assert turn_servers[0]["urls"][-1] == f"turns:{DOMAIN}:5349?transport=tcp"
            await patient.send_json({"type": "join"})
            seen = [(await practitioner.receive_json(timeout=5))["type"] for _ in range(2)]
            assert seen == ["patient_opened", "patient_waiting"]
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            async with session.ws_connect(ws_url, headers={"Origin": "https://evil.example"}):
                pass
        assert refused.value.status == 403


@async_test
async def test_failures_are_counted_per_client_behind_the_proxy(deployment: Deployment) -> None:
    """nginx says who the client is; the hub (trusted_proxies) believes nginx, not the client."""
    limit = HubConfig().limits.failed_lookups_per_minute
    base = "https://127.0.0.1"  # IPv4, to choose the client's address
    async with deployment.http("127.0.0.2") as guesser, deployment.http("127.0.0.3") as other:
        wrong = HubClient(guesser, base, "a-wrong-practice-key-0123456789")
        for _ in range(limit):
            with pytest.raises(HubRefused, match="unauthorized"):
                await wrong.whoami()
        spoofed = await guesser.get(
            f"{base}/api/whoami",
            headers={"Authorization": f"Bearer {KEY}", "X-Forwarded-For": "198.51.100.9"},
        )
        assert spoofed.status_code == 429  # the client's own X-Forwarded-For is not believed
        assert await HubClient(other, base, KEY).whoami() == PRACTICE


@async_test
async def test_large_bodies_stop_at_the_proxy(deployment: Deployment) -> None:
    async with deployment.http() as http:
        answer = await http.post(
            f"{BASE}/api/rooms",
            content=b"{" + b" " * 100_000 + b"}",
            headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"},
        )
        assert answer.status_code == 413
        assert answer.headers.get_list("Strict-Transport-Security") == ["max-age=31536000"]


@async_test
async def test_no_log_holds_a_link_or_a_client_address(deployment: Deployment) -> None:
    access_log = deployment.logs / "tooddoc-hub.access.log"
    async with deployment.http("127.0.0.5") as http:
        invite = await HubClient(http, "https://127.0.0.1", KEY).create_room(PRACTICE, Language.EN)
        token = invite.patient_url.rsplit("/c/", 1)[1]
        assert (await http.get(invite.patient_url.replace(BASE, "https://127.0.0.1"))).is_success
    await until(
        lambda: '"GET /c/..." 200' in access_log.read_text(), "the page request in nginx's log"
    )
    for log in (access_log.read_text(), "\n".join(deployment.hub.lines)):
        assert token not in log
        assert invite.practitioner_token not in log
        assert KEY not in log
        assert "127.0.0.5" not in log
    error_log = deployment.logs / "tooddoc-hub.error.log"
    assert not error_log.exists() or token not in error_log.read_text()


def test_the_app_invites_through_the_proxy(
    qapp: QApplication,
    tmp_path: Path,
    deployment: Deployment,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The practice's PC trusts the hub's certificate as it trusts Let's Encrypt's: here the
    test's authority stands in for the system's (httpx reads SSL_CERT_FILE when a client is
    made; aiohttp made its default context at import, so that one is replaced)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(deployment.tls.ca_file))
    trusting = ssl.create_default_context(cafile=str(deployment.tls.ca_file))
    trusting.set_alpn_protocols(("http/1.1",))
    monkeypatch.setattr(aiohttp.connector, "_SSL_CONTEXT_VERIFIED", trusting)
    keyring = FolderKeyring(tmp_path / "keyring")
    save_key(keyring, BASE, KEY)
    config = hosted_config(tmp_path / "data", BASE)
    app = App(config, open_store(config.data_dir, keyring, NoPrompts()), keyring=keyring)

    async def scenario() -> None:
        await app.start()
        await open_desk(app)
        try:
            assert app.parts.hub.practice == PRACTICE
            link = await send_invite(app)
            assert link.startswith(f"{BASE}/c/")
            welcome = await patient_hello(link)
            assert welcome["type"] == "welcome"
            assert welcome["practice_name"] == PRACTICE
        finally:
            await app.stop()

    run_on_qasync(qapp, scenario)


def test_the_systemd_unit_is_valid_and_hardened(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:  # Debian's systemd package has it; a container image may not
        pytest.skip("systemd-analyze is not installed: the unit file was not verified")
    unit = unit_for_verify(tmp_path, hub_command())
    verified = subprocess.run(
        [analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60, check=False
    )
    assert verified.returncode == 0, verified.stderr
    assert verified.stderr.strip() == ""  # unknown or misspelt settings are only warnings
    security = subprocess.run(
        [analyze, "security", "--offline=yes", "--threshold=10", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert security.returncode == 0, security.stderr
    overall = security.stdout.strip().splitlines()[-1]
    exposure = float(overall.split("exposure level for tooddoc-hub.service: ")[1].split()[0])
    assert exposure <= 1.0, overall  # systemd's scale: 0 (locked down) to 10 (exposed)


def coturn_address(url: str) -> tuple[str, int, str]:
    """("localhost", 3478, "udp") from `turn:localhost:3478?transport=udp`."""
    scheme, rest = url.split(":", 1)
    parts = urlsplit(f"//{rest}")
    transport = dict(p.split("=") for p in parts.query.split("&") if p).get("transport", "udp")
    assert parts.hostname is not None
    assert parts.port is not None
    return parts.hostname, parts.port, "tls" if scheme == "turns" else transport


class Relayed(asyncio.DatagramProtocol):
    def __init__(self) -> None:
        self.errors: asyncio.Queue[Exception] = asyncio.Queue()
        self.lost = asyncio.Event()  # the allocation deleted and its socket closed

    def error_received(self, exc: Exception) -> None:
        self.errors.put_nowait(exc)

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost.set()


async def closed(transport: turn.TurnTransport, protocol: Relayed) -> None:
    """Closes a TURN endpoint and waits until its socket is (aioice deletes the allocation
    first, in a task of its own)."""
    transport.close()
    await asyncio.wait_for(protocol.lost.wait(), 5)


@pytest.fixture
def coturn(tmp_path: Path, deployment: Deployment) -> Iterator[LoggedProcess]:
    notify_path = f"/tmp/tdturn-{tmp_path.name[-20:]}"  # a socket path is short
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as notify:
        notify.bind(notify_path)
        notify.settimeout(20)
        config = coturn_config(tmp_path, deployment.tls.folder, TURN_SECRET)
        service = LoggedProcess.start(
            [
                "turnserver",
                "-c",
                config,
                "--listening-ip",
                "127.0.0.1",  # coturn leaves loopback out unless told; here there is nothing else
                "--pidfile",
                tmp_path / "turnserver.pid",
                "--db",
                tmp_path / "turndb",
            ],
            env={"NOTIFY_SOCKET": notify_path, "PATH": "/usr/bin:/bin"},
            merge_output=True,
        )
        try:
            assert notify.recv(64) == b"READY=1", service.text()  # Debian's unit is Type=notify
            yield service
        finally:
            service.stop()
            Path(notify_path).unlink()


@async_test
async def test_coturn_takes_the_credentials_the_hub_hands_out(
    deployment: Deployment, coturn: LoggedProcess
) -> None:
    async with deployment.http() as http, deployment.session() as session:
        invite = await HubClient(http, BASE, KEY).create_room(PRACTICE, Language.FR)
        token = invite.patient_url.rsplit("/c/", 1)[1]
        async with session.ws_connect(f"wss://{DOMAIN}/ws") as patient:
            await patient.send_json({"type": "hello", "v": 1, "role": "patient", "token": token})
            welcome = await patient.receive_json(timeout=5)
    [server] = [s for s in welcome["ice_servers"] if "username" in s]
    user, password = server["username"], server["credential"]
    assert user.endswith(f":{invite.room_id}")
    addresses = [coturn_address(url) for url in server["urls"]]
    assert [a[2] for a in addresses] == ["udp", "tcp", "tls"]
    host, port, _ = addresses[0]
    ip = "127.0.0.1" if host == DOMAIN else host

    transport, relayed = await turn.create_turn_endpoint(Relayed, (ip, port), user, password)
    try:
        _, relay_port = transport.get_extra_info("sockname")
        assert 49152 <= relay_port <= 65535  # min-port, max-port
        for private in ("127.0.0.1", "10.1.2.3", "192.168.1.20", "172.16.0.9", "169.254.1.1"):
            transport.sendto(b"probe", (private, 9))
            refused = await asyncio.wait_for(relayed.errors.get(), 5)
            assert isinstance(refused, stun.TransactionFailed)
            assert refused.response.attributes["ERROR-CODE"][0] == 403  # denied-peer-ip
    finally:
        await closed(transport, relayed)

    with pytest.raises(stun.TransactionFailed) as wrong:
        await turn.create_turn_endpoint(Relayed, (ip, port), user, password[:-4] + "AAA=")
    assert wrong.value.response.attributes["ERROR-CODE"][0] == 401

    tls_host, tls_port, _ = addresses[2]
    context = deployment.tls.client_context()
    secure, over_tls = await turn.create_turn_endpoint(
        Relayed, (tls_host, tls_port), user, password, ssl=context, transport="tcp"
    )
    await closed(secure, over_tls)

    coturn.process.send_signal(signal.SIGUSR2)  # what the certbot hook does after a renewal
    coturn.wait_for_line("Reloading TLS certificates and keys")


def test_the_firewall_rules_load() -> None:
    nft = shutil.which("nft") or "/usr/sbin/nft"
    checked = subprocess.run(
        [nft, "-c", "-f", str(DEPLOY / "nftables.conf")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    lines = (DEPLOY / "nftables.conf").read_text().splitlines()
    rules = [line for line in lines if not line.strip().startswith("#")]
    assert not [line for line in rules if "8765" in line]  # the hub: through nginx only


def test_the_certbot_hook_gives_coturn_the_files_it_reads() -> None:
    hook = DEPLOY / "certbot-deploy-hook.sh"
    assert subprocess.run(["sh", "-n", str(hook)], check=False, timeout=10).returncode == 0
    copies = set(re.findall(r"(/etc/coturn/tls/\S+\.pem)", hook.read_text()))
    read = set(re.findall(r"^(?:cert|pkey)=(\S+)$", (DEPLOY / "turnserver.conf").read_text(), re.M))
    assert copies == read == {"/etc/coturn/tls/fullchain.pem", "/etc/coturn/tls/privkey.pem"}
    assert "SIGUSR2" in hook.read_text()  # coturn's reload, checked against coturn above
