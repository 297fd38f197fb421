"""A patient on a network of their own: a namespace joined to the test's by a veth pair.

    with PatientNetwork.create() as net:     # inside the test's private namespace, as root
        net.host_address                     # 10.213.N.1: the test's end (bind the hub here)
        net.peer_address                     # 10.213.N.2: the patient's end
        net.wrapper("/usr/bin/chromium")     # a script that runs Chromium inside the namespace
        net.cut(); ...; net.restore()        # every packet on the link dropped, then let through
        net.reset_connections(port)          # the TCP connections to a port of the test's end
        net.shape(down_kbit=780, up_kbit=330)  # a rate cap each way (tbf), as the patient sees it
        net.lose(2)                          # 2 % of the packets arriving at each end dropped
        net.unshape(); net.lose(0)           # a clean link again

The namespace, the veth pair and the nftables table are made by the test and removed on the way
out, even when the test fails (a namespace left by a killed run is removed by the next one).
The `patient_network` fixture also checks that the test's own namespace has nothing but loopback
and this veth, and points aiortc's host candidates at the veth address (aioice would otherwise
look at every interface).

The cut is an nftables table at each end of the veth that drops whatever arrives over it: no
send fails, packets vanish, the link stays up and the patient's device sees no interface change
(as when a phone's network stops answering). `cut(link_down=True)` takes the test's end of the
veth down instead (the patient's browser then sees its network go and come back).

This kernel has no netem. A rate cap is a tbf qdisc on the sending end of each direction (the
test's end for the patient's downlink, the patient's end for their uplink); loss is an nftables
rule that drops a random share of what arrives at each end (`numgen random`: a drop on output
would make `sendto` fail instead of losing the packet silently). Delay cannot be made by the
kernel here: tests/integration/network/delay.py holds the app's datagrams in user space.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aioice.ice
import pytest

from tests.helpers.network import network_interfaces, require_loopback_only

PREFIX = "tdpat"  # namespace names: tdpat-<pid>-<n>; veths: tdh<pid % 100000>n<n>, tdp…
SUBNET = "10.213"
_numbers = itertools.count()


class NetworkSetupError(RuntimeError):
    """An `ip` or `nft` command failed (not root, no netns support, a name in use…)."""


def _run(command: list[str], check: bool, stdin: str | None = None) -> str:
    done = subprocess.run(
        command, input=stdin, capture_output=True, text=True, timeout=10, check=False
    )
    if check and done.returncode != 0:
        raise NetworkSetupError(f"{' '.join(command)}: {done.stderr.strip()}")
    return done.stdout


def _ip(*args: str, check: bool = True) -> str:
    return _run(["ip", *args], check)


def _nft(script: str, namespace: str | None = None) -> None:
    prefix = ["ip", "netns", "exec", namespace] if namespace else []
    _run([*prefix, "nft", "-f", "-"], True, script)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_namespaces() -> list[str]:
    """Deletes namespaces a killed test run left behind (their process is gone)."""
    removed = []
    for line in _ip("netns", "list", check=False).splitlines():
        name = line.split()[0] if line.split() else ""
        parts = name.split("-")
        ours = len(parts) == 3 and parts[0] == PREFIX and parts[1].isdigit()
        if ours and not _pid_alive(int(parts[1])):
            _ip("netns", "del", name, check=False)
            removed.append(name)
    return removed


@dataclass
class PatientNetwork:
    namespace: str
    host_if: str
    peer_if: str
    host_address: str
    peer_address: str
    _scripts: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="tdpat-")))
    _cut_table: str | None = None
    _link_down: bool = False
    _loss_table: str | None = None
    _shaped: bool = False

    @classmethod
    @contextlib.contextmanager
    def create(cls) -> Iterator[PatientNetwork]:
        """Makes the namespace and the link; removes both on the way out."""
        if os.geteuid() != 0:
            pytest.fail("a patient network needs root (./test runs as root in CI)")
        remove_stale_namespaces()
        number = next(_numbers)
        if number > 250:
            raise RuntimeError("too many patient networks in one process")
        pid = os.getpid()
        tag = f"{pid % 100000}n{number}"
        net = cls(
            namespace=f"{PREFIX}-{pid}-{number}",
            host_if=f"tdh{tag}",
            peer_if=f"tdp{tag}",
            host_address=f"{SUBNET}.{number}.1",
            peer_address=f"{SUBNET}.{number}.2",
        )
        try:
            net._build()
            yield net
        finally:
            net._remove()

    def _build(self) -> None:
        ns = self.namespace
        _ip("netns", "add", ns)
        _ip("link", "add", self.host_if, "type", "veth", "peer", "name", self.peer_if, "netns", ns)
        _ip("addr", "add", f"{self.host_address}/30", "dev", self.host_if)
        _ip("link", "set", self.host_if, "up")
        _ip("-n", ns, "link", "set", "lo", "up")
        _ip("-n", ns, "addr", "add", f"{self.peer_address}/30", "dev", self.peer_if)
        _ip("-n", ns, "link", "set", self.peer_if, "up")
        # the patient reaches nothing but the test's end of the link
        _ip("-n", ns, "route", "add", "default", "via", self.host_address, "dev", self.peer_if)

    def _remove(self) -> None:
        with contextlib.suppress(NetworkSetupError, subprocess.SubprocessError):
            self.restore()
        with contextlib.suppress(NetworkSetupError, subprocess.SubprocessError):
            self.lose(0)
        with contextlib.suppress(NetworkSetupError, subprocess.SubprocessError):
            self.unshape()
        _ip("netns", "del", self.namespace, check=False)
        if self.host_if in network_interfaces():  # a process still in the namespace holds it
            _ip("link", "del", self.host_if, check=False)
        shutil.rmtree(self._scripts, ignore_errors=True)

    @property
    def interfaces(self) -> list[str]:
        """The namespace's interfaces (seen from inside it)."""
        out = _ip("-n", self.namespace, "-o", "link", "show")
        return sorted(line.split(":")[1].strip().split("@")[0] for line in out.splitlines())

    def wrapper(self, program: str | os.PathLike[str]) -> Path:
        """An executable script that runs `program` with its arguments inside the namespace
        (Playwright's `executable_path`: it drives the browser over pipes, which pass through)."""
        script = self._scripts / f"in-{self.namespace}-{Path(program).name}"
        script.write_text(f'#!/bin/sh\nexec ip netns exec {self.namespace} {program} "$@"\n')
        script.chmod(0o755)
        return script

    def cut(self, *, link_down: bool = False) -> None:
        """Drops every packet on the link, both ways (or takes the test's end of the veth down).

        Packets are dropped as they arrive, at each end: nobody's send fails, they vanish."""
        if link_down:
            _ip("link", "set", self.host_if, "down")
            self._link_down = True
            return
        table = f"tdcut_{self.host_if}"
        for namespace, interface in ((None, self.host_if), (self.namespace, self.peer_if)):
            _nft(
                f"table inet {table} {{\n  chain input {{\n"
                "    type filter hook input priority -10; policy accept;\n"
                f'    iifname "{interface}" drop\n  }}\n}}\n',
                namespace,
            )
        self._cut_table = table

    def shape(self, *, down_kbit: int | None, up_kbit: int | None, queue_ms: int = 100) -> None:
        """Caps the patient's downlink and uplink (kbit/s; None: no cap that way) with a token
        bucket that holds at most `queue_ms` of packets and drops what does not fit."""
        self.unshape()
        ends = ((None, self.host_if, down_kbit), (self.namespace, self.peer_if, up_kbit))
        for namespace, interface, kbit in ends:
            if kbit is None:
                continue
            if kbit <= 0:
                raise ValueError("a rate cap is a positive number of kbit/s")
            prefix = ["-n", namespace] if namespace else []
            _run(
                ["tc", *prefix, "qdisc", "replace", "dev", interface, "root", "tbf",
                 "rate", f"{kbit}kbit", "burst", "3000", "latency", f"{queue_ms}ms"],
                True,
            )  # fmt: skip
        self._shaped = True

    def unshape(self) -> None:
        """Takes the rate caps away (idempotent)."""
        if not self._shaped:
            return
        self._shaped = False
        for namespace, interface in ((None, self.host_if), (self.namespace, self.peer_if)):
            prefix = ["-n", namespace] if namespace else []
            _run(["tc", *prefix, "qdisc", "del", "dev", interface, "root"], False)

    def lose(self, percent: int) -> None:
        """Drops `percent` % of the packets arriving at each end of the link, at random (both
        directions); 0 stops dropping."""
        if not 0 <= percent < 100:
            raise ValueError("a loss is 0 to 99 %")
        if self._loss_table is not None:
            table, self._loss_table = self._loss_table, None
            _nft(f"delete table inet {table}\n")
            _nft(f"delete table inet {table}\n", self.namespace)
        if percent == 0:
            return
        table = f"tdloss_{self.host_if}"
        for namespace, interface in ((None, self.host_if), (self.namespace, self.peer_if)):
            _nft(
                f"table inet {table} {{\n  chain input {{\n"
                "    type filter hook input priority -5; policy accept;\n"
                f'    iifname "{interface}" numgen random mod 100 < {percent} drop\n  }}\n}}\n',
                namespace,
            )
        self._loss_table = table

    def reset_connections(self, port: int) -> None:
        """Resets the TCP connections between the patient and the test's `port` (both ends get
        a reset at once, as when a mobile network drops its connection state)."""
        _run(["ss", "-K", "dst", self.peer_address, "sport", "=", f":{port}"], True)

    def restore(self) -> None:
        """Lets packets through again (idempotent)."""
        if self._cut_table is not None:
            table, self._cut_table = self._cut_table, None
            _nft(f"delete table inet {table}\n")
            _nft(f"delete table inet {table}\n", self.namespace)
        if self._link_down:
            _ip("link", "set", self.host_if, "up")
            self._link_down = False


def require_only(expected: list[str]) -> None:
    names = network_interfaces()
    if names != sorted(expected):
        pytest.fail(
            f"the test's namespace should hold only {', '.join(sorted(expected))}; "
            f"it holds {', '.join(names)}"
        )


@pytest.fixture
def patient_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[PatientNetwork]:
    """A patient namespace on a veth pair; aiortc's host candidates are the veth address."""
    require_loopback_only()
    with contextlib.ExitStack() as stack:
        try:
            net = stack.enter_context(PatientNetwork.create())
        except NetworkSetupError as error:
            pytest.fail(f"could not make the patient's network namespace (needs root): {error}")
        require_only(["lo", net.host_if])
        if net.interfaces != sorted(["lo", net.peer_if]):
            pytest.fail(f"the patient's namespace holds {net.interfaces}")
        monkeypatch.setattr(
            aioice.ice, "get_host_addresses", lambda use_ipv4, use_ipv6: [net.host_address]
        )
        yield net
