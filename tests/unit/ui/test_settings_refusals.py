"""What Settings (and settings.json) refuse is said as a sentence of the catalog, in the window's
language: never a setting's technical name, never left in English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tooddoc_desk.config import ConfigError, settings_from
from tooddoc_desk.core.language import Language
from tooddoc_desk.ui import i18n

TWILIO_SID = "AC" + "0123456789abcdef" * 2
MAIL = {"host": "smtp.example.be", "from_address": "noreply@cabinet.be"}

# each raw settings.json, and the setting its refusal is about
REFUSED: list[tuple[dict[str, object], str | None]] = [
    ({"practice_name": ""}, "practice_name"),
    ({"practice_name": "x" * 81}, "practice_name"),
    ({"language": "es"}, "language"),
    ({"invite_lead_minutes": 0}, "invite_lead_minutes"),
    ({"invite_lead_minutes": "30"}, "invite_lead_minutes"),
    ({"auto_lock_minutes": 241}, "auto_lock_minutes"),
    ({"video_source": "webcam"}, "video_source"),
    ({"hub": {"port": 70000}}, "hub.port"),
    ({"hub": {"mode": "cloud"}}, "hub.mode"),
    ({"hub": {"mode": "hosted"}}, "hub.url"),
    ({"hub": {"mode": "hosted", "url": "http://hub.example.be"}}, "hub.url"),
    ({"hub": "here"}, None),
    ({"sms": {"provider": "cm"}}, "sms.provider"),
    ({"sms": {"provider": "twilio", "account_id": TWILIO_SID}}, "sms.sender_id"),
    (
        {"sms": {"provider": "twilio", "sender_id": "Dr Peeters & Co", "account_id": TWILIO_SID}},
        "sms.sender_id",
    ),
    ({"sms": {"provider": "twilio", "sender_id": "DrP", "account_id": "SK1"}}, "sms.account_id"),
    ({"sms": {"provider": "vonage", "sender_id": "DrP", "account_id": "a b"}}, "sms.account_id"),
    (
        {
            "sms": {
                "provider": "twilio",
                "sender_id": "DrP",
                "account_id": TWILIO_SID,
                "api_url": "http://api.example.com",
            }
        },
        "sms.api_url",
    ),
    ({"sms": {"provider": "twilio", "sender_id": 42}}, "sms.sender_id"),
    ({"sms": "twilio"}, "sms"),
    ({"email": {"username": "me"}}, "email.host"),
    ({"email": {"host": "smtp example"}}, "email.host"),
    ({"email": {**MAIL, "port": "x"}}, "email.port"),
    ({"email": {**MAIL, "port": 0}}, "email.port"),
    ({"email": {**MAIL, "security": "ssl"}}, "email.security"),
    ({"email": {"host": "smtp.example.be"}}, "email.from_address"),
    ({"email": {**MAIL, "from_address": "not an address"}}, "email.from_address"),
    ({"email": {**MAIL, "reply_to": "x@"}}, "email.reply_to"),
    ({"email": {**MAIL, "from_name": "x" * 81}}, "email.from_name"),
]


def refusal(raw: dict[str, object]) -> ConfigError:
    with pytest.raises(ConfigError) as refused:
        settings_from({"practice_name": "Cabinet Dr Peeters", **raw}, Path("settings.json"))
    return refused.value


@pytest.fixture
def speaking(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install_language(Language.EN)
    QCoreApplication.processEvents()


@pytest.mark.parametrize(("raw", "field"), REFUSED)
def test_a_refusal_names_its_setting_and_says_it_in_plain_words(
    raw: dict[str, object], field: str | None
) -> None:
    refused = refusal(raw)
    assert refused.field == field
    assert refused.message.endswith(".")
    if field is not None:
        if "." in field or "_" in field:
            assert field not in refused.message  # words, not the file's names
        assert str(refused).startswith(f"settings.json: {field}: {refused.message}")


@pytest.mark.parametrize("language", [Language.FR, Language.NL, Language.DE])
def test_every_refusal_is_said_in_the_window_language(speaking: None, language: Language) -> None:
    assert i18n.install_language(language), "run scripts/translations.sh"
    untranslated = []
    for raw, _field in REFUSED:
        message = refusal(raw).message
        said = i18n.sentence(message)
        if said == message:
            untranslated.append(message)
        for number in ("50", "240"):  # the values of a template stay in the sentence
            assert (number in message) == (number in said), said
    assert untranslated == []
