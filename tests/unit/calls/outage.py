"""A network outage for one aiortc peer connection: its ICE sockets drop every datagram, both
ways, while the outage is on (the sockets stay open, as when a phone's network stops answering).
"""

from __future__ import annotations

from typing import Any

from aiortc import RTCPeerConnection


class Outage:
    def __init__(self, pc: RTCPeerConnection) -> None:
        self.on = False
        connection = pc.getTransceivers()[0].receiver.transport.transport._connection
        for protocol in connection._protocols:
            self._wrap(protocol)

    def _wrap(self, protocol: Any) -> None:
        received, send_data, send_stun = (
            protocol.datagram_received,
            protocol.send_data,
            protocol.send_stun,
        )

        def datagram_received(data: bytes, addr: Any) -> None:
            if not self.on:
                received(data, addr)

        async def data_out(data: bytes, addr: Any) -> None:
            if not self.on:
                await send_data(data, addr)

        def stun_out(message: Any, addr: Any) -> None:
            if not self.on:
                send_stun(message, addr)

        setattr(protocol, "datagram_received", datagram_received)  # noqa: B010
        setattr(protocol, "send_data", data_out)  # noqa: B010
        setattr(protocol, "send_stun", stun_out)  # noqa: B010
