"""Frames from RTP packets for one receiver, giving up on a missing packet quickly.

Video (`RecoveringJitterBuffer`):

aiortc's own buffer holds 512 packets, hands frames out strictly in order, at most one per packet
received, and asks for a keyframe only once it is full: a packet that never comes back freezes
the video for seconds (after a 5 s outage it took 4-14 s), and every repaired gap leaves the video
that much later for good. This one, which takes its place in the receiver
(aiortc_internals.replace_jitter_buffer):

- releases every frame as soon as it is complete (its packets contiguous up to the one with the
  marker bit), all of them at once, in order;
- when a packet is missing it waits for the retransmission that aiortc's NACK asked for, about
  one round trip (`patience`), then gives the frame up: it skips to a keyframe it already holds,
  or drops what it holds and asks for one (PLI), again every `retry` until one comes;
- drops every frame but a keyframe while it waits for one (a VP8 or H.264 frame that follows a
  lost one cannot be decoded), and waits for one at the start;
- forgets everything when the stream jumps ahead by more than `capacity` packets.

Audio (`AudioJitterBuffer`): one packet is one frame and nothing is retransmitted, so a missing
packet is skipped as soon as `SKIP_AFTER` later ones are here (60 ms). aiortc's audio buffer
keeps four frames back and, at a missing packet, drops those four as well once its 16 places
are full: 2 % of packets lost became 10 % of the audio.

Frames go straight to the decoder through `deliver` (aiortc's receiver would take one per
packet); `add` always answers `(pli_wanted, None)`, as aiortc's buffer's `add` would answer
`(pli_wanted, frame)`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from aiortc.jitterbuffer import JitterFrame
from aiortc.rtp import RtpPacket

from tooddoc_desk.calls.keyframes import starts_keyframe

CAPACITY = 512
DEFAULT_RTT = 0.2  # seconds, until a round trip has been measured
MIN_PATIENCE, MAX_PATIENCE = 0.1, 0.5
MIN_RETRY, MAX_RETRY = 0.25, 1.0

SKIP_AFTER = 3  # audio packets waiting behind a missing one before it is skipped

Deliver = Callable[[int, JitterFrame], None]  # (payload type, frame)


def extend_sequence(highest: int | None, sequence_number: int) -> int:
    """A 16-bit sequence number as an ever-growing one, next to the highest seen so far."""
    if highest is None:
        return sequence_number
    delta = (sequence_number - highest + 0x8000) % 0x10000 - 0x8000
    return highest + delta


def patience_for(rtt: float | None) -> float:
    """How long a missing packet is waited for: its retransmission takes about a round trip."""
    value = 1.2 * (DEFAULT_RTT if rtt is None else rtt) + 0.05
    return min(MAX_PATIENCE, max(MIN_PATIENCE, value))


def retry_for(rtt: float | None) -> float:
    """How long a keyframe request is given before it is repeated."""
    value = (DEFAULT_RTT if rtt is None else rtt) + 0.15
    return min(MAX_RETRY, max(MIN_RETRY, value))


class RecoveringJitterBuffer:
    def __init__(
        self,
        codec: str,
        deliver: Deliver,
        *,
        rtt: Callable[[], float | None] = lambda: None,
        clock: Callable[[], float] = time.monotonic,
        capacity: int = CAPACITY,
    ) -> None:
        self.codec = codec
        self._deliver = deliver
        self._rtt = rtt
        self._clock = clock
        self._capacity = capacity
        self._packets: dict[int, RtpPacket] = {}
        self._highest: int | None = None  # extended sequence number
        self._next: int | None = None  # the first packet not released or dropped yet
        self._waiting_keyframe = True
        self._gap_since: float | None = None
        self._pli_due = False
        self._last_pli: float | None = None
        # counters, for the call's statistics
        self.packets = 0
        self.payload_bytes = 0
        self.frames = 0
        self.keyframes = 0
        self.frames_given_up = 0
        self.keyframe_requests = 0

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def waiting_for_keyframe(self) -> bool:
        return self._waiting_keyframe

    def add(self, packet: RtpPacket) -> tuple[bool, JitterFrame | None]:
        now = self._clock()
        self.packets += 1
        self.payload_bytes += len(packet.payload)
        seq = self._extend(packet.sequence_number)
        if self._next is None:
            self._next = seq
        if seq < self._next or seq in self._packets:
            return self._pli(now), None  # too late (given up, or released) or a duplicate
        if not self._waiting_keyframe and seq - self._next >= self._capacity:
            self._give_up_all()  # the stream jumped ahead: what is held is stale
        if self._waiting_keyframe:
            if not starts_keyframe(self.codec, packet.payload):
                self._next = seq + 1  # nothing before the next keyframe can be decoded
                return self._pli(now), None
            self._packets.clear()
            self._next = seq
            self._waiting_keyframe = False
        self._packets[seq] = packet
        self._assemble(now)
        return self._pli(now), None

    # -- assembly ---------------------------------------------------------------------------------

    def _assemble(self, now: float) -> None:
        while True:
            self._release_complete()
            missing = self._first_missing()
            if missing is None or not self._packets or max(self._packets) < missing:
                self._gap_since = None  # nothing waits behind a hole
                return
            if self._gap_since is None:
                self._gap_since = now
            if now - self._gap_since < patience_for(self._rtt()):
                return
            self._gap_since = None
            keyframe = self._keyframe_after(missing)
            if keyframe is None:
                self._give_up_all()
                return
            self.frames_given_up += self._frames_before(keyframe)
            self._drop_before(keyframe)
            self._next = keyframe

    def _release_complete(self) -> None:
        """Releases the complete frames at the head, in order."""
        assert self._next is not None
        while self._next in self._packets:
            head = self._packets[self._next]
            if not head.payload:  # padding: takes a sequence number, carries no frame
                del self._packets[self._next]
                self._next += 1
                continue
            end = self._frame_end(self._next)
            if end is None:
                return
            parts = [self._packets.pop(seq) for seq in range(self._next, end + 1)]
            self._next = end + 1
            data = b"".join(getattr(p, "_data", b"") for p in parts)
            self.frames += 1
            if starts_keyframe(self.codec, head.payload):
                self.keyframes += 1
            self._deliver(head.payload_type, JitterFrame(data=data, timestamp=head.timestamp))

    def _frame_end(self, start: int) -> int | None:
        """The last packet of the frame that starts at `start`, if all of it is here."""
        timestamp = self._packets[start].timestamp
        seq = start
        while True:
            packet = self._packets[seq]
            if packet.marker:
                return seq
            following = self._packets.get(seq + 1)
            if following is None:
                return None
            if following.timestamp != timestamp:
                return seq  # the marker was not set; the next frame has begun
            seq += 1

    def _first_missing(self) -> int | None:
        if self._next is None or not self._packets:
            return None
        seq = self._next
        while seq in self._packets:
            seq += 1
        return seq

    def _keyframe_after(self, seq: int) -> int | None:
        starts = [
            s
            for s, p in self._packets.items()
            if s > seq and starts_keyframe(self.codec, p.payload)
        ]
        return min(starts) if starts else None

    def _frames_before(self, seq: int) -> int:
        return len({p.timestamp for s, p in self._packets.items() if s < seq}) or 1

    # -- giving up --------------------------------------------------------------------------------

    def _give_up_all(self) -> None:
        """Drops everything held and waits for a keyframe, asking for one."""
        if self._packets:
            self.frames_given_up += len({p.timestamp for p in self._packets.values()})
            self._next = max(self._packets) + 1
        else:
            self.frames_given_up += 1
        self._packets.clear()
        self._gap_since = None
        self._waiting_keyframe = True
        self._pli_due = True

    def _drop_before(self, seq: int) -> None:
        for old in [s for s in self._packets if s < seq]:
            del self._packets[old]

    def _pli(self, now: float) -> bool:
        """Whether to ask for a keyframe now: just after giving up, then every `retry`."""
        if not (self._pli_due or self._waiting_keyframe):
            return False
        last = self._last_pli
        if last is not None and now - last < retry_for(self._rtt()):
            return False
        self._pli_due = False
        self._last_pli = now
        self.keyframe_requests += 1
        return True

    def _extend(self, sequence_number: int) -> int:
        extended = extend_sequence(self._highest, sequence_number)
        self._highest = extended if self._highest is None else max(self._highest, extended)
        return extended


class AudioJitterBuffer:
    def __init__(self, deliver: Deliver, *, skip_after: int = SKIP_AFTER) -> None:
        self._deliver = deliver
        self._skip_after = skip_after
        self._packets: dict[int, RtpPacket] = {}
        self._highest: int | None = None
        self._next: int | None = None
        self.packets = 0
        self.frames = 0
        self.skipped = 0

    @property
    def capacity(self) -> int:
        return CAPACITY

    def add(self, packet: RtpPacket) -> tuple[bool, JitterFrame | None]:
        self.packets += 1
        seq = extend_sequence(self._highest, packet.sequence_number)
        self._highest = seq if self._highest is None else max(self._highest, seq)
        if self._next is None or seq - self._next >= CAPACITY:
            self._packets.clear()  # the start, or a jump ahead
            self._next = seq
        if seq < self._next or seq in self._packets:
            return False, None  # too late, or a duplicate
        self._packets[seq] = packet
        self._release()
        if len(self._packets) >= self._skip_after:
            first = min(self._packets)
            self.skipped += first - self._next
            self._next = first
            self._release()
        return False, None

    def _release(self) -> None:
        assert self._next is not None
        while self._next in self._packets:
            packet = self._packets.pop(self._next)
            self._next += 1
            data = getattr(packet, "_data", b"")
            if data:
                self.frames += 1
                self._deliver(
                    packet.payload_type, JitterFrame(data=data, timestamp=packet.timestamp)
                )
