"""The call view's quality indicator, and what it says while the network carries no video."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tooddoc_desk.calls.events import QualityHint
from tooddoc_desk.calls.frame_types import RgbFrame
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


def test_mute_and_camera_off_ask_with_a_click_or_a_shortcut_and_a_new_call_starts_with_both_on(
    qtbot: QtBot,
) -> None:
    view = in_call(qtbot)
    asked: list[tuple[str, str, bool]] = []
    view.microphone_requested.connect(lambda cid, on: asked.append(("microphone", cid, on)))
    view.camera_requested.connect(lambda cid, on: asked.append(("camera", cid, on)))
    assert (view.mute_button.text(), view.camera_button.text()) == ("Mute", "Camera off")

    view.activateWindow()
    view.hang_up_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.hang_up_button)
    QTest.keyClick(view.hang_up_button, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    QTest.mouseClick(view.camera_button, Qt.MouseButton.LeftButton)
    assert asked == [("microphone", "c-1", False), ("camera", "c-1", False)]
    assert (view.mute_button.text(), view.camera_button.text()) == ("Unmute", "Camera on")
    assert view.mute_button.toolTip() == "Unmute (Ctrl+D)"

    QTest.mouseClick(view.mute_button, Qt.MouseButton.LeftButton)
    assert asked[-1] == ("microphone", "c-1", True)

    view.finished()
    assert not view.mute_button.isEnabled()
    view.prepare("c-2", "+32 470 65 43 21")
    assert not view.camera_button.isChecked()  # the new call's publisher sends the camera
    assert view.camera_button.text() == "Camera off"
    assert len(asked) == 3  # resetting the buttons asked nothing
