"""What the practitioner's side tells the patient's browser about the patient's uplink.

The browser sends its video at the smaller of its own loss-based estimate and the estimate our
receiver sends back (REMB). aiortc makes that one from the delays between packets, and the delays
it sees include the time this process takes to read them: on a busy PC, or while the video is
paused, it can fall far below what the link carries, and the browser follows it down, to the
point where the call would go audio only for no fault of the network. `UplinkEstimator` is
aiortc's estimator with a floor (`FLOOR_BPS`: above what video needs, ENTER_KBPS in
audio_only.py): under it, the browser's own loss-based control decides, which does cut on a link
that really is too weak (EDGE) as its packets get lost. It may start at a given bitrate, with
nothing learnt before (a try of the video after audio only).
"""

from __future__ import annotations

from aiortc import clock
from aiortc.rate import RemoteBitrateEstimator

FLOOR_BPS = 200_000


class UplinkEstimator(RemoteBitrateEstimator):
    def __init__(self, start_bps: int | None = None, floor_bps: int = FLOOR_BPS) -> None:
        super().__init__()
        self.floor_bps = floor_bps
        if start_bps is not None:
            self.rate_control.set_estimate(start_bps, clock.current_ms())

    def add(
        self, arrival_time_ms: int, abs_send_time: int, payload_size: int, ssrc: int
    ) -> tuple[int, list[int]] | None:
        estimate = super().add(arrival_time_ms, abs_send_time, payload_size, ssrc)
        if estimate is None:
            return None
        bitrate, ssrcs = estimate
        return max(bitrate, self.floor_bps), ssrcs
