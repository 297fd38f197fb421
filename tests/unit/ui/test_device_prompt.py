"""The second-device question: shown without blocking, one at a time, answered with a click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tooddoc_desk.ui.device_prompt import DevicePrompt


def shown_prompt(qtbot: QtBot) -> tuple[QWidget, DevicePrompt]:
    window = QWidget()  # the prompt lives in a window; it is not a window of its own
    qtbot.addWidget(window)
    prompt = DevicePrompt(window)
    window.show()
    qtbot.waitExposed(window)
    return window, prompt


def test_the_question_waits_for_an_answer_without_blocking(qtbot: QtBot) -> None:
    _, prompt = shown_prompt(qtbot)
    assert not prompt.isVisible()
    prompt.ask("c-1", "+32 470 12 34 56")
    assert prompt.isVisible()
    assert not prompt.isWindow()  # non-modal: part of the main window, not a dialog
    assert prompt.question.text() == (
        "The link was opened on a second device. Let the new device in?"
    )
    assert prompt.let_in_button.text() == "Let it in"
    assert prompt.keep_button.text() == "Keep the first one"
    assert prompt.who.text() == "Consultation with +32 470 12 34 56"

    with qtbot.waitSignal(prompt.decided) as decided:
        QTest.mouseClick(prompt.let_in_button, Qt.MouseButton.LeftButton)
    assert decided.args == ["c-1", True]
    assert not prompt.isVisible()


def test_questions_come_one_at_a_time_oldest_first(qtbot: QtBot) -> None:
    _, prompt = shown_prompt(qtbot)
    prompt.ask("c-1", "first@example.be")
    prompt.ask("c-2", "second@example.be")
    prompt.ask("c-1", "first@example.be")  # asked again while waiting: still one question
    assert prompt.pending == ["c-1", "c-2"]
    assert prompt.who.text() == "Consultation with first@example.be (1 more waiting)"

    with qtbot.waitSignal(prompt.decided) as decided:
        QTest.mouseClick(prompt.keep_button, Qt.MouseButton.LeftButton)
    assert decided.args == ["c-1", False]
    assert prompt.isVisible()
    assert prompt.who.text() == "Consultation with second@example.be"

    prompt.withdraw("c-2")  # that consultation ended: the question no longer stands
    assert not prompt.isVisible()
    assert prompt.pending == []
    prompt.withdraw("c-2")  # twice is fine
