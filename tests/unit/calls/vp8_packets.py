"""VP8 RTP packets as a browser sends them, for the receive-side tests."""

from __future__ import annotations

from aiortc.codecs.vpx import VpxPayloadDescriptor
from aiortc.rtp import RtpPacket

VP8_PT = 96


def vp8_frame(first_seq: int, timestamp: int, *, key: bool, packets: int = 2) -> list[RtpPacket]:
    """One frame in `packets` packets: the descriptor's S bit on the first, the marker on the
    last; the frame's first byte says keyframe (P bit 0) or not."""
    out = []
    for index in range(packets):
        descriptor = VpxPayloadDescriptor(partition_start=int(index == 0), partition_id=0)
        data = bytes([0x00 if key else 0x01]) if index == 0 else b""
        data += bytes([timestamp % 251, index]) * 4
        packet = RtpPacket(
            payload_type=VP8_PT,
            marker=int(index == packets - 1),
            sequence_number=(first_seq + index) % 0x10000,
            timestamp=timestamp % 0x100000000,
        )
        packet.payload = bytes(descriptor) + data
        packet._data = data  # type: ignore[attr-defined]  # what aiortc's receiver sets
        out.append(packet)
    return out


def frames(
    first_seq: int, first_timestamp: int, count: int, *, key_at: frozenset[int] = frozenset({0})
) -> list[list[RtpPacket]]:
    """`count` two-packet frames, 3000 ticks apart (30 fps at 90 kHz), keyframes at `key_at`."""
    out = []
    seq = first_seq
    for n in range(count):
        out.append(vp8_frame(seq, first_timestamp + 3000 * n, key=n in key_at))
        seq += 2
    return out
