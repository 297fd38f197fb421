"""Settings → Devices: this PC's camera, microphone and speaker, for whoever is signed in.

Each list starts with the system's default. While the page shows, the picture a call would
send is previewed (converted off the event loop, services/device_preview.py) and the
microphone's level moves a meter; "Play a test sound" plays a chime on the chosen speaker. A
choice is kept at once for this PC (services/device_choice.py says why it is not a practice
setting): the next call opens that camera and microphone, and the speaker changes at once, in a
call too. The preview stops, and the devices are released, when the page is hidden or closed.
"""

from __future__ import annotations

import io
import wave
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices, QtAudio
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tooddoc_desk.calls.device_specs import DeviceSpec
from tooddoc_desk.calls.frame_types import RgbFrame
from tooddoc_desk.core.users import User
from tooddoc_desk.services.accounts import Accounts
from tooddoc_desk.services.device_choice import DeviceChoices
from tooddoc_desk.ui.i18n import FollowsLanguage, fill
from tooddoc_desk.ui.sound_output import speaker, speaker_id
from tooddoc_desk.ui.tasks import Tasks
from tooddoc_desk.ui.video_widget import VideoWidget
from tooddoc_desk.ui.waiting_alert import chime_wav

if TYPE_CHECKING:
    from tooddoc_desk.services.device_preview import DevicePreview, Opened

PreviewFactory = Callable[[Callable[[RgbFrame], None], Callable[[float], None]], "DevicePreview"]
METER_GAIN = 4.0  # speech sits around 0.05-0.2 RMS: the meter shows it at a fifth to most


def _default_preview(
    on_frame: Callable[[RgbFrame], None], on_level: Callable[[float], None]
) -> DevicePreview:
    from tooddoc_desk.services.device_preview import DevicePreview  # noqa: PLC0415 (the engine)

    return DevicePreview(on_frame, on_level)


class TestSound:
    """A short chime on one speaker (pull mode from a buffer: nothing to feed on the loop)."""

    __test__ = False  # not a pytest class

    def __init__(self) -> None:
        with wave.open(io.BytesIO(chime_wav())) as wav:
            self._rate = wav.getframerate()
            self._pcm = QByteArray(wav.readframes(wav.getnframes()))
        self._sink: QAudioSink | None = None
        self._buffer: QBuffer | None = None
        self.plays = 0

    def play(self, chosen: str | None) -> bool:
        """Plays on the output of id `chosen` (or the default); False when there is none."""
        self.stop()
        output, _found = speaker(chosen)
        audio_format = QAudioFormat()
        audio_format.setSampleRate(self._rate)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        if output.isNull() or not output.isFormatSupported(audio_format):
            return False
        self._buffer = QBuffer()
        self._buffer.setData(self._pcm)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._sink = QAudioSink(output, audio_format)
        self._sink.start(self._buffer)
        if self._sink.error() != QtAudio.Error.NoError:
            self.stop()
            return False
        self.plays += 1
        return True

    def playing(self) -> bool:
        return self._sink is not None and self._sink.state() == QtAudio.State.ActiveState

    def stop(self) -> None:
        if self._sink is not None:
            self._sink.stop()
        self._sink, self._buffer = None, None


