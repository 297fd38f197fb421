"""The receive side's frame assembly: complete frames out at once and in order, a missing packet
given up after about a round trip, a keyframe asked for and waited for."""

from __future__ import annotations

import pytest
from aiortc.jitterbuffer import JitterFrame
from aiortc.rtp import RtpPacket

from tests.unit.calls.vp8_packets import VP8_PT, frames, vp8_frame
from tooddoc_desk.calls.jitter_buffer import (
    MAX_PATIENCE,
    MIN_PATIENCE,
    AudioJitterBuffer,
    RecoveringJitterBuffer,
    patience_for,
    retry_for,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Rig:
    def __init__(self, rtt: float | None = 0.1) -> None:
        self.clock = Clock()
        self.out: list[JitterFrame] = []
        self.plis = 0
        self.buffer = RecoveringJitterBuffer(
            "VP8", self.deliver, rtt=lambda: rtt, clock=self.clock, capacity=64
        )

    def deliver(self, payload_type: int, frame: JitterFrame) -> None:
        assert payload_type == VP8_PT
        self.out.append(frame)

    def add(self, packets: list[RtpPacket]) -> None:
        for packet in packets:
            pli, frame = self.buffer.add(packet)
            assert frame is None  # every frame goes through deliver
            self.plis += pli

    def waiting(self) -> bool:
        return self.buffer.waiting_for_keyframe

    @property
    def timestamps(self) -> list[int]:
        return [f.timestamp for f in self.out]


def test_complete_frames_come_out_at_once_in_order() -> None:
    rig = Rig()
    stream = frames(1000, 90_000, 4)
    rig.add(stream[0])
    assert rig.timestamps == [90_000]  # released on its marker, not when the next one starts
    assert rig.out[0].data == stream[0][0]._data + stream[0][1]._data  # type: ignore[attr-defined]
    rig.add(stream[1] + stream[2] + stream[3])
    assert rig.timestamps == [90_000 + 3000 * n for n in range(4)]
    assert rig.plis == 0
    assert (rig.buffer.frames, rig.buffer.keyframes) == (4, 1)


def test_frames_behind_a_repaired_hole_all_come_out_when_it_is_filled() -> None:
    rig = Rig()
    stream = frames(1000, 0, 6)
    rig.add(stream[0])
    late = stream[1][1]
    rig.add([stream[1][0], *stream[2], *stream[3], *stream[4]])
    assert rig.timestamps == [0]  # frame 1 waits for its second packet
    rig.clock.now += patience_for(0.1) / 2
    rig.add([late])  # the retransmission, in time
    assert rig.timestamps == [0, 3000, 6000, 9000, 12000]  # all four at once, not one per packet
    assert rig.plis == 0
    assert rig.buffer.frames_given_up == 0


def test_a_packet_that_does_not_come_back_is_given_up_and_a_keyframe_asked_for() -> None:
    rig = Rig(rtt=0.1)
    stream = frames(1000, 0, 8, key_at=frozenset({0, 6}))
    rig.add(stream[0])
    rig.add([stream[1][0]])  # its second packet is lost for good
    rig.add(stream[2])
    assert rig.timestamps == [0]
    rig.clock.now += patience_for(0.1) + 0.01
    rig.add(stream[3])  # the next packet after the patience: given up
    assert rig.plis == 1
    assert rig.waiting()
    rig.add(stream[4])  # deltas that cannot be decoded: dropped, no new request yet
    assert rig.timestamps == [0]
    assert rig.plis == 1
    rig.clock.now += retry_for(0.1) + 0.01
    rig.add(stream[5])  # still no keyframe: asked again
    assert rig.plis == 2
    rig.add(stream[6] + stream[7])  # the keyframe, then a delta
    assert rig.timestamps == [0, 18000, 21000]
    assert not rig.waiting()
    assert rig.buffer.keyframe_requests == 2
    assert rig.buffer.frames_given_up >= 2


def test_a_hole_before_a_keyframe_already_here_skips_to_it_without_asking() -> None:
    rig = Rig()
    stream = frames(1000, 0, 4, key_at=frozenset({0, 2}))
    rig.add(stream[0])
    rig.add([stream[1][1], *stream[2]])  # frame 1's first packet is lost
    rig.clock.now += MAX_PATIENCE + 0.01
    rig.add(stream[3])
    assert rig.timestamps == [0, 6000, 9000]
    assert rig.plis == 0


def test_the_stream_starts_at_a_keyframe() -> None:
    rig = Rig()
    stream = frames(500, 0, 4, key_at=frozenset({2}))
    rig.add(stream[0])  # joined mid-stream: nothing decodable yet
    assert rig.plis == 1
    rig.add(stream[1])
    rig.add(stream[2] + stream[3])
    assert rig.timestamps == [6000, 9000]


def test_sequence_numbers_wrap_around() -> None:
    rig = Rig()
    stream = frames(0xFFFC, 0, 5)
    for frame in stream:
        rig.add(frame)
    assert rig.timestamps == [3000 * n for n in range(5)]
    assert stream[3][0].sequence_number == 2  # wrapped


def test_a_jump_far_ahead_forgets_what_is_held_and_waits_for_a_keyframe() -> None:
    rig = Rig()
    stream = frames(1000, 0, 2)
    rig.add(stream[0])
    rig.add([stream[1][0]])
    rig.add(vp8_frame(1000 + 200, 50_000, key=False))  # 200 > capacity 64
    assert rig.waiting()
    assert rig.plis == 1
    rig.add(vp8_frame(1000 + 202, 53_000, key=True))
    assert rig.timestamps == [0, 53_000]


def test_padding_packets_take_a_number_and_carry_no_frame() -> None:
    rig = Rig()
    stream = frames(1000, 0, 2)
    rig.add(stream[0])
    padding = RtpPacket(payload_type=VP8_PT, sequence_number=1002, timestamp=0)
    padding._data = b""  # type: ignore[attr-defined]
    rig.add([padding])
    rig.add(vp8_frame(1003, 3000, key=False))
    assert rig.timestamps == [0, 3000]


def test_late_and_duplicate_packets_are_ignored() -> None:
    rig = Rig()
    stream = frames(1000, 0, 2)
    rig.add(stream[0] + stream[0] + stream[1] + [stream[0][0]])
    assert rig.timestamps == [0, 3000]


@pytest.mark.parametrize(
    ("rtt", "patience"), [(None, 0.29), (0.0, MIN_PATIENCE), (0.2, 0.29), (2.0, MAX_PATIENCE)]
)
def test_patience_follows_the_round_trip_within_bounds(rtt: float | None, patience: float) -> None:
    assert patience_for(rtt) == pytest.approx(patience)
    assert 0.25 <= retry_for(rtt) <= 1.0


def audio_packet(seq: int) -> RtpPacket:
    packet = RtpPacket(payload_type=111, sequence_number=seq % 0x10000, timestamp=960 * seq)
    packet.payload = bytes([seq % 256]) * 20
    packet._data = packet.payload  # type: ignore[attr-defined]
    return packet


class AudioRig:
    def __init__(self) -> None:
        self.out: list[int] = []
        self.buffer = AudioJitterBuffer(lambda pt, frame: self.out.append(frame.timestamp // 960))

    def add(self, *seqs: int) -> None:
        for seq in seqs:
            assert self.buffer.add(audio_packet(seq)) == (False, None)


def test_audio_comes_out_packet_by_packet_and_a_missing_one_costs_only_itself() -> None:
    rig = AudioRig()
    rig.add(10, 11, 12)
    assert rig.out == [10, 11, 12]
    rig.add(14, 15)  # 13 is late or lost: wait a little
    assert rig.out == [10, 11, 12]
    rig.add(13)  # late, in time
    assert rig.out == [10, 11, 12, 13, 14, 15]
    rig.add(17, 18, 19)  # 16 is lost: skipped once three more are here
    assert rig.out == [10, 11, 12, 13, 14, 15, 17, 18, 19]
    rig.add(16, 20)  # too late now
    assert rig.out[-1] == 20
    assert 16 not in rig.out
    assert (rig.buffer.frames, rig.buffer.skipped) == (10, 1)


def test_audio_sequence_numbers_wrap_and_jumps_restart() -> None:
    rig = AudioRig()
    rig.add(0xFFFE, 0xFFFF, 0x10000, 0x10001)
    assert rig.out == [0xFFFE, 0xFFFF, 0x10000, 0x10001]
    rig.add(0x10001 + 1000)
    assert rig.out[-1] == 0x10001 + 1000
