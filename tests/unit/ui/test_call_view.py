"""The call view's quality indicator, and what it says while the network carries no video."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tooddoc_desk.calls.events import QualityHint
from tooddoc_desk.calls.frames import RgbFrame
from tooddoc_desk.ui.call_view import AUDIO_ONLY, CallView


def in_call(qtbot: QtBot) -> CallView:
    view = CallView()
    qtbot.addWidget(view)
    view.show()
    view.prepare("c-1", "+32 470 12 34 56")
    view.started()
    return view


def test_the_indicator_follows_the_hint(qtbot: QtBot) -> None:
    view = in_call(qtbot)
    assert view.quality_label.text() == ""  # nothing measured yet
    view.show_quality(QualityHint.GOOD, audio_only=False)
    assert view.quality_label.text() == "Connection: good"
    view.show_quality(QualityHint.FAIR, audio_only=False)
    assert view.quality_label.text().startswith("Connection: fair")
    assert view.status_label.text() == "In call"


def test_audio_only_says_why_there_is_no_picture_until_the_video_is_back(qtbot: QtBot) -> None:
    view = in_call(qtbot)
    picture = RgbFrame(4, 2, bytes(32), 16)
    view.remote.show_frame(picture)
    view.show_quality(QualityHint.POOR, audio_only=True)
    assert view.quality_label.text() == "Connection: poor"
    assert view.status_label.text() == AUDIO_ONLY
    assert not view.remote.showing_picture()
    assert view.remote.placeholder == AUDIO_ONLY

    view.show_quality(QualityHint.FAIR, audio_only=False)
    assert view.status_label.text() == "In call"
    view.remote.show_frame(picture)
    assert view.remote.showing_picture()

    view.finished()
    assert (view.quality_label.text(), view.audio_only) == ("", False)
