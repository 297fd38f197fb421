"""The call engine's hooks into aiortc's private parts (calls/aiortc_internals.py) hold for the
installed aiortc: each private function they rely on is the one they were written against."""

from __future__ import annotations

import asyncio
import hashlib
import inspect

import aioice.ice
import pytest
from aioice.ice import Connection
from aiortc import RTCPeerConnection, RTCRtpReceiver, RTCRtpSender
from aiortc.rate import AimdRateControl, RemoteBitrateEstimator

from tooddoc_desk.calls import aiortc_internals as internals
from tooddoc_desk.calls.uplink_estimate import UplinkEstimator

# sha256 of each function's source (first 16 hex digits) in aiortc 1.16.0 / aioice 0.13.0.
# A difference means aiortc changed under a hook: re-read the function against the module
# docstring of aiortc_internals, adapt the hook, then update the digest here.
READ = {
    (RTCRtpReceiver, "__init__"): "3e3b7b5cefbaac6f",
    (RTCRtpReceiver, "_handle_rtp_packet"): "4e54983d021a6336",
    (RTCRtpReceiver, "_send_rtcp_pli"): "ae74c43d50f6eb7b",
    (RTCRtpSender, "_next_encoded_frame"): "89dd9fa4fb33741c",
    (RTCRtpSender, "_handle_rtcp_packet"): "a4ee4c7355f8de7a",
    (Connection, "gather_candidates"): "d33db28d4d1e49ff",
    (Connection, "get_component_candidates"): "118597a9fcb703f9",
    (Connection, "query_consent"): "fe49173a650a378a",
    (aioice.ice.StunProtocol, "request"): "97991c38f65ea939",
    (AimdRateControl, "set_estimate"): "636e11c3781921a6",
    (RemoteBitrateEstimator, "add"): "f315f6c6d1995c1f",
}

ESTIMATOR = "_RTCRtpReceiver__remote_bitrate_estimator"  # RTCRtpReceiver.__remote_bitrate_estimator


def digest(owner: type, name: str) -> str:
    source = inspect.getsource(getattr(owner, name))
    return hashlib.sha256(source.encode()).hexdigest()[:16]


@pytest.mark.parametrize(("owner", "name"), list(READ), ids=lambda x: getattr(x, "__name__", x))
def test_each_private_function_a_hook_relies_on_is_the_one_it_was_written_against(
    owner: type, name: str
) -> None:
    assert digest(owner, name) == READ[(owner, name)], (
        f"{owner.__name__}.{name} changed: re-read it against calls/aiortc_internals.py"
    )


def test_the_installed_aiortc_is_one_the_hooks_were_checked_against() -> None:
    internals.check()
    assert internals.usable()


def test_a_video_receiver_takes_the_bandwidth_estimator_it_is_given() -> None:
    async def receivers() -> tuple[RTCRtpReceiver, RTCRtpReceiver]:
        pc = RTCPeerConnection()
        video = pc.addTransceiver("video").receiver
        audio = pc.addTransceiver("audio").receiver
        await pc.close()
        return video, audio

    video, audio = asyncio.run(receivers())
    estimator = UplinkEstimator(start_bps=300_000)

    internals.replace_bandwidth_estimator(video, estimator)
    internals.replace_bandwidth_estimator(audio, UplinkEstimator())  # audio sends none

    assert getattr(video, ESTIMATOR) is estimator
    assert getattr(audio, ESTIMATOR) is None
