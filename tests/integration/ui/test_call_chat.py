"""The call's chat in the window, with real parts: the call view's chat pane driven with the
keyboard, the consultation service, the embedded hub and the encrypted store, and a scripted
patient page on the websocket. Enter sends; the patient's lines show as plain text and light the
new-message cue when the practitioner is elsewhere; the limit is said before anything leaves;
History shows the chat to practitioners only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.aio import until
from tests.helpers.hosted_app import run_on_qasync
from tests.helpers.hub import signaling
from tests.integration.services.rig import rig, token_of
from tests.integration.ui.desk import desk
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import Role
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.events import ConsultationChanged, PatientArrived

DEVICE = "0123456789abcdef0123456789abcdef"
XSS = '<img src=x onerror="alert(1)"><b>fièvre</b>'


def chat(text: str) -> dict[str, str]:
    return {"type": "signal", "signal_type": "chat", "data": text}


def test_chat_in_the_call_view_and_in_history(
    loopback_only: None, qapp: QApplication, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with (
            rig(tmp_path, DevOutbox()) as r,
            signaling(r.websockets, r.hub) as patient,
            desk(r) as (window, _lock),
        ):
            consultation = await r.invited(language=Language.EN)
            await patient.hello("patient", token_of(consultation.link), DEVICE)
            await patient.send({"type": "join"})
            await r.events.wait_for(PatientArrived)
            window.admit(consultation.id)
            await patient.expect("admitted")
            pane = window.call_view.chat
            assert pane is window.chat
            assert pane.isEnabled()
            assert pane.title.text() == "Chat with the patient"

            # the keyboard: type, Enter sends; Shift+Enter is a new line
            pane.input.setFocus()
            QTest.keyClicks(pane.input, "Bonjour")
            QTest.keyClick(pane.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
            QTest.keyClicks(pane.input, "Depuis quand ?")
            QTest.keyClick(pane.input, Qt.Key.Key_Return)
            assert await patient.receive() == chat("Bonjour\nDepuis quand ?")
            await until(lambda: pane.input.toPlainText() == "", "the field emptied once sent")
            assert pane.transcript.count() == 1
            first = pane.transcript.item(0).text()
            assert first.startswith("You · ")
            assert first.endswith("\nBonjour\nDepuis quand ?")

            # the patient answers while the practitioner writes notes: the cue and the tab
            window.notes.editor.setFocus()
            await patient.send(chat(XSS))
            await until(lambda: pane.transcript.count() == 2, "the patient's line")
            assert pane.transcript.item(1).text().endswith("\n" + XSS)  # as typed, as text
            assert pane.transcript.item(1).text().startswith("Patient · ")
            assert "&lt;img src=x" in pane.transcript.item(1).toolTip()  # the whole line, as text
            assert "<img" not in pane.transcript.item(1).toolTip()
            assert not pane.cue.isHidden()
            assert pane.cue.text() == "● 1 new message"
            assert window.tabs.tabText(window.tabs.indexOf(window.call_view)) == "Call (1 new)"
            focus = QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason)
            QApplication.sendEvent(pane.input, focus)  # (offscreen, setFocus may send none)
            assert pane.cue.isHidden()
            assert window.tabs.tabText(window.tabs.indexOf(window.call_view)) == "Call"

            # over the limit: said at once, Enter sends nothing, the text stays
            pane.input.setPlainText("x" * 2001)
            assert (
                pane.status.text() == "A message is at most 2,000 characters; this one has 2,001."
            )
            assert not pane.send_button.isEnabled()
            QTest.keyClick(pane.input, Qt.Key.Key_Return)
            assert pane.input.toPlainText() == "x" * 2001
            await patient.assert_nothing_pending()
            pane.input.clear()
            assert pane.status.text() == ""

            # the patient leaves before the call connected: the call view lets the
            # consultation go, its chat with it (kept in the store: History shows it)
            await patient.send({"type": "bye"})
            await r.events.wait_for_match(
                ConsultationChanged, lambda event: event.consultation.state.is_final
            )
            await until(lambda: not pane.isEnabled(), "the chat closed with the call")
            assert window.call_view.consultation_id is None
            assert pane.transcript.count() == 0

            history = window.history
            window.tabs.setCurrentWidget(history)
            await until(lambda: history.model.rowCount() == 1, "the consultation in History")
            history.table.selectRow(0)
            assert history.chat.isVisible()
            assert history.chat.title.text() == "Chat during the call"
            assert history.chat.input.isHidden()
            texts = [history.chat.transcript.item(n).text() for n in range(2)]
            assert texts[0].startswith("Practitioner · ")
            assert texts[1].endswith(XSS)

            await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
            r.accounts.sign_out()
            await r.accounts.sign_in("Anne", "482915")
            await until(lambda: history.model.rowCount() == 1, "Anne's History")
            history.table.selectRow(0)
            assert not history.chat.isVisible()  # reception never sees the chat
            assert history.chat.transcript.count() == 0
            assert not window.tabs.isTabVisible(window.tabs.indexOf(window.call_view))

    run_on_qasync(qapp, scenario)