class DevicesPage(FollowsLanguage, QWidget):
    notes_changed = Signal()  # a note appeared, went or changed: the page may need more room

    def __init__(
        self,
        choices: DeviceChoices,
        tasks: Tasks,
        parent: QWidget | None = None,
        *,
        preview_factory: PreviewFactory = _default_preview,
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._tasks = tasks
        self._preview_factory = preview_factory
        self.preview: DevicePreview | None = None
        self._cameras: list[DeviceSpec] = []
        self._microphones: list[DeviceSpec] = []
        self._camera_shown: Opened | None = None
        self._microphone_heard: Opened | None = None
        self._filling = False

        self.camera = QComboBox()
        self.microphone = QComboBox()
        self.speaker = QComboBox()
        self.video = VideoWidget("")
        self.video.setMinimumSize(320, 240)
        self.camera_note = QLabel("")
        self.camera_note.setWordWrap(True)
        self.level = QProgressBar()
        self.level.setRange(0, 100)
        self.level.setTextVisible(False)
        self.microphone_note = QLabel("")
        self.microphone_note.setWordWrap(True)
        self.test_button = QPushButton()
        self.speaker_note = QLabel("")
        self.speaker_note.setWordWrap(True)
        self.applies = QLabel("")
        self.applies.setWordWrap(True)
        self.test_sound = TestSound()
        self._labels = [QLabel() for _ in range(4)]

        self._build()

        self.camera.currentIndexChanged.connect(self._camera_chosen)
        self.microphone.currentIndexChanged.connect(self._microphone_chosen)
        self.speaker.currentIndexChanged.connect(self._speaker_chosen)
        self.test_button.clicked.connect(self.play_test_sound)
        self.video.resized.connect(self._follow_size)
        self.retranslate()

    def _build(self) -> None:
        """One grid: labels in the first column; the preview and the notes span both."""
        grid = QGridLayout(self)
        speaker_row = QHBoxLayout()
        speaker_row.addWidget(self.speaker, 1)
        speaker_row.addWidget(self.test_button)
        rows: list[tuple[QLabel | None, QWidget | QHBoxLayout]] = [
            (self._labels[0], self.camera),
            (None, self.video),
            (None, self.camera_note),
            (self._labels[1], self.microphone),
            (self._labels[2], self.level),
            (None, self.microphone_note),
            (self._labels[3], speaker_row),
            (None, self.speaker_note),
            (None, self.applies),
        ]
        for row, (label, field) in enumerate(rows):
            column, span = (0, 2) if label is None else (1, 1)
            if label is not None:
                grid.addWidget(label, row, 0)
            if isinstance(field, QHBoxLayout):
                grid.addLayout(field, row, column, 1, span)
            else:
                grid.addWidget(field, row, column, 1, span)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)  # the preview takes the room there is
        for label, field in zip(
            self._labels, (self.camera, self.microphone, self.level, self.speaker), strict=True
        ):
            label.setBuddy(field)

    def retranslate(self) -> None:
        for label, text in zip(
            self._labels,
            (self.tr("Camera"), self.tr("Microphone"), self.tr("Level"), self.tr("Speaker")),
            strict=True,
        ):
            label.setText(text)
        self.camera.setAccessibleName(self.tr("Camera"))
        self.microphone.setAccessibleName(self.tr("Microphone"))
        self.speaker.setAccessibleName(self.tr("Speaker"))
        self.level.setAccessibleName(self.tr("Microphone level"))
        self.video.setAccessibleName(self.tr("Camera preview"))
        self.video.set_placeholder(self.tr("Opening the camera…"))
        self.test_button.setText(self.tr("Play a test sound"))
        self._note(
            self.applies,
            self.tr(
                "A change is kept for this computer at once. The next call uses the camera and "
                "the microphone chosen (a call in progress keeps its own); the speaker changes "
                "at once, in a call too."
            ),
        )
        if self._cameras or self._microphones:
            self._fill()
        self._say_camera()
        self._say_microphone()
        self._say_speaker()

    # --- lists -----------------------------------------------------------------------------

    def _fill(self) -> None:
        """The lists, each device chosen marked; one chosen but not connected is listed too."""
        choice = self._choices.current
        self._filling = True
        try:
            self._fill_box(self.camera, self.tr("Default camera"), self._cameras, choice.camera)
            self._fill_box(
                self.microphone, self.tr("Default microphone"), self._microphones, choice.microphone
            )
            outputs = [(speaker_id(d), d.description()) for d in QMediaDevices.audioOutputs()]
            self._fill_items(self.speaker, self.tr("Default speaker"), outputs, choice.speaker)
        finally:
            self._filling = False

    def _fill_box(
        self, box: QComboBox, default: str, specs: list[DeviceSpec], chosen: str | None
    ) -> None:
        named = [(spec.label, spec.name) for spec in specs if not spec.default]
        self._fill_items(box, default, named, chosen)

    def _fill_items(
        self, box: QComboBox, default: str, items: list[tuple[str, str]], chosen: str | None
    ) -> None:
        box.clear()
        box.addItem(default, None)
        for key, name in items:
            box.addItem(name, key)
        if chosen is not None and box.findData(chosen) < 0:
            box.addItem(fill(self.tr("%1 (not connected)"), chosen), chosen)
        box.setCurrentIndex(max(0, box.findData(chosen)))

    @staticmethod
    def _chosen(box: QComboBox) -> str | None:
        data = box.currentData()
        return data if isinstance(data, str) else None

    # --- choosing ----------------------------------------------------------------------------

    def _camera_chosen(self) -> None:
        if self._filling:
            return
        self._keep(camera=self._chosen(self.camera))
        if self.preview is not None:
            self._tasks.run(self._show_camera(self.preview))

    def _microphone_chosen(self) -> None:
        if self._filling:
            return
        self._keep(microphone=self._chosen(self.microphone))
        if self.preview is not None:
            self._tasks.run(self._listen(self.preview))

    def _speaker_chosen(self) -> None:
        if self._filling:
            return
        self._keep(speaker=self._chosen(self.speaker))
        self._say_speaker()

    def _keep(self, **changes: str | None) -> None:
        self._choices.save(replace(self._choices.current, **changes))

    def play_test_sound(self) -> None:
        played = self.test_sound.play(self._choices.current.speaker)
        if not played:
            self.speaker_note.setText(self.tr("This computer has no speaker to play on."))

    # --- what the page says ------------------------------------------------------------------

    def _note(self, label: QLabel, text: str) -> None:
        """Says `text` under a device (nothing: the line goes), with the height its wrapped
        lines need at the narrowest the page gets, so that it never goes over the preview."""
        label.setText(text)
        label.setVisible(bool(text))
        label.setMinimumHeight(label.heightForWidth(self.video.minimumWidth()) if text else 0)
        self.notes_changed.emit()

    def _say_camera(self) -> None:
        shown = self._camera_shown
        chosen = self._choices.current.camera
        if shown is None:
            text = ""
        elif shown.label is None:
            text = self.tr(
                "No camera could be opened: a call sends this test pattern instead. Check that "
                "the camera is plugged in and that no other program uses it."
            )
        elif chosen is not None and shown.label != chosen:
            text = fill(
                self.tr("The camera chosen could not be opened: a call would use %1."),
                shown.name or shown.label,
            )
        else:
            text = ""
        self._note(self.camera_note, text)

    def _say_microphone(self) -> None:
        heard = self._microphone_heard
        chosen = self._choices.current.microphone
        if heard is None:
            text = ""
        elif heard.label is None:
            text = self.tr(
                "No microphone could be opened: a call sends a quiet tone instead, and the "
                "patient does not hear you. Check that it is plugged in."
            )
        elif chosen is not None and heard.label != chosen:
            text = self.tr("The microphone chosen could not be opened: a call would use another.")
        else:
            text = self.tr("Speak: the bar moves with your voice.")
        self._note(self.microphone_note, text)

    def _say_speaker(self) -> None:
        if QMediaDevices.defaultAudioOutput().isNull() and not QMediaDevices.audioOutputs():
            text = self.tr("This computer has no speaker to play on.")
        else:
            _device, found = speaker(self._choices.current.speaker)
            text = (
                ""
                if found
                else self.tr("The speaker chosen is not connected: the default one plays.")
            )
        self._note(self.speaker_note, text)

    # --- the live preview --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.preview is None:
            self.preview = self._preview_factory(self.video.show_frame, self._show_level)
            self._follow_size()
            self._tasks.run(self._start(self.preview))

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.stop_preview()

    def stop_preview(self) -> None:
        """Stops the preview and releases the devices (the page is hidden or closed)."""
        preview, self.preview = self.preview, None
        self.test_sound.stop()
        if preview is not None:
            preview.detach()
            self._tasks.run(preview.close())
        self.video.clear()
        self.level.setValue(0)

    def _follow_size(self) -> None:
        if self.preview is not None:
            self.preview.set_box(self.video.show_frame, self.video.box())

    def _show_level(self, level: float) -> None:
        self.level.setValue(min(100, round(level * METER_GAIN * 100)))

    async def _start(self, preview: DevicePreview) -> None:
        self._cameras, self._microphones = await self._choices.listed()
        if self.preview is not preview:
            return
        self._fill()
        self._say_speaker()
        await self._show_camera(preview)
        await self._listen(preview)

    async def _show_camera(self, preview: DevicePreview) -> None:
        shown = await preview.show_camera(self._choices.current.camera)
        if self.preview is preview:
            self._camera_shown = shown
            self._say_camera()

    async def _listen(self, preview: DevicePreview) -> None:
        heard = await preview.listen(self._choices.current.microphone)
        if self.preview is preview:
            self._microphone_heard = heard
            self._say_microphone()


