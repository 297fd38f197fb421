"""When the call goes audio only: most seconds of a window decide, a try gives the patient's
estimate time to grow."""

from __future__ import annotations

from tooddoc_desk.calls.audio_only import (
    CLEAN_PROBE_MAX_SECONDS,
    PROBE_AFTER_SECONDS,
    PROBE_MAX_SECONDS,
    PROBE_RAMP_SECONDS,
    AudioOnlyPolicy,
    LinkSample,
    VideoMode,
)
from tooddoc_desk.calls.events import AudioOnlyReason


def sample(to_kbps: float = 500, from_kbps: float = 250, to_loss: float = 0.02) -> LinkSample:
    return LinkSample(to_kbps, from_kbps, to_loss, 0.02, 0.25)


def paused_then_tried(policy: AudioOnlyPolicy) -> float:
    """Pauses the video on a weak downlink, waits for the first try; the time it starts."""
    t = 0.0
    while policy.update(sample(to_kbps=100), t) is VideoMode.VIDEO:
        t += 1
    t += PROBE_AFTER_SECONDS[0]
    assert policy.update(sample(from_kbps=110), t) is VideoMode.PROBING
    return t


def test_seconds_of_a_keyframe_burst_do_not_pause_the_video() -> None:
    policy = AudioOnlyPolicy()
    losses = [0.02, 0.2, 0.33, 0.02, 0.02, 0.5, 0.02, 0.02, 0.2, 0.02]
    modes = [policy.update(sample(to_loss=loss), float(t)) for t, loss in enumerate(losses)]
    assert set(modes) == {VideoMode.VIDEO}


def test_a_weak_uplink_pauses_the_video() -> None:
    policy = AudioOnlyPolicy()
    modes = [policy.update(sample(from_kbps=110), float(t)) for t in range(6)]
    assert modes[-1] is VideoMode.AUDIO_ONLY
    assert policy.reason is AudioOnlyReason.FROM_PATIENT


def test_a_try_gives_the_patients_estimate_time_to_grow() -> None:
    policy = AudioOnlyPolicy()
    t = start = paused_then_tried(policy)
    estimate = 110.0
    while t - start < PROBE_RAMP_SECONDS:
        t += 1
        estimate *= 1.08
        assert policy.update(sample(from_kbps=estimate), t) is VideoMode.PROBING
    while policy.mode is VideoMode.PROBING:
        t += 1
        estimate *= 1.08
        policy.update(sample(from_kbps=estimate), t)
    assert policy.mode is VideoMode.VIDEO


def test_a_clean_try_waits_longer_for_a_slowly_growing_estimate() -> None:
    policy = AudioOnlyPolicy()
    t = start = paused_then_tried(policy)
    estimate = 110.0
    while policy.mode is VideoMode.PROBING:
        t += 1
        estimate *= 1.04  # half the usual climb: past PROBE_MAX_SECONDS before 180 kbps
        policy.update(LinkSample(500, estimate, 0.0, 0.0, 0.25), t)
    assert policy.mode is VideoMode.VIDEO
    assert PROBE_MAX_SECONDS < t - start <= CLEAN_PROBE_MAX_SECONDS


def test_a_try_that_loses_packets_ends_at_the_usual_time() -> None:
    policy = AudioOnlyPolicy()
    t = start = paused_then_tried(policy)
    estimate = 110.0
    while policy.mode is VideoMode.PROBING:
        t += 1
        estimate *= 1.04
        lost = 0.05 if t - start == 4 else 0.0  # one lossy second: the link is at its limit
        policy.update(LinkSample(500, estimate, lost, 0.0, 0.25), t)
    assert policy.mode is VideoMode.AUDIO_ONLY
    assert t - start == PROBE_MAX_SECONDS


def test_a_try_that_stays_weak_pauses_again() -> None:
    policy = AudioOnlyPolicy()
    t = 0.0
    while policy.update(sample(to_kbps=100), t) is VideoMode.VIDEO:
        t += 1
    t += PROBE_AFTER_SECONDS[0]
    policy.update(sample(to_kbps=100), t)
    for _ in range(6):
        t += 1
        policy.update(sample(to_kbps=100), t)
    assert policy.mode is VideoMode.AUDIO_ONLY
    assert policy.failed_probes == 1


def test_a_try_during_which_the_network_got_better_is_soon_tried_again() -> None:
    policy = AudioOnlyPolicy()
    t = 0.0
    slow = LinkSample(100, 110, 0.01, 0.01, 0.85)
    while policy.update(slow, t) is VideoMode.VIDEO:
        t += 1
    t += PROBE_AFTER_SECONDS[0]
    assert policy.update(slow, t) is VideoMode.PROBING
    faster = LinkSample(200, 110, 0.01, 0.01, 0.3)  # the browser's estimate lags behind
    while policy.update(faster, t) is VideoMode.PROBING:
        t += 1
    paused = t
    while policy.update(faster, t) is VideoMode.AUDIO_ONLY:
        t += 1
    assert t - paused <= 6
