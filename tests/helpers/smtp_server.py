"""A real SMTP server (aiosmtpd) on loopback, in the test's own event loop, for the e-mail sender.

    certificate = make_certificate(tmp_path)               # a CA and a server certificate
    async with SmtpServer(certificate, Mode.STARTTLS) as server:
        server.data_replies.extend(["451 4.3.0 Try again later"])   # then 250 as usual
        server.refused["nobody@example.be"] = "550 5.1.1 No such user"
        ... SmtpSettings("127.0.0.1", server.port, …, tls_context=certificate.client_context())
        await server.wait_for_delivered(1)

Modes: STARTTLS (required before anything else, then AUTH, which aiosmtpd only offers over TLS),
TLS (implicit TLS from the first byte; AUTH offered and recorded), PLAIN (no encryption at all,
so a careful client must refuse it). Every accepted message is kept with the login that sent it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import ssl
from collections import deque
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

USER = "cabinet@example.be"
PASSWORD = "smtp-password-for-tests"


class Mode(Enum):
    STARTTLS = "starttls"
    TLS = "tls"
    PLAIN = "plain"


@dataclass(frozen=True)
class Certificate:
    ca_file: Path
    cert_file: Path
    key_file: Path

    def client_context(self) -> ssl.SSLContext:
        """What the app would use: certificates verified, against this test CA."""
        return ssl.create_default_context(cafile=str(self.ca_file))

    def server_context(self) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(str(self.cert_file), str(self.key_file))
        return context


def make_certificate(
    folder: Path, names: tuple[str, ...] = ("localhost", "127.0.0.1")
) -> Certificate:
    """A throw-away CA and a server certificate it signed, valid for `names` (DNS names or IPs)."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "tooddoc test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    alt_names: list[x509.GeneralName] = []
    for name in names:
        try:
            alt_names.append(x509.IPAddress(ipaddress.ip_address(name)))
        except ValueError:
            alt_names.append(x509.DNSName(name))
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(ca=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    files = Certificate(folder / "ca.pem", folder / "server.pem", folder / "server.key")
    files.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


@dataclass(frozen=True)
class Delivered:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    login: str | None
    tls: bool


class SmtpServer:
    def __init__(self, certificate: Certificate, mode: Mode = Mode.STARTTLS) -> None:
        self.certificate = certificate
        self.mode = mode
        self.users = {USER: PASSWORD}
        self.data_replies: deque[str] = deque()  # DATA answers to give first; then 250
        self.stall_data = False  # never answer DATA (the client times out mid-hand-over)
        self.refused: dict[str, str] = {}  # RCPT answers for these addresses
        self.delivered: list[Delivered] = []
        self.data_attempts = 0
        self.port = 0
        self._server: asyncio.Server | None = None
        self._protocols: list[SMTP] = []
        self._changed = asyncio.Event()
        self._released = asyncio.Event()

    async def __aenter__(self) -> SmtpServer:
        loop = asyncio.get_running_loop()
        context = self.certificate.server_context()
        self._server = await loop.create_server(
            lambda: self._protocol(context, loop),
            "127.0.0.1",
            0,
            ssl=context if self.mode is Mode.TLS else None,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._released.set()
        if self._server is not None:
            self._server.close()
        for protocol in self._protocols:
            if protocol.transport is not None:
                protocol.transport.close()
        if self._server is not None:
            await self._server.wait_closed()

    def _protocol(self, context: ssl.SSLContext, loop: asyncio.AbstractEventLoop) -> SMTP:
        starttls = self.mode is Mode.STARTTLS
        protocol = SMTP(
            self,
            hostname="mail.example.test",
            tls_context=context if starttls else None,
            require_starttls=starttls,
            auth_required=starttls,
            auth_require_tls=self.mode is not Mode.TLS,  # aiosmtpd cannot see implicit TLS
            authenticator=self._authenticate,
            loop=loop,
        )
        self._protocols.append(protocol)
        return protocol

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if isinstance(data, LoginPassword):
            login, password = data.login.decode(), data.password.decode()
            if self.users.get(login) == password:
                return AuthResult(success=True, auth_data=login)
        return AuthResult(success=False, handled=False)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.data_attempts += 1
        self._changed.set()
        if self.stall_data:
            await self._released.wait()
            return "421 closing"
        if self.data_replies:
            return self.data_replies.popleft()
        content = envelope.original_content or b""
        login = session.auth_data if session.authenticated else None
        tls = self.mode is Mode.TLS or session.ssl is not None
        self.delivered.append(
            Delivered(envelope.mail_from or "", list(envelope.rcpt_tos), content, login, tls)
        )
        self._changed.set()
        return "250 2.0.0 Message accepted for delivery"

    async def wait_for_delivered(self, count: int, limit: float = 10.0) -> list[Delivered]:
        async with asyncio.timeout(limit):
            while len(self.delivered) < count:
                self._changed.clear()
                await self._changed.wait()
        return self.delivered

    async def wait_for_data_attempts(self, count: int, limit: float = 10.0) -> None:
        async with asyncio.timeout(limit):
            while self.data_attempts < count:
                self._changed.clear()
                await self._changed.wait()