class DevicesDialog(FollowsLanguage, QDialog):
    """The Devices page on its own, for anyone signed in (the practice's settings are for
    managers); closing it stops the preview."""

    def __init__(self, choices: DeviceChoices, tasks: Tasks, parent: QWidget | None = None):
        super().__init__(parent)
        self.page = DevicesPage(choices, tasks)
        self.close_button = QPushButton()
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addLayout(buttons)
        self.page.notes_changed.connect(self._make_room)
        self.finished.connect(lambda _result: self.page.stop_preview())
        self.retranslate()

    def _make_room(self) -> None:
        """Grows to what the page's wrapped notes need (else they would go over the preview)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            if self.height() < layout.minimumSize().height():
                self.resize(self.width(), layout.minimumSize().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Devices"))
        self.close_button.setText(self.tr("Close"))


class DevicesEntry(QObject):
    """The Devices… button in the window's status bar, for anyone signed in (hidden while the
    desk is locked or nobody is signed in, and the dialog closed)."""

    def __init__(
        self,
        window: QMainWindow,
        accounts: Accounts,
        choices: DeviceChoices,
        tasks: Tasks,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.choices = choices
        self._tasks = tasks
        self.button = QPushButton()
        self.button.clicked.connect(self.open)
        self.dialog: DevicesDialog | None = None
        window.statusBar().insertPermanentWidget(0, self.button)
        window.installEventFilter(self)
        self.retranslate()
        accounts.subscribe(self._follow)
        self._follow(accounts.current)

    def retranslate(self) -> None:
        self.button.setText(self.tr("Devices…"))
        self.button.setToolTip(self.tr("Camera, microphone and speaker of this computer"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = DevicesDialog(self.choices, self._tasks, self._window)
        self.dialog.open()

    def _follow(self, user: User | None) -> None:
        self.button.setVisible(user is not None)
        if user is None and self.dialog is not None:
            self.dialog.reject()
