"""What our receiver tells the patient's browser of its uplink (REMB): aiortc's estimate, never
under the floor, starting where it is told."""

from __future__ import annotations

from aiortc.rate import RemoteBitrateEstimator

from tooddoc_desk.calls.uplink_estimate import FLOOR_BPS, UplinkEstimator

SSRC = 1234
PACKET_BYTES = 250  # every 20 ms: 100 kbps, a video paused for a while or just resumed


def abs_send_time(seconds: float) -> int:
    """The abs-send-time header extension: 6.18 fixed point seconds, 24 bits."""
    return int(seconds * (1 << 18)) & 0xFFFFFF


def queue_building(estimator: RemoteBitrateEstimator, seconds: int) -> list[int]:
    """Packets sent every 20 ms that arrive later and later (a queue filling: overuse); the
    estimates the receiver would send back."""
    estimates = []
    for n in range(seconds * 50):
        sent = n * 0.020
        arrival_ms = int(1000 * (sent + 0.002 * n))  # 2 ms more delay at each packet
        found = estimator.add(arrival_ms, abs_send_time(sent), PACKET_BYTES, SSRC)
        if found is not None:
            estimates.append(found[0])
    return estimates


def test_a_delay_that_grows_brings_aiortcs_estimate_under_the_floor_but_not_ours() -> None:
    plain = queue_building(RemoteBitrateEstimator(), 8)
    ours = queue_building(UplinkEstimator(), 8)
    assert min(plain) < FLOOR_BPS  # what the browser would have been told
    assert ours
    assert min(ours) == FLOOR_BPS


def test_a_restarted_estimate_starts_where_it_is_told() -> None:
    estimator = UplinkEstimator(start_bps=300_000)
    assert estimator.rate_control.current_bitrate == 300_000
    assert not estimator.rate_control.near_max  # it may climb at once
    first = estimator.add(0, abs_send_time(0), PACKET_BYTES, SSRC)
    assert first is not None
    assert first[0] >= 300_000
