"""The call's chat through the consultation service, with real parts: the embedded hub, the real
Session, the encrypted store, and a scripted patient page on the websocket. Lines go both ways
and are kept; only someone who runs calls sends, only practitioners read; no text in the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import signaling
from tests.integration.services.rig import PATIENT_DEVICE, admitted_patient, rig, token_of
from tooddoc_desk.core.chat import ChatSender
from tooddoc_desk.core.language import Language
from tooddoc_desk.core.users import NotAllowed, Role
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.call_chat import ChatNotSent
from tooddoc_desk.services.events import ChatMessageAdded, PatientArrived
from tooddoc_desk.services.sentences import CHAT_EMPTY, CHAT_NO_CALL, chat_too_long

pytestmark = pytest.mark.usefixtures("loopback_only")

QUESTION = "Bonjour, depuis quand avez-vous de la fièvre ?"
ANSWER = "Depuis mardi, 38,5 °C"


def chat(text: str) -> dict[str, str]:
    return {"type": "signal", "signal_type": "chat", "data": text}


@async_test
async def test_lines_go_both_ways_and_are_kept_with_who_and_when(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with rig(tmp_path, DevOutbox()) as r, signaling(r.websockets, r.hub) as patient:
        consultation_id = await admitted_patient(r, patient)
        doctor = r.accounts.current
        assert doctor is not None

        sent = await r.service.chat.send(consultation_id, f"  {QUESTION}\n")
        assert sent.text == QUESTION
        assert await patient.receive() == chat(QUESTION)
        await patient.send(chat(ANSWER))
        added = await r.events.wait_for_match(
            ChatMessageAdded, lambda event: event.sender is ChatSender.PATIENT
        )
        assert added.consultation_id == consultation_id

        lines = r.service.chat.lines(consultation_id)
        assert [(m.sender, m.text, m.author_id) for m in lines] == [
            (ChatSender.PRACTITIONER, QUESTION, doctor.id),
            (ChatSender.PATIENT, ANSWER, None),
        ]
        assert lines[0].at <= lines[1].at
        assert r.store.consultations.chat.messages(consultation_id) == lines

        # a line the page should never send (empty, over the limit) is dropped
        await patient.send(chat("   "))
        await patient.send(chat("x" * 2001))
        await patient.send(chat("encore là"))
        await r.events.wait_for_count(ChatMessageAdded, 3)
        assert [m.text for m in r.service.chat.lines(consultation_id)][-1] == "encore là"
        assert len(r.service.chat.lines(consultation_id)) == 3

        with pytest.raises(ChatNotSent) as refused:
            await r.service.chat.send(consultation_id, "é" * 2001)
        assert refused.value.message == chat_too_long(2000, 2001)
        with pytest.raises(ChatNotSent) as refused:
            await r.service.chat.send(consultation_id, " \n ")
        assert refused.value.message == CHAT_EMPTY
        await patient.assert_nothing_pending()

    logged = "\n".join(record.getMessage() for record in caplog.records)
    for secret in ("fièvre", "mardi", "encore"):
        assert secret not in logged


@async_test
async def test_no_line_leaves_before_the_patient_is_admitted(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r, signaling(r.websockets, r.hub) as patient:
        consultation = await r.invited(language=Language.EN)
        await patient.hello("patient", token_of(consultation.link), PATIENT_DEVICE)
        await patient.send({"type": "join"})
        await r.events.wait_for(PatientArrived)
        with pytest.raises(ChatNotSent) as refused:
            await r.service.chat.send(consultation.id, "Vous m'entendez ?")
        assert refused.value.message == CHAT_NO_CALL
        await patient.send(chat("Je suis là"))  # the hub refuses it: not admitted yet
        assert (await patient.expect("error"))["code"] == "not_admitted"
        assert r.service.chat.lines(consultation.id) == []


@async_test
async def test_a_receptionist_neither_sends_nor_reads_the_chat(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r, signaling(r.websockets, r.hub) as patient:
        consultation_id = await admitted_patient(r, patient)
        await r.service.chat.send(consultation_id, QUESTION)
        await patient.expect("signal")

        await r.accounts.add_user("Anne", frozenset({Role.RECEPTIONIST}), "482915")
        r.accounts.sign_out()
        await r.accounts.sign_in("Anne", "482915")
        with pytest.raises(NotAllowed, match="Anne cannot run calls"):
            await r.service.chat.send(consultation_id, "Le docteur arrive")
        with pytest.raises(NotAllowed, match="Anne cannot read or write"):
            r.service.chat.lines(consultation_id)
        await patient.assert_nothing_pending()
        assert [m.text for m in r.store.consultations.chat.messages(consultation_id)] == [QUESTION]
