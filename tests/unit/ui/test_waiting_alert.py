"""The waiting-room alert: a chime that is a real sound, and an alert each time a patient
arrives, whatever the machine offers (here: no tray, no speaker)."""

from __future__ import annotations

import io
import wave
from datetime import timedelta

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.helpers.storage import T0, make_consultation
from tooddoc_desk.core.consultation import State
from tooddoc_desk.ui.today_view import TodayView, waiting_since
from tooddoc_desk.ui.waiting_alert import CHIME_RATE, WaitingAlert, app_icon, chime_wav


def test_the_chime_is_a_short_mono_wav_that_starts_and_ends_quietly() -> None:
    with wave.open(io.BytesIO(chime_wav())) as chime:
        assert (chime.getnchannels(), chime.getsampwidth(), chime.getframerate()) == (
            1,
            2,
            CHIME_RATE,
        )
        seconds = chime.getnframes() / CHIME_RATE
        frames = chime.readframes(chime.getnframes())
    assert 0.3 < seconds < 1.0
    first, last = (
        int.from_bytes(frames[:2], "little", signed=True),
        int.from_bytes(frames[-2:], "little", signed=True),
    )
    assert abs(first) < 200
    assert abs(last) < 200
    assert (
        max(
            abs(int.from_bytes(frames[i : i + 2], "little", signed=True))
            for i in range(0, len(frames), 2)
        )
        > 8000
    )  # loud enough to hear


def test_each_arrival_alerts_even_without_tray_or_speaker(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    alert = WaitingAlert(window)
    alert.patient_arrived()
    alert.patient_arrived()
    assert alert.alerts == 2
    assert not app_icon().isNull()


def test_the_waiting_banner_says_who_waits_and_since_when(qtbot: QtBot) -> None:
    view = TodayView()
    qtbot.addWidget(view)
    view.show()
    consultation = make_consultation(until=State.WAITING)
    since = waiting_since(consultation)
    assert since == T0 + timedelta(seconds=90)
    view.show_consultation(consultation)
    assert view.waiting_banner.isVisible()
    local = since.astimezone().strftime("%H:%M")
    assert f"+32 470 12 34 56 since {local}" in view.waiting_banner.text()
